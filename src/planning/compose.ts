import type { StepDraft } from '../engine/ports';
import type { Fragment } from './intents/fragment';

const LOCAL_REF = /^s(\d+)(\..*)?$/;

function shift(value: unknown, offset: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shift(item, offset));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]?.[0] === '$ref' && typeof entries[0][1] === 'string') {
    const match = LOCAL_REF.exec(entries[0][1]);
    if (match) return { $ref: `s${Number(match[1]) + offset}${match[2] ?? ''}` };
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, shift(item, offset)]));
}

/**
 * Join fragments into one plan: steps in order, each fragment's references moved past the
 * steps before it, titles joined ("Summarise …, then set up …").
 */
export function combineFragments(fragments: readonly Fragment[]): { title: string; steps: StepDraft[] } {
  const steps: StepDraft[] = [];
  for (const fragment of fragments) {
    const offset = steps.length;
    for (const step of fragment.steps) {
      steps.push({ ...step, input: shift(step.input, offset) as Record<string, unknown> });
    }
  }
  const title = fragments
    .map((fragment, index) =>
      index === 0 ? fragment.title : fragment.title.charAt(0).toLowerCase() + fragment.title.slice(1),
    )
    .join(', then ');
  return { title, steps };
}
