import type { StepDraft } from '../../engine/ports';
import { draft, ref, type StepRef } from '../actions';
import { parseChannelName, resolveChannel } from '../extract/channel';
import { capitalise, describeMail } from '../extract/describe-mail';
import type { MailFilter } from '../extract/mail-filter';
import { actorOf, addressOf, joinNames, resolvePeople, splitNames } from '../extract/people';
import { ok, refuse, type Result } from '../result';
import { chatTo } from './teams/steps';
import { CHAT_SELF } from './teams/wording';
import { clip, MAX_SUBJECT } from '../text/clip';
import { channelPost } from './channel-post';
import type { BuildContext, Fragment } from './fragment';
import type { Destination, SummarySpec } from './specs';

/** Steps 1 and 2 of every summary: find the mail, then summarise it. */
function searchAndSummarise(filter: MailFilter, description: string): StepDraft[] {
  const range = filter.range;
  return [
    draft(
      'mail.search',
      {
        from: filter.from,
        subject: filter.subject,
        query: filter.query,
        unread: filter.unread ? true : undefined,
        hasAttachments: filter.hasAttachments,
        since: range?.since,
        until: range?.until,
        top: filter.top,
      },
      `Find your ${description}.`,
    ),
    draft('text.summarise', { items: ref(1, 'messages'), title: capitalise(description) }, 'Summarise what was found.'),
  ];
}

/** One delivery of the summary: its step and how the title says it. */
interface Delivery {
  readonly steps: readonly StepDraft[];
  /** "Email Megan Bowen a summary of …" / "Post a summary of … to General": as the first delivery. */
  readonly title: string;
  /** "email it to Megan Bowen" / "post it to General": as a later one. */
  readonly again: string;
}

/**
 * Plan a summary of mail and its deliveries: `mail.search` → `text.summarise` → a `mail.send`
 * to the people named and/or a `teams.postChannelMessage` to each channel named (nothing more
 * when no destination was asked for). Names and channels are resolved now, so the plan shows
 * exactly who or where; anything uncertain comes back as a question.
 */
export async function buildSummary(spec: SummarySpec, ctx: BuildContext): Promise<Result<Fragment>> {
  const description = describeMail(spec.filter);
  const deliveries: Delivery[] = [];
  for (const destination of spec.destinations) {
    const delivery = await deliver(await settle(destination, ctx), spec.filter, description, ctx);
    if (!delivery.ok) return delivery;
    deliveries.push(delivery.value);
  }
  const steps = [...searchAndSummarise(spec.filter, description), ...deliveries.flatMap((d) => d.steps)];
  const [first, ...rest] = deliveries;
  if (!first) return ok({ title: `Summarise ${description}`, steps });
  return ok({ title: [first.title, ...rest.map((d) => d.again)].join(' and '), steps });
}

const SUMMARY: StepRef = ref(2, 'summary');

async function deliver(
  destination: Exclude<Destination, { kind: 'personOrChannel' }>,
  filter: MailFilter,
  description: string,
  ctx: BuildContext,
): Promise<Result<Delivery>> {
  if (destination.kind === 'channel') {
    const channel = await resolveChannel(destination.name, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    const name = channel.value.channelName;
    return ok({
      steps: [channelPost(channel.value, SUMMARY)],
      title: `Post a summary of ${description} to ${name}`,
      again: `post it to ${name}`,
    });
  }
  const people = await resolvePeople(destination.names, ctx.requester, ctx.directory);
  if (!people.ok) return people;
  if (destination.kind === 'chat') {
    if (people.value.some((person) => person.id === ctx.requester.id)) return refuse(CHAT_SELF);
    const who = joinNames(people.value.map((person) => person.displayName));
    return ok({
      steps: people.value.map((person) => chatTo(person, SUMMARY)),
      title: `Send ${who} a summary of ${description} in Teams chat`,
      again: `send it to ${who} in Teams chat`,
    });
  }
  const toSelf = people.value.length === 1 && people.value[0]?.id === ctx.requester.id;
  const yours = toSelf && !filter.range?.possessive && filter.top === undefined ? 'your ' : '';
  const who = joinNames(people.value.map((person) => person.displayName));
  const step = draft(
    'mail.send',
    { to: people.value.map(addressOf), subject: clip(`Summary of ${yours}${description}`, MAX_SUBJECT), body: SUMMARY },
    `Send the summary to ${who}.`,
  );
  return ok({ steps: [step], title: `Email ${who} a summary of ${description}`, again: `email it to ${who}` });
}

/** "send … to X": a channel when one is called exactly X, otherwise the people named X. */
async function settle(
  destination: Destination,
  ctx: BuildContext,
): Promise<Exclude<Destination, { kind: 'personOrChannel' }>> {
  if (destination.kind !== 'personOrChannel') return destination;
  const name = parseChannelName(destination.text);
  const channels = name.channel ? await ctx.directory.findChannels(name.channel, actorOf(ctx.requester)) : [];
  const exact = channels.some((channel) => channel.channelName.toLowerCase() === name.channel.toLowerCase());
  return exact ? { kind: 'channel', name } : { kind: 'people', names: splitNames(destination.text) };
}
