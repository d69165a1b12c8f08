import { resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { domainIntent, namesLens } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { joinNames } from '../../extract/people';
import { chatTo } from './steps';
import { CHAT_SELF, NO_TEXT, quoteOf, unquote } from './wording';

interface ChatSpec {
  readonly names: readonly string[];
  readonly text: string;
}

/** One-on-one chats, one per person: more than this is an announcement, better posted in a channel. */
const MAX_CHATS = 5;
const SAYING =
  '(?:\\s*:\\s*|\\s*,\\s*|\\s+(?:saying|that\\s+says|to\\s+say|telling\\s+(?:them|him|her)|that)\\b\\s*:?\\s*)';
const KIND = '(?:teams\\s+)?(?:chat(?:\\s+message)?|teams\\s+message|message\\s+on\\s+teams|dm|direct\\s+message|im)';

const FORMS: readonly RegExp[] = [
  // "message Megan on Teams: …", "ping Megan on Teams saying …", "tell Megan on Teams that …"
  new RegExp(
    `^(?:message|ping|dm|chat(?:\\s+with)?|tell|im)\\s+(.+?)\\s+(?:on|in|via|over|through)\\s+(?:microsoft\\s+)?teams${SAYING}([\\s\\S]+)$`,
    'i',
  ),
  // "send Megan a chat saying …", "send Megan a Teams message: …"
  new RegExp(`^send\\s+(.+?)\\s+an?\\s+${KIND}${SAYING}([\\s\\S]+)$`, 'i'),
  // "send a chat to Megan saying …", "send a Teams message to Megan: …"
  new RegExp(`^send\\s+an?\\s+${KIND}\\s+to\\s+(.+?)${SAYING}([\\s\\S]+)$`, 'i'),
  // "chat Megan: …", "ping Megan: …", "DM Megan: …"
  /^(?:chat|ping|dm)\s+(.+?)\s*:\s*([\s\S]+)$/i,
];

/** "Message Megan on Teams: the deck is ready": a chat message to each person named, in the one-on-one chat. */
/** "tell Isaiah what it says about hotels": words from a document Delegate would have to pick out. */
const RELAYED = /^(?:what|whatever)\s+(?:it|this|that|the\s+\w+(?:\s+\w+)?)\s+(?:says|said|contains)\b/i;
const CANNOT_RELAY =
  "I can read a document and show you what it says, but I can't yet pick out part of it to send on. Ask me to read it, then tell me what the message should say.";

export const chatMessage = domainIntent<ChatSpec>({
  name: 'teams.chatMessage',
  people: namesLens<ChatSpec>(),
  parse(clause) {
    for (const form of FORMS) {
      const match = form.exec(clause.trim());
      if (!match) continue;
      const names = splitNames(match[1] ?? '');
      if (names.length === 0) return undefined;
      const text = unquote(match[2] ?? '');
      if (RELAYED.test(text)) return refuse(CANNOT_RELAY);
      return text ? ok({ names, text }) : refuse(NO_TEXT);
    }
    return undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    if (spec.names.length > MAX_CHATS)
      return refuse(
        `That's more than ${MAX_CHATS} people: post it in a channel instead, for example "post '…' in General and mention them".`,
      );
    const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    if (people.value.some((p) => p.id === ctx.requester.id)) return refuse(CHAT_SELF);
    const who = joinNames(people.value.map((p) => p.displayName));
    return ok({
      title: `Send ${who} a Teams chat message: ${quoteOf(spec.text)}`,
      steps: people.value.map((p) => chatTo(p, spec.text)),
    });
  },
});
