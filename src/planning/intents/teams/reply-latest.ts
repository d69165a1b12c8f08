import { parseChannelName, resolveChannel, type ChannelName } from '../../extract/channel';
import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { resolveMentions, splitMentionTail } from './mention-parse';
import { readChannel, replyToLatest } from './steps';
import { NO_TEXT, quoteOf, unquote } from './wording';

interface ReplySpec {
  readonly channel: ChannelName;
  readonly text: string;
  readonly mentions: readonly string[];
}

/** "reply to the latest post in General saying …", "reply to the last message in #announcements: …". */
const REPLY =
  /^(?:please\s+)?(?:reply|respond|answer)\s+to\s+the\s+(?:latest|last|most\s+recent|newest)\s+(?:post|message|thread)\s+(?:in|on)\s+(.+?)\s*(?:,?\s+(?:saying|with|that\s+says)\b|:)\s*([\s\S]*)$/i;

/** "Reply to the latest post in General saying thanks": read the channel's newest post, then reply in its thread. */
export const replyToLatestPost = domainIntent<ReplySpec>({
  name: 'teams.replyToLatest',
  parse(clause) {
    const match = REPLY.exec(clause.trim());
    if (!match) return undefined;
    const { rest, names } = splitMentionTail(match[2] ?? '');
    const text = unquote(rest);
    if (!text) return refuse(NO_TEXT);
    return ok({ channel: parseChannelName(match[1] ?? ''), text, mentions: names });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const channel = await resolveChannel(spec.channel, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    const mentions = await resolveMentions(spec.mentions, ctx.requester, ctx.directory);
    if (!mentions.ok) return mentions;
    const c = channel.value;
    return ok({
      title: `Reply to the latest post in ${c.channelName}: ${quoteOf(spec.text)}`,
      steps: [
        readChannel(c, 1, 0, `Find the latest post in ${c.channelName} in ${c.teamName}.`),
        replyToLatest(c, 1, spec.text, mentions.value),
      ],
    });
  },
});
