import { z } from 'zod';
import type { Destination } from '../../engine/catalogue';
import { displayList } from '../common/display';
import { escapeHtml, textToHtml } from '../common/html';

/** A person to @mention: their directory object id, the name shown in the tag, and their address. */
export const mentionInput = z.object({
  userId: z.string().min(1),
  displayName: z.string().min(1).max(256),
  address: z.email(),
});
export type MentionInput = z.infer<typeof mentionInput>;

/** At most this many people in one message; more is a broadcast, not a mention. */
export const mentionsInput = z.array(mentionInput).max(20).optional();

/** Graph's `chatMessageMention` for the person tagged `<at id="{id}">`. */
export interface GraphMention {
  readonly id: number;
  readonly mentionText: string;
  readonly mentioned: {
    readonly user: { readonly id: string; readonly displayName: string; readonly userIdentityType: 'aadUser' };
  };
}

const atTag = (id: number, name: string): string => `<at id="${id}">${escapeHtml(name)}</at>`;

/** Where the (escaped) HTML names the person: their full name, else their first name as a whole word. */
function findName(html: string, displayName: string): { at: number; text: string } | undefined {
  for (const name of [displayName, displayName.split(/\s+/)[0] ?? '']) {
    const escaped = escapeHtml(name);
    if (!escaped) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (const match of html.matchAll(pattern)) {
      if (match.index !== undefined && !insideTag(html, match.index)) return { at: match.index, text: name };
    }
  }
  return undefined;
}

/**
 * The HTML body and Graph mentions for a text that mentions people. Where the text already
 * names a person (full name, else first name), that first occurrence becomes the tag, as Teams
 * does when one types "@Megan"; everyone else is tagged at the start of the message.
 */
export function withMentions(
  text: string,
  mentions: readonly MentionInput[] | undefined,
): { html: string; mentions: GraphMention[] } {
  let html = textToHtml(text);
  const graph: GraphMention[] = [];
  const leading: string[] = [];
  for (const [id, person] of (mentions ?? []).entries()) {
    const found = findName(html, person.displayName);
    if (found)
      html = `${html.slice(0, found.at)}${atTag(id, found.text)}${html.slice(found.at + escapeHtml(found.text).length)}`;
    else leading.push(atTag(id, person.displayName));
    const mentionText = found?.text ?? person.displayName;
    graph.push({
      id,
      mentionText,
      mentioned: { user: { id: person.userId, displayName: person.displayName, userIdentityType: 'aadUser' } },
    });
  }
  if (leading.length > 0) html = html.replace(/^<p>/, `<p>${leading.join(' ')} `);
  return { html, mentions: graph };
}

/** True when `at` falls inside an `<at>` tag already placed (a name that contains another's). */
function insideTag(html: string, at: number): boolean {
  const open = html.lastIndexOf('<at ', at);
  return open >= 0 && html.indexOf('</at>', open) > at;
}

/** Mentioned people are notified: the guards check them like recipients. */
export function mentionDestinations(input: Record<string, unknown>): Destination[] {
  const value = input.mentions;
  if (!Array.isArray(value)) return [];
  return value.flatMap((m: unknown) => {
    const person = m as { address?: unknown; displayName?: unknown } | null;
    return typeof person?.address === 'string'
      ? [
          {
            kind: 'recipient' as const,
            value: person.address,
            label: typeof person.displayName === 'string' ? person.displayName : undefined,
            field: 'mentions',
          },
        ]
      : [];
  });
}

/** "Megan Bowen, Adele Vance" for a card, or '' when nobody is mentioned. */
export function mentionNames(value: unknown): string {
  if (!Array.isArray(value)) return displayList(value).join(', ');
  return value
    .map((m: unknown) => (m as { displayName?: unknown } | null)?.displayName)
    .filter((n): n is string => typeof n === 'string')
    .join(', ');
}
