import type { Destination } from '../../engine/catalogue';

/** Addresses in a list field as destinations (references and other non-strings are skipped). */
export function addressDestinations(
  input: Record<string, unknown>,
  field: string,
  kind: 'recipient' | 'attendee',
): Destination[] {
  const value = input[field];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return items
    .filter((item): item is string => typeof item === 'string')
    .map((address) => ({ kind, value: address, field }));
}
