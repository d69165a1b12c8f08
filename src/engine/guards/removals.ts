import { FlagList, GUARD_CODES } from './flags';
import type { GuardFlag } from './types';

/**
 * A host or scheme as it may appear inside `[link removed: …]`. The label must never read as a
 * link itself, or a second pass would find it again: only letters, digits, dots and hyphens (other
 * characters become hyphens), no leading `www.`, and a colon only at the end of a scheme label.
 */
export function safeLabel(host: string): string {
  const text = host.replace(/^(?:www\d{0,3}\.)+/i, '').replace(/^\[(.*)\]$/, '$1');
  if (/^[a-z][a-z0-9+.-]{0,30}:$/i.test(text)) return text.toLowerCase();
  if (/^[0-9a-f:.]{2,45}$/i.test(text) && text.includes(':')) return text.toLowerCase(); // IPv6
  const label = text.replace(/[^\p{L}\p{N}.-]/gu, '-').slice(0, 80);
  return label === '' ? 'unknown' : label;
}

/** The text left where a link was. */
export function placeholder(label: string): string {
  return `[link removed: ${label}]`;
}

/** The links removed from one text: one `link_removed` flag per host, in the order first met. */
export class Removals {
  private readonly list = new FlagList();
  /** Links removed so far, duplicates included. */
  count = 0;

  /** Record a removal; returns the label to show in the placeholder. */
  add(host: string): string {
    const label = safeLabel(host);
    this.count += 1;
    const message = label.endsWith(':')
      ? `Removed a ${label} link: links of that kind can run code or carry hidden content`
      : `Removed a link to ${label}: it is not one of your organisation's sites`;
    this.list.add(GUARD_CODES.linkRemoved, message);
    return label;
  }

  flags(): GuardFlag[] {
    return [...this.list.items];
  }
}
