import type { StepDraft } from '../../engine/ports';
import { draft, type StepRef } from '../actions';
import { parseChannelName, resolveChannel } from '../extract/channel';
import { actorOf, addressOf, joinNames, resolvePeople, splitNames } from '../extract/people';
import { ok, refuse, type Result } from '../result';
import { clip, MAX_SUBJECT } from '../text/clip';
import { channelPost } from './channel-post';
import type { BuildContext, Fragment } from './fragment';
import type { Destination } from './specs';
import { chatTo } from './teams/steps';
import { CHAT_SELF } from './teams/wording';

/** One delivery of the summary: its step and how the title says it. */
export interface Delivery {
  readonly steps: readonly StepDraft[];
  /** "Email Megan Bowen a summary of …" / "Post a summary of … to General": as the first delivery. */
  readonly title: string;
  /** "email it to Megan Bowen" / "post it to General": as a later one. */
  readonly again: string;
}

/** The subject of the mail that delivers the text, knowing whether it goes to the requester alone. */
export type MailSubject = (toSelf: boolean) => string;

/**
 * Deliver text an earlier step wrote (a summary) to one destination: a mail to the people named,
 * a post in a channel, or a Teams chat with each person. Names and channels are resolved now.
 */
export async function deliverText(
  destination: Destination,
  text: StepRef,
  description: string,
  subject: MailSubject,
  ctx: BuildContext,
): Promise<Result<Delivery>> {
  return deliverSettled(await settle(destination, ctx), text, description, subject, ctx);
}

/** The steps that make the text, then each delivery; the title says the first and then the others. */
export function withDeliveries(made: readonly StepDraft[], alone: string, deliveries: readonly Delivery[]): Fragment {
  const steps = [...made, ...deliveries.flatMap((d) => d.steps)];
  const [first, ...rest] = deliveries;
  if (!first) return { title: alone, steps };
  return { title: [first.title, ...rest.map((d) => d.again)].join(' and '), steps };
}

async function deliverSettled(
  destination: Exclude<Destination, { kind: 'personOrChannel' }>,
  text: StepRef,
  description: string,
  subject: MailSubject,
  ctx: BuildContext,
): Promise<Result<Delivery>> {
  if (destination.kind === 'channel') {
    const channel = await resolveChannel(destination.name, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    const name = channel.value.channelName;
    return ok({
      steps: [channelPost(channel.value, text)],
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
      steps: people.value.map((person) => chatTo(person, text)),
      title: `Send ${who} a summary of ${description} in Teams chat`,
      again: `send it to ${who} in Teams chat`,
    });
  }
  const who = joinNames(people.value.map((person) => person.displayName));
  const toSelf = people.value.length === 1 && people.value[0]?.id === ctx.requester.id;
  const step = draft(
    'mail.send',
    { to: people.value.map(addressOf), subject: clip(subject(toSelf), MAX_SUBJECT), body: text },
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
