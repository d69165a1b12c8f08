import { z } from 'zod';
import type { Destination } from '../../engine/catalogue';
import { displayList } from '../common/display';
import { email } from '../common/schemas';

/** A recipient: an address, or `{ address, name }` as mail.search's `from` gives it. */
export const recipient = z.union([email, z.object({ address: email, name: z.string().optional() })]);
export type Recipient = z.infer<typeof recipient>;

export const address = (r: Recipient): string => (typeof r === 'string' ? r : r.address);

/** Every literal recipient of `field` as a destination, labelled with the person's name when known. */
export function recipientDestinations(input: Record<string, unknown>, field: string): Destination[] {
  const value = input[field];
  const items: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item): Destination[] => {
    if (typeof item === 'string') return [{ kind: 'recipient', value: item, field }];
    const r = item as { address?: unknown; name?: unknown } | null;
    if (typeof r?.address !== 'string') return [];
    return [
      {
        kind: 'recipient',
        value: r.address,
        field,
        ...(typeof r.name === 'string' && r.name ? { label: r.name } : {}),
      },
    ];
  });
}

/** Recipients for a card: "Dana Whitman <dana@contoso.com>", or the address alone. */
export function showRecipients(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item) => {
    const r = item as { address?: unknown; name?: unknown } | null;
    if (typeof r === 'object' && r !== null && typeof r.address === 'string') {
      return [typeof r.name === 'string' && r.name && r.name !== r.address ? `${r.name} <${r.address}>` : r.address];
    }
    return displayList(item);
  });
}
