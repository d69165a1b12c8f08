import { parseChannelName, resolveChannel, type ChannelName } from '../../extract/channel';
import { joinNames } from '../../extract/people';
import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { resolveMentions, splitMentionTail } from './mention-parse';
import { postWithMentions } from './steps';
import { quoteOf } from './wording';

interface PostSpec {
  readonly channel: ChannelName;
  readonly text: string;
  readonly mentions: readonly string[];
}

/**
 * "post 'Launch moved to April' in Announcements and mention Megan". The message must be quoted:
 * unquoted "post … to General" is a summary delivery ("post a summary of … to General").
 */
const QUOTED_POST =
  /^(?:please\s+)?(?:post|write|say|put)\s+(?:"([^"]+)"|“([^”]+)”|'(.+)'|‘([^’]+)’)\s+(?:in|to|on|into)\s+([\s\S]+)$/i;

export const postMentioning = domainIntent<PostSpec>({
  name: 'teams.postMentioning',
  parse(clause) {
    const match = QUOTED_POST.exec(clause.trim());
    if (!match) return undefined;
    const text = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim();
    const { rest, names } = splitMentionTail(match[5] ?? '');
    const channel = parseChannelName(rest);
    if (!text || (!channel.channel && !channel.here)) return undefined;
    return ok({ channel, text, mentions: names });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const channel = await resolveChannel(spec.channel, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    const mentions = await resolveMentions(spec.mentions, ctx.requester, ctx.directory);
    if (!mentions.ok) return mentions;
    const c = channel.value;
    const tail = mentions.value.length > 0 ? ` and mention ${joinNames(mentions.value.map((p) => p.displayName))}` : '';
    return ok({
      title: `Post ${quoteOf(spec.text)} in ${c.channelName}${tail}`,
      steps: [postWithMentions(c, spec.text, mentions.value)],
    });
  },
});
