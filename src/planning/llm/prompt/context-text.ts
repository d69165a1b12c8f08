import type { Person, Scope } from '../../../engine/model';
import type { ChannelRef, DirectoryPerson } from '../../directory';
import { utcIso, zonedNow } from '../../extract/zone';
import type { PlanningContext } from '../context';

/** "Wednesday 25 November 2026, 07:00 in America/Los_Angeles (UTC-08:00); 2026-11-25T15:00:00Z in UTC". */
export function nowText(now: Date, timeZone: string): string {
  const local = zonedNow(now, timeZone);
  return `${local.now.toFormat('cccc d LLLL yyyy, HH:mm')} in ${local.zone} (UTC${local.now.toFormat('ZZ')}); ${utcIso(local.now)} in UTC`;
}

function personLine(person: DirectoryPerson): string {
  return `- ${JSON.stringify(person.displayName)} <${person.mail || person.userPrincipalName}>`;
}

function channelLine(channel: ChannelRef): string {
  return `- ${JSON.stringify({ teamId: channel.teamId, channelId: channel.channelId, teamName: channel.teamName, channelName: channel.channelName })}`;
}

function requesterText(requester: Person, self: DirectoryPerson | undefined): string {
  const address = self?.mail || requester.upn;
  return `${JSON.stringify(requester.name)}${address ? ` <${address}>` : ' (email address unknown)'}${requester.upn ? `, user principal name ${requester.upn}` : ''}`;
}

function scopeText(scope: Scope, channels: readonly ChannelRef[]): string {
  if (scope.kind === 'personal') return 'a personal chat between the requester and Delegate';
  if (scope.kind === 'groupChat') return 'a group chat';
  const here = channels.find((c) => c.teamId === scope.teamId && c.channelId === scope.channelId);
  const named = here ? ` (channel ${JSON.stringify(here.channelName)} in team ${JSON.stringify(here.teamName)})` : '';
  return `a Teams channel${named}: teamId ${JSON.stringify(scope.teamId ?? '')}, channelId ${JSON.stringify(scope.channelId ?? '')}`;
}

/** The per-request part of the system prompt: time, requester, conversation, people and channels. */
export function contextText(input: {
  readonly now: Date;
  readonly timeZone: string;
  readonly requester: Person;
  readonly scope: Scope;
  readonly context: PlanningContext;
}): string {
  const { context } = input;
  return [
    '## Context',
    `Current date and time: ${nowText(input.now, input.timeZone)}.`,
    `Requester's time zone: ${zonedNow(input.now, input.timeZone).zone}.`,
    `Requester: ${requesterText(input.requester, context.self)}.`,
    `Conversation: ${scopeText(input.scope, context.channels)}.`,
    '',
    '## Directory candidates (people the request may mention; use their exact addresses)',
    ...(context.people.length > 0 ? context.people.map(personLine) : ['(none found)']),
    '',
    '## Channels (the requester can post to these)',
    ...(context.channels.length > 0 ? context.channels.map(channelLine) : ['(none)']),
  ].join('\n');
}
