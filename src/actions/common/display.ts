import { isRef, parseRef } from '../../engine/refs';

/**
 * A value as a card shows it. A `{ "$ref": "s2.summary" }` not resolved yet reads
 * "(from step 2)"; lists are comma-separated.
 */
export function display(value: unknown): string {
  if (isRef(value)) {
    const parsed = parseRef(value);
    return parsed ? `(from step ${parsed.stepId.slice(1)})` : '(from an earlier step)';
  }
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "a", "a and b", "a, b and c", or "a, b and 3 others" past `max` names. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) return `${names.slice(0, max - 1).join(', ')} and ${names.length - (max - 1)} others`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The input value as a list of display strings (a reference counts as one entry). */
export function displayList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(display).filter((s) => s.length > 0);
  const one = display(value);
  return one.length > 0 ? [one] : [];
}
