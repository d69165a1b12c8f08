import { DateTime } from 'luxon';
import type { ZodType } from 'zod';
import type { EditChoice, EditChoices, EditableField } from './catalogue';
import type { Step, Task } from './model';
import { refsIn } from './refs';

/** Field-by-field differences recorded with an edit decision. */
export type Edits = Record<string, { from: unknown; to: unknown }>;

/** What is wrong with each field of an edit (field name → a sentence for the person who typed it). */
export type FieldProblems = Record<string, string>;

/** Card input ids for the parts of a field that takes more than one input. */
export const DATE_SUFFIX = '__date';
export const TIME_SUFFIX = '__time';
/** Addresses typed next to a recipient picker (people the picker doesn't list). */
export const MORE_SUFFIX = '__more';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/**
 * Apply form values (strings, as Adaptive Card inputs send them) to a step's input. Only the
 * action's editable fields are taken; anything else on the form is ignored, so a card can never
 * smuggle in a field the action doesn't offer for editing. Nothing is guessed: a value that
 * isn't exactly what the field takes is a problem for that field, never a best effort.
 */
export function applyEdits(
  input: Record<string, unknown>,
  editable: readonly EditableField[],
  values: Record<string, unknown>,
  timeZone = 'UTC',
  choices: EditChoices = {},
): { input: Record<string, unknown>; edits: Edits; problems: FieldProblems } {
  const next: Record<string, unknown> = { ...input };
  const edits: Edits = {};
  const problems: FieldProblems = {};
  for (const field of editable) {
    const converted = convert(field, values, timeZone, input[field.name], choices[field.name]);
    if (converted === undefined) continue;
    if ('problem' in converted) {
      problems[field.name] = converted.problem;
      continue;
    }
    // A picked channel sets its team and names with it; anything else sets its own field.
    const updates = 'set' in converted ? converted.set : { [field.name]: converted.value };
    for (const [name, to] of Object.entries(updates)) {
      const from = input[name];
      if (JSON.stringify(from) === JSON.stringify(to)) continue;
      if (to === undefined) delete next[name];
      else next[name] = to;
      edits[name] = { from, to };
    }
  }
  return { input: next, edits, problems };
}

/** The address of a recipient as inputs hold them: a string, or `{ address, name }`. */
export function addressOf(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  const address = (item as { address?: unknown } | null)?.address;
  return typeof address === 'string' ? address : undefined;
}

type Converted = { value: unknown } | { set: Readonly<Record<string, unknown>> } | { problem: string } | undefined;

function convert(
  field: EditableField,
  values: Record<string, unknown>,
  zone: string,
  from: unknown,
  offered: readonly EditChoice[] | undefined,
): Converted {
  const raw = values[field.name];
  switch (field.kind) {
    case 'folder':
      return folder(field, raw, from, offered);
    case 'channel': {
      if (raw === undefined) return undefined;
      const picked = typeof raw === 'string' ? offered?.find((c) => c.value === raw.trim()) : undefined;
      return picked?.fields
        ? { set: picked.fields }
        : { problem: `${field.label}: pick one of the channels of your teams.` };
    }
    case 'datetime':
      return instant(field, values, zone);
    case 'list': {
      const more = values[`${field.name}${MORE_SUFFIX}`];
      if (raw === undefined && more === undefined) return undefined;
      const parts = [raw, more]
        .filter((v): v is string => typeof v === 'string')
        .flatMap((v) => v.split(/[;,\n]/))
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
      // An address that was already there keeps its original entry (with the name mail gave it).
      const before: unknown[] = Array.isArray(from) ? from : [];
      const kept = [...new Set(parts)].map(
        (address) => before.find((item) => addressOf(item)?.toLowerCase() === address.toLowerCase()) ?? address,
      );
      return { value: kept };
    }
    case 'number': {
      if (typeof raw !== 'string') return raw === undefined ? undefined : { value: raw };
      if (raw.trim() === '') return { value: undefined };
      const n = Number(raw.trim());
      if (!Number.isInteger(n)) return { problem: `${field.label}: give a whole number.` };
      if (field.min !== undefined && n < field.min) return { problem: `${field.label}: at least ${field.min}.` };
      if (field.max !== undefined && n > field.max) return { problem: `${field.label}: at most ${field.max}.` };
      return { value: n };
    }
    case 'boolean':
      if (raw === undefined) return undefined;
      if (raw === 'true' || raw === true) return { value: true };
      if (raw === 'false' || raw === false) return { value: false };
      return { problem: `${field.label}: choose yes or no.` };
    default:
      return raw === undefined ? undefined : { value: raw };
  }
}

/**
 * A mail folder from its picker: one of the folders offered (looked up as the requester), or the
 * folder the step already had. Without a list (the look-up failed) the value is taken as typed,
 * and the action resolves it before it moves anything.
 */
