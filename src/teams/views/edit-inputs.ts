import { DateTime } from 'luxon';
import type { EditChoice, EditableField } from '../../engine/catalogue';
import { addressOf, DATE_SUFFIX, isChoice, MORE_SUFFIX, TIME_SUFFIX } from '../../engine/edits';
import { personWithAddress } from '../../present/human';

/** One field of an Edit form, as the template draws it (one Adaptive Card input per kind). */
export interface FormInput {
  /** `choice`: one of a list (a mail folder, a channel), names shown, ids submitted. */
  readonly kind: 'text' | 'multiline' | 'datetime' | 'number' | 'people' | 'boolean' | 'choice';
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly required: boolean;
  /** What the client says when the field is left empty or doesn't match. */
  readonly errorMessage: string;
  /** The server's message for this field after a Save it refused, or ''. */
  readonly problem: string;
  /** Date and time inputs of an instant, in the zone the label names. */
  readonly dateId: string;
  readonly date: string;
  readonly timeId: string;
  readonly time: string;
  /** Number bounds (Input.Number), or null when the action sets none. */
  readonly min: number | null;
  readonly max: number | null;
  /** A number field's value as a number (Input.Number takes no string), or null when empty. */
  readonly number: number | null;
  /** People and choices: names shown, addresses or ids submitted; `moreId` takes addresses the list doesn't have. */
  readonly choices: readonly { title: string; value: string }[];
  readonly moreId: string;
  readonly more: string;
}

/** Addresses only, separated by commas or semicolons; empty is fine (the picker may have them). */
export const ADDRESSES_REGEX = '^\\s*([^\\s@,;]+@[^\\s@,;]+\\.[^\\s@,;]+\\s*([,;]\\s*)?)*$';

/**
 * The input for one editable field. `typed` holds what the person sent with a refused Save: it
 * is shown again exactly as typed, so nothing they wrote is lost.
 */
/** The parts of a form input that only typed inputs (date/time, number, choices) fill in. */
export const NO_TYPED_PARTS = {
  dateId: '',
  date: '',
  timeId: '',
  time: '',
  min: null,
  max: null,
  number: null,
  choices: [],
  moreId: '',
  more: '',
} as const;

export function formInput(
  field: EditableField,
  current: unknown,
  zone: string,
  names: Readonly<Record<string, string>>,
  typed: Readonly<Record<string, string>> | undefined,
  problem: string,
  offered?: readonly EditChoice[],
  input: Readonly<Record<string, unknown>> = {},
): FormInput {
  const base = {
    id: field.name,
    label: field.label,
    value: typed?.[field.name] ?? show(current),
    required: field.required ?? false,
    errorMessage: `${field.label} is needed.`,
    problem,
    ...NO_TYPED_PARTS,
  };
  switch (field.kind) {
    case 'folder':
    case 'channel': {
      // Without a list (the look-up failed), a folder is typed by name; a channel is not offered.
      if (!offered) return { ...base, kind: 'text' };
      const held = field.kind === 'channel' ? `${show(input.teamId)}/${show(input.channelId)}` : show(current);
      const selected = offered.find((c) => isChoice(c, held))?.value ?? '';
      return {
        ...base,
        kind: 'choice',
        value: typed?.[field.name] ?? selected,
        errorMessage: field.kind === 'channel' ? 'Pick a channel.' : 'Pick a folder.',
        choices: offered.map((c) => ({ title: c.title, value: c.value })),
      };
    }
    case 'datetime': {
      const at = typeof current === 'string' ? DateTime.fromISO(current, { setZone: true }).setZone(zone) : undefined;
      const valid = at?.isValid === true;
      return {
        ...base,
        kind: 'datetime',
        label: `${field.label} (${zone})`,
        errorMessage: `Pick a date and a time for ${field.label.toLowerCase()}.`,
        dateId: `${field.name}${DATE_SUFFIX}`,
        date: typed?.[`${field.name}${DATE_SUFFIX}`] ?? (valid ? at.toFormat('yyyy-MM-dd') : ''),
        timeId: `${field.name}${TIME_SUFFIX}`,
        time: typed?.[`${field.name}${TIME_SUFFIX}`] ?? (valid ? at.toFormat('HH:mm') : ''),
      };
    }
    case 'number': {
      const typedNumber = typed?.[field.name];
      const shown = typedNumber !== undefined ? Number(typedNumber) : typeof current === 'number' ? current : NaN;
      return {
        ...base,
        kind: 'number',
        number: typedNumber?.trim() !== '' && Number.isFinite(shown) ? shown : null,
        min: field.min ?? null,
        max: field.max ?? null,
        errorMessage: bounds(field),
      };
    }
    case 'boolean':
      return { ...base, kind: 'boolean', value: typed?.[field.name] ?? (current === true ? 'true' : 'false') };
    case 'list': {
      const items: unknown[] = Array.isArray(current) ? current : [];
      const known = { ...names };
      for (const item of items) {
        const name = (item as { name?: unknown } | null)?.name;
        const address = addressOf(item);
        if (address && typeof name === 'string' && name !== '') known[address.toLowerCase()] = name;
      }
      const chosen = items.map(addressOf).filter((a): a is string => a !== undefined);
      const everyone = [...new Set([...chosen, ...Object.keys(names)].map((a) => a.toLowerCase()))];
      return {
        ...base,
        kind: 'people',
        value: typed?.[field.name] ?? chosen.join(','),
        errorMessage: 'Use email addresses, separated by commas.',
        choices: everyone
          .map((address) => ({ title: personWithAddress(address, known), value: address }))
          .sort((a, b) => a.title.localeCompare(b.title)),
        moreId: `${field.name}${MORE_SUFFIX}`,
        more: typed?.[`${field.name}${MORE_SUFFIX}`] ?? '',
      };
    }
    default:
      return { ...base, kind: field.kind === 'multiline' ? 'multiline' : 'text' };
  }
}

function bounds(field: EditableField): string {
  if (field.min !== undefined && field.max !== undefined)
    return `${field.label}: a whole number from ${field.min} to ${field.max}.`;
  if (field.min !== undefined) return `${field.label}: a whole number, at least ${field.min}.`;
  if (field.max !== undefined) return `${field.label}: a whole number, at most ${field.max}.`;
  return `${field.label}: a whole number.`;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => addressOf(v) ?? show(v)).join(', ');
  if (typeof value === 'object') return addressOf(value) ?? '';
  return String(value);
}
