import type { EditableField } from './catalogue';
import type { Step } from './model';
import { refsIn } from './refs';

/** Field-by-field differences recorded with an edit decision. */
export type Edits = Record<string, { from: unknown; to: unknown }>;

/**
 * Apply form values (strings, as Adaptive Card inputs send them) to a step's input. Only the
 * action's editable fields are taken; anything else on the form is ignored, so a card can
 * never smuggle in a field the action doesn't offer for editing.
 */
export function applyEdits(
  input: Record<string, unknown>,
  editable: readonly EditableField[],
  values: Record<string, unknown>,
): { input: Record<string, unknown>; edits: Edits } {
  const next: Record<string, unknown> = { ...input };
  const edits: Edits = {};
  for (const field of editable) {
    if (!(field.name in values)) continue;
    const to = convert(field, values[field.name]);
    const from = input[field.name];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    next[field.name] = to;
    edits[field.name] = { from, to };
  }
  return { input: next, edits };
}

function convert(field: EditableField, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  switch (field.kind) {
    case 'list':
      return raw
        .split(/[;,\n]/)
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
    case 'number':
      return raw.trim() === '' ? undefined : Number(raw);
    case 'datetime': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : date.toISOString();
    }
    default:
      return raw;
  }
}

/**
 * What an edit starts from: the resolved input, or — for a step that failed before its input
 * could be resolved — its literal planned values, references left for the person to fill in.
 */
export function editableInput(step: Step): Record<string, unknown> {
  return (
    step.resolvedInput ??
    Object.fromEntries(Object.entries(step.input).filter(([, value]) => refsIn(value).length === 0))
  );
}
