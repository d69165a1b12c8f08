import type { DateTime } from 'luxon';
import type { StepDraft } from '../../../engine/ports';
import { ref } from '../../actions';
import { parseChannelName, resolveChannel, type ChannelName } from '../../extract/channel';
import { mailRange } from '../../extract/mail-range';
import { findWhen } from '../../extract/when';
import { ok, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { deliverText, withDeliveries, type Delivery } from '../deliver';
import type { BuildContext, Fragment } from '../fragment';
import type { Destination } from '../specs';
import { readChannel } from './steps';
import { NOT_A_CHANNEL } from './wording';

/** Posts read for "what's new": enough for a catch-up, bounded for the summary. */
const POSTS = 15;
const REPLIES = 10;

const WHATS_NEW =
  /^(?:so\s+)?(?:what'?s|what\s+is|anything)\s+(?:new|happening|going\s+on|up)\s+(?:in|on)\s+(.+?)\s*\??$/i;
/** "catch me up on X", "summarise the General channel", "recap recent posts in #general": X must be clearly a channel. */
const CATCH_UP =
  /^(?:please\s+)?(?:catch\s+me\s+up\s+on|summari[sz]e|recap|give\s+me\s+a\s+recap\s+of)\s+(?:what'?s\s+new\s+in\s+)?(?:the\s+)?(?:(?:latest|recent|new)\s+)?(?:(?:posts|messages|conversations?|discussions?)\s+(?:in|on|from)\s+)?(.+?)\s*[.!]?$/i;

interface NewsSpec {
  readonly channel: ChannelName;
  /** The period asked for ("this week", "since Monday"), as instants and as typed. */
  readonly since?: string;
  readonly until?: string;
  readonly label?: string;
  /** Where the summary goes ("… and send it to Patti"); none → shown on the result card. */
  readonly destinations?: readonly Destination[];
}

function channelPhrase(clause: string): string | undefined {
  const news = WHATS_NEW.exec(clause.trim());
  if (news?.[1]) return news[1];
  const phrase = CATCH_UP.exec(clause.trim())?.[1];
  if (!phrase) return undefined;
  // Without "what's new", only an explicit channel is ours: "summarise my unread mail" is a mail summary
  // ("messages from …" and "messages in the last week" are mail; "posts in …" are a channel's).
  const explicit =
    /\bchannel\b/i.test(phrase) ||
    /\bwhat'?s\s+new\s+in\b/i.test(clause) ||
    phrase.startsWith('#') ||
    /\b(?:posts|conversations?|discussions?)\s+(?:in|on)\b/i.test(clause);
  return explicit ? phrase : undefined;
}

/** "General this week" → General, and this week's bounds; a period that cannot be read leaves the phrase whole. */
function splitPeriod(phrase: string, now: DateTime): { rest: string; since?: string; until?: string; label?: string } {
  const words = new Phrase(phrase);
  const hit = findWhen(words);
  if (!hit || hit.start === 0 || phrase.slice(hit.end).trim() !== '') return { rest: phrase };
  const range = mailRange(hit, now);
  if (!range.ok) return { rest: phrase };
  const label = phrase
    .slice(hit.start, hit.end)
    .trim()
    .replace(/^(?:from|during|over|in|of|for)\s+/i, '');
  return { rest: phrase.slice(0, hit.start).trim(), since: range.value.since, until: range.value.until, label };
}

/** "What's new in the General channel (this week)": read its recent posts with replies, then summarise them. */
export const channelNews = domainIntent<NewsSpec>({
  name: 'teams.channelNews',
  deliver: (spec, destination) => ({ ...spec, destinations: [...(spec.destinations ?? []), destination] }),
  parse(clause, now) {
    const phrase = channelPhrase(clause);
    if (!phrase || NOT_A_CHANNEL.test(phrase)) return undefined;
    const { rest, ...period } = splitPeriod(phrase, now);
    const channel = parseChannelName(rest);
    return channel.channel || channel.here ? ok({ channel, ...period }) : undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const channel = await resolveChannel(spec.channel, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    const c = channel.value;
    const when = spec.label ? ` ${spec.label}` : '';
    const read: StepDraft = readChannel(
      c,
      POSTS,
      REPLIES,
      `Read the recent posts in ${c.channelName} in ${c.teamName}, with their replies.`,
    );
    const period = { ...(spec.since ? { since: spec.since } : {}), ...(spec.until ? { until: spec.until } : {}) };
    const what = `what's new in ${c.channelName}${when}`;
    const deliveries: Delivery[] = [];
    for (const destination of spec.destinations ?? []) {
      const delivery = await deliverText(
        destination,
        ref(2, 'summary'),
        what,
        () => `What's new in ${c.channelName}${when}`,
        ctx,
      );
      if (!delivery.ok) return delivery;
      deliveries.push(delivery.value);
    }
    const made: StepDraft[] = [
      { ...read, input: { ...read.input, ...period } },
      {
        action: 'text.summarise',
        input: { items: ref(1, 'items'), title: `What's new in ${c.channelName}${when}`, maxItems: 30 },
        rationale: 'Summarise the posts and replies.',
      },
    ];
    return ok(withDeliveries(made, `Summarise ${what}`, deliveries));
  },
});
