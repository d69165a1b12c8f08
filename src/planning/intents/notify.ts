import { draft } from '../actions';
import { addressOf, joinNames, resolvePeople, splitNames } from '../extract/people';
import { ok, refuse, type Result } from '../result';
import { clip, MAX_SUBJECT } from '../text/clip';
import { domainIntent, namesLens } from './domain';
import type { BuildContext, Fragment } from './fragment';
import { chatTo } from './teams/steps';
import { CHAT_SELF } from './teams/wording';

/**
 * "… and tell her on Teams", "… and email him about it", "… and let them know": tell people
 * what the request before did, in words they can read on the card and edit. The words come
 * from that request's title, which the planner sets before building ({@link withDone}).
 */
export interface NotifySpec {
  readonly names: readonly string[];
  readonly by: 'chat' | 'mail';
  /** What was done ("Add "Order booth banners" to the Spring launch plan for Adele Vance"). */
  readonly done?: string;
}

const WHO = "([\\w@.'-]+(?:\\s+(?!(?:know|on|in|via|over|by|about)\\b)[\\w@.'-]+){0,3}?)";
const NOTIFY = new RegExp(
  `^(?:(?:tell|let|update|inform)\\s+${WHO}(?:\\s+know)?|(e-?mail|mail|message|ping|dm|text)\\s+${WHO})(?:\\s+(?:about|of|re)\\s+(?:it|that|this))?(?:\\s+(?:on|via|over|by|in|through)\\s+(?:an?\\s+)?(teams|chat|e-?mail|mail))?(?:\\s+(?:about|of)\\s+(?:it|that|this))?$`,
  'i',
);

export const notifyIntent = domainIntent<NotifySpec>({
  name: 'notify',
  people: namesLens<NotifySpec>(),
  parse(clause) {
    const match = NOTIFY.exec(clause.trim().replace(/[.!]+$/, ''));
    if (!match) return undefined;
    const verb = (match[2] ?? '').toLowerCase();
    const medium = (match[4] ?? '').toLowerCase();
    const names = splitNames(match[1] ?? match[3] ?? '');
    if (names.length === 0) return undefined;
    const chat = /^(?:teams|chat)$/.test(medium) || /^(?:message|ping|dm|text)$/.test(verb);
    return ok({ names, by: chat ? 'chat' : 'mail' });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    if (!spec.done)
      return refuse('What should I tell them? Say it, e.g. "tell Megan on Teams that the deck is ready".');
    const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    const others = people.value.filter((person) => person.id !== ctx.requester.id);
    if (others.length === 0) return refuse(CHAT_SELF);
    const who = joinNames(others.map((person) => person.displayName));
    const text = `For your information, I've asked Delegate to do this: ${spec.done}.`;
    if (spec.by === 'chat')
      return ok({ title: `Tell ${who} in Teams chat`, steps: others.map((person) => chatTo(person, text)) });
    return ok({
      title: `Email ${who} about it`,
      steps: [
        draft(
          'mail.send',
          { to: others.map(addressOf), subject: clip(`FYI: ${spec.done}`, MAX_SUBJECT), body: text },
          `Tell ${who} what was done.`,
        ),
      ],
    });
  },
});

/** The notification with what the request before it did. */
export function withDone(spec: NotifySpec, done: string): NotifySpec {
  return { ...spec, done };
}