function folder(
  field: EditableField,
  raw: unknown,
  from: unknown,
  offered: readonly EditChoice[] | undefined,
): Converted {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return { problem: `${field.label}: pick a folder.` };
  const value = raw.trim();
  if (value === '') return { value: undefined };
  if (!offered) return { value };
  const picked = offered.find((c) => c.value === value);
  if (!picked) return { problem: `${field.label}: pick one of your mail folders.` };
  // The folder the step already names ("Archive") is kept as written, not rewritten to its id.
  return typeof from === 'string' && isChoice(picked, from) ? { value: from } : { value: picked.value };
}

/** Whether a value already held (an id, a name, a well-known name) means this choice. */
export function isChoice(choice: EditChoice, value: string): boolean {
  const v = value.trim().toLowerCase();
  return choice.value.toLowerCase() === v || (choice.aliases ?? []).some((a) => a.toLowerCase() === v);
}

/**
 * An instant from a date input and a time input (in the requester's zone), or one exact
 * ISO-8601 instant with its offset. Free text ("Tue 8 Dec 14:00") is refused, not guessed.
 */
function instant(field: EditableField, values: Record<string, unknown>, zone: string): Converted {
  const date = values[`${field.name}${DATE_SUFFIX}`];
  const time = values[`${field.name}${TIME_SUFFIX}`];
  const raw = values[field.name];
  const example = `${field.label}: pick a date and a time (for example 2026-12-08 and 14:00).`;
  // Typed text in the field itself is taken only as an exact instant, even next to the date and time inputs.
  if (typeof raw === 'string' && raw.trim() !== '' && !ISO_INSTANT.test(raw.trim())) return { problem: example };
  if (date !== undefined || time !== undefined) {
    const d = typeof date === 'string' ? date.trim() : '';
    const t = typeof time === 'string' ? time.trim() : '';
    if (d === '' && t === '') return { value: undefined };
    if (!DATE.test(d)) return { problem: d === '' ? `${field.label}: pick a date.` : example };
    if (!TIME.test(t)) return { problem: t === '' ? `${field.label}: pick a time.` : example };
    const at = DateTime.fromISO(`${d}T${t}`, { zone });
    if (!at.isValid) return { problem: example };
    return { value: at.toUTC().toISO({ suppressMilliseconds: true }) };
  }
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return { problem: example };
  if (raw.trim() === '') return { value: undefined };
  if (!ISO_INSTANT.test(raw.trim())) return { problem: example };
  const at = DateTime.fromISO(raw.trim(), { setZone: true });
  return at.isValid ? { value: at.toUTC().toISO({ suppressMilliseconds: true }) } : { problem: example };
}

/**
 * The action's own schema, asked field by field: each issue is put on the field it is about, in
 * words for people ("To: "patti" is not an email address").
 */
export function schemaProblems(
  schema: ZodType,
  input: Record<string, unknown>,
  editable: readonly EditableField[],
): FieldProblems | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return undefined;
  const problems: FieldProblems = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    const field = editable.find((f) => f.name === name);
    const key = field ? name : '';
    if (problems[key]) continue;
    const label = field?.label ?? 'This step';
    const value = issue.path.length > 1 ? valueAt(input, issue.path) : undefined;
    problems[key] =
      typeof value === 'string' && /email/i.test(issue.message)
        ? `${label}: "${value}" is not an email address.`
        : `${label}: ${friendly(issue.message)}`;
  }
  return problems;
}

function valueAt(input: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) at = (at as Record<PropertyKey, unknown> | undefined)?.[key];
  return at;
}

function friendly(message: string): string {
  if (/^Invalid input: expected .*, received undefined$/.test(message)) return 'this is needed.';
  const text = message.replace(/^Invalid input: /, '');
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Sanity rules for meetings, whatever the action: a start and an end in the input mean an event
 * that starts in the future, ends after it starts, and lasts less than a day unless it is all-day.
 */
export function eventProblems(
  input: Record<string, unknown>,
  editable: readonly EditableField[],
  now: Date,
  edits: Edits,
): FieldProblems {
  const problems: FieldProblems = {};
  // Only what the person changed is judged: an untouched time is the planner's, checked at planning.
  if (!('start' in edits) && !('end' in edits)) return problems;
  const has = (name: string) => editable.some((f) => f.name === name && f.kind === 'datetime');
  if (!has('start')) return problems;
  const start = typeof input.start === 'string' ? Date.parse(input.start) : NaN;
  const end = has('end') && typeof input.end === 'string' ? Date.parse(input.end) : NaN;
  const label = (name: string) => editable.find((f) => f.name === name)?.label ?? name;
  if (!Number.isNaN(start) && start <= now.getTime()) problems.start = `${label('start')}: this is in the past.`;
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end <= start) problems.end = `${label('end')}: must be after the start.`;
    else if (end - start >= 24 * 3_600_000 && input.isAllDay !== true)
      problems.end = `${label('end')}: a meeting lasts less than a day; check the date.`;
  }
  return problems;
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

/** The zone an edit form's dates and times are in: the step's own (a meeting's), else the requester's. */
export function editZone(task: Task, step: Step): string {
  const input = editableInput(step);
  return typeof input.timeZone === 'string' && input.timeZone !== '' ? input.timeZone : (task.timeZone ?? 'UTC');
}
