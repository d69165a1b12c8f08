import { ref } from '../../actions';
import { parseChannelName, resolveChannel, type ChannelName } from '../../extract/channel';
import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { readChannel } from './steps';
import { NOT_A_CHANNEL } from './wording';

/** Posts read for "what's new": enough for a catch-up, bounded for the summary. */
const POSTS = 15;
const REPLIES = 10;

const WHATS_NEW = /^(?:so\s+)?(?:what'?s|what\s+is|anything)\s+(?:new|happening|going\s+on|up)\s+(?:in|on)\s+(.+?)\s*\??$/i;
/** "catch me up on X", "summarise the General channel", "recap recent posts in #general": X must be clearly a channel. */
const CATCH_UP = /^(?:please\s+)?(?:catch\s+me\s+up\s+on|summari[sz]e|recap|give\s+me\s+a\s+recap\s+of)\s+(?:what'?s\s+new\s+in\s+)?(?:the\s+)?(?:(?:latest|recent|new)\s+)?(?:(?:posts|messages|conversations?|discussions?)\s+(?:in|on|from)\s+)?(.+?)\s*[.!]?$/i;

function channelPhrase(clause: string): string | undefined {
  const news = WHATS_NEW.exec(clause.trim());
  if (news?.[1]) return news[1];
  const catchUp = CATCH_UP.exec(clause.trim());
  const phrase = catchUp?.[1];
  // Without "what's new", only an explicit channel is ours: "summarise my unread mail" is a mail summary.
  if (!phrase) return undefined;
  // ("messages from …" and "messages in the last week" are mail; "posts in …" are a channel's.)
  const explicit = /\bchannel\b/i.test(phrase) || phrase.startsWith('#') || /\b(?:posts|conversations?|discussions?)\s+(?:in|on)\b/i.test(clause);
  return explicit ? phrase : undefined;
}

/** "What's new in the General channel": read its recent posts with replies, then summarise them. */
export const channelNews = domainIntent<ChannelName>({
  name: 'teams.channelNews',
  parse(clause) {
    const phrase = channelPhrase(clause);
    if (!phrase || NOT_A_CHANNEL.test(phrase)) return undefined;
    const name = parseChannelName(phrase);
    return name.channel || name.here ? ok(name) : undefined;
  },
  async build(name, ctx: BuildContext): Promise<Result<Fragment>> {
    const channel = await resolveChannel(name, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    const c = channel.value;
    return ok({
      title: `Summarise what's new in ${c.channelName}`,
      steps: [
        readChannel(c, POSTS, REPLIES, `Read the recent posts in ${c.channelName} in ${c.teamName}, with their replies.`),
        { action: 'text.summarise', input: { items: ref(1, 'items'), title: `What's new in ${c.channelName}`, maxItems: 30 }, rationale: 'Summarise the posts and replies.' },
      ],
    });
  },
});
