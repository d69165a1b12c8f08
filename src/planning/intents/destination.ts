import { parseChannelName } from '../extract/channel';
import { MAIL_NOUN } from '../extract/mail-filter';
import { splitNames } from '../extract/people';
import type { Phrase } from '../text/phrase';
import type { Destination } from './specs';

/** How a summary is delivered, judged from the verb the requester used. */
export type DeliveryVerb = 'mail' | 'send' | 'post' | 'share' | 'chat' | 'none';

const VERBS: ReadonlyArray<readonly [RegExp, DeliveryVerb]> = [
  [/^(?:e-?mail|mail|message)$/, 'mail'],
  [/^(?:chat|ping|dm|im|teams)$/, 'chat'],
  [/^(?:send|forward)$/, 'send'],
  [/^(?:post|put|drop)$/, 'post'],
  [/^share$/, 'share'],
];

export function deliveryVerb(word: string): DeliveryVerb {
  return VERBS.find(([pattern]) => pattern.test(word))?.[1] ?? 'none';
}

const ON_TEAMS = /\s+(?:on|in|via|over|through|by)\s+(?:microsoft\s+)?teams(?:\s+chat)?$/i;
const CHANNELISH = /\bchannel\b|^#|^(?:here|this\s+(?:channel|thread|conversation))$/i;

/**
 * A destination from a preposition and what follows it ("to the General channel", "with
 * Megan", "in Announcements"), or undefined when, for this verb, it is not one — "about moving
 * to Azure" is a topic, not a destination, unless the verb is "post".
 */
export function destinationFrom(marker: string, target: string, verb: DeliveryVerb): Destination | undefined {
  const content = target.trim();
  if (!content || MAIL_NOUN.test(content.toLowerCase())) return undefined;
  // "to Megan on Teams", "to adele in teams": a chat, whatever the verb.
  const onTeams = ON_TEAMS.exec(content);
  if (onTeams && (marker === 'to' || marker === 'with')) {
    const names = splitNames(content.slice(0, onTeams.index));
    return names.length > 0 ? { kind: 'chat', names } : undefined;
  }
  if (verb === 'chat' && (marker === 'to' || marker === 'with')) return { kind: 'chat', names: splitNames(content) };
  if ((marker !== 'with' || /\bchannel\b/i.test(content)) && CHANNELISH.test(content))
    return { kind: 'channel', name: parseChannelName(content) };
  if (marker === 'to') {
    if (verb === 'post') return { kind: 'channel', name: parseChannelName(content) };
    if (verb === 'mail') return { kind: 'people', names: splitNames(content) };
    if (verb === 'send' || verb === 'share') return { kind: 'personOrChannel', text: content };
    return undefined;
  }
  if (marker === 'with')
    return verb === 'share' || verb === 'send' ? { kind: 'people', names: splitNames(content) } : undefined;
  return verb === 'post' || verb === 'share' ? { kind: 'channel', name: parseChannelName(content) } : undefined;
}

const MARKER = /\b(to|into|in|with|on)\s+/;
const HERE_AT_END = /\s(?:(?:in|to|into)\s+)?(?:here|this\s+channel)[\s.!?]*$/;

/**
 * The destination at the end of a summary request ("… from Contoso to the General channel"),
 * looked for after the first mail noun at or after `from`; `start` is where it begins.
 */
export function trailingDestination(
  phrase: Phrase,
  from: number,
  verb: DeliveryVerb,
): { readonly destination: Destination; readonly start: number } | undefined {
  const mailNoun = phrase.find(MAIL_NOUN, from);
  const after = mailNoun?.end ?? from;
  const here = phrase.find(HERE_AT_END, after);
  if (here && verb !== 'mail')
    return { destination: { kind: 'channel', name: { channel: '', here: true } }, start: here.start };
  const markers = phrase.findAll(MARKER).filter((hit) => hit.start >= after);
  // "… about moving to Azure to the General channel in My Team": the destination is the last
  // phrase that names a channel ("<name> channel", "<name> in <team> team"); else the last one.
  const namesChannel = (hit: { end: number }): boolean => {
    const content = phrase.segment(hit.end).text;
    return /\bchannel\b/i.test(content) || parseChannelName(content).team !== undefined;
  };
  const last = markers.filter(namesChannel).at(-1) ?? markers.at(-1);
  if (!last) return undefined;
  const destination = destinationFrom(last.groups[1] ?? '', phrase.segment(last.end).text, verb);
  return destination ? { destination, start: last.start } : undefined;
}
