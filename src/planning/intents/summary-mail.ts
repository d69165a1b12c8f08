import { draft, ref, type StepRef } from '../actions';
import { parseChannelName, resolveChannel } from '../extract/channel';
import { capitalise, describeMail } from '../extract/describe-mail';
import type { MailFilter } from '../extract/mail-filter';
import { actorOf, addressOf, joinNames, resolvePeople, splitNames } from '../extract/people';
import { ok, type Result } from '../result';
import { channelPost } from './channel-post';
import type { BuildContext, Fragment } from './fragment';
import type { Destination, SummarySpec } from './specs';

/** Steps 1 and 2 of every summary: find the mail, then summarise it. */
function searchAndSummarise(filter: MailFilter, description: string): Fragment['steps'] {
  const range = filter.range;
  return [
    draft(
      'mail.search',
      {
        from: filter.from,
        subject: filter.subject,
        query: filter.query,
        unread: filter.unread ? true : undefined,
        since: range?.since,
        until: range?.until,
        top: filter.top,
      },
      `Find your ${description}.`,
    ),
    draft('text.summarise', { items: ref(1, 'messages'), title: capitalise(description) }, 'Summarise what was found.'),
  ];
}

/**
 * Plan a summary of mail and its delivery: `mail.search` → `text.summarise` → `mail.send` to
 * the people named or `teams.postChannelMessage` to the channel named (or nothing more when no
 * destination was asked for). Names and channels are resolved now, so the plan shows exactly
 * who or where; anything uncertain comes back as a question.
 */
export async function buildSummary(spec: SummarySpec, ctx: BuildContext): Promise<Result<Fragment>> {
  const description = describeMail(spec.filter);
  const steps = searchAndSummarise(spec.filter, description);
  const summary: StepRef = ref(2, 'summary');
  const destination = await settle(spec.destination, ctx);
  if (!destination) return ok({ title: `Summarise ${description}`, steps });
  if (destination.kind === 'channel') {
    const channel = await resolveChannel(destination.name, ctx.requester, ctx.scope, ctx.directory);
    if (!channel.ok) return channel;
    return ok({
      title: `Post a summary of ${description} to ${channel.value.channelName}`,
      steps: [...steps, channelPost(channel.value, summary)],
    });
  }
  const people = await resolvePeople(destination.names, ctx.requester, ctx.directory);
  if (!people.ok) return people;
  const toSelf = people.value.length === 1 && people.value[0]?.id === ctx.requester.id;
  const subject = `Summary of ${toSelf && !spec.filter.range?.possessive && spec.filter.top === undefined ? 'your ' : ''}${description}`;
  const who = joinNames(people.value.map((person) => person.displayName));
  return ok({
    title: `Email ${who} a summary of ${description}`,
    steps: [
      ...steps,
      draft('mail.send', { to: people.value.map(addressOf), subject, body: summary }, `Send the summary to ${who}.`),
    ],
  });
}

/** "send … to X": a channel when one is called exactly X, otherwise the people named X. */
async function settle(
  destination: Destination | undefined,
  ctx: BuildContext,
): Promise<Exclude<Destination, { kind: 'personOrChannel' }> | undefined> {
  if (destination?.kind !== 'personOrChannel') return destination;
  const name = parseChannelName(destination.text);
  const channels = name.channel ? await ctx.directory.findChannels(name.channel, actorOf(ctx.requester)) : [];
  const exact = channels.some((channel) => channel.channelName.toLowerCase() === name.channel.toLowerCase());
  return exact ? { kind: 'channel', name } : { kind: 'people', names: splitNames(destination.text) };
}
