import type { Person, Scope } from '../../engine/model';
import type { ChannelRef, Directory } from '../directory';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { actorOf } from './people';

/** A channel as the requester named it: "the General channel in My Team" → General / My Team. */
export interface ChannelName {
  readonly channel: string;
  readonly team?: string;
  /** "here", "this channel": the channel the request was made in. */
  readonly here?: boolean;
}

const HERE = /^(?:here|this\s+channel|this\s+thread|this\s+conversation)$/i;
/** "X channel in T" or "X in T team": only then is "in/of/on" a team (a channel may be "Tips on Excel"). */
const TEAM_SPLIT = /^(.+?\s+channel)\s+(?:in|of|on)\s+(.+)$|^(.+?)\s+(?:in|of|on)\s+(.+\s+team)$/i;

/** Tidy a destination phrase into a channel name and, optionally, its team. */
export function parseChannelName(phrase: string): ChannelName {
  const trimmed = phrase
    .trim()
    .replace(/[.!?]+$/, '')
    .replace(/\s+(?:on|in)\s+(?:microsoft\s+)?teams$/i, '');
  if (HERE.test(trimmed)) return { channel: '', here: true };
  const split = TEAM_SPLIT.exec(trimmed);
  const channelPart = split?.[1] ?? split?.[3] ?? trimmed;
  const teamPart = split?.[2] ?? split?.[4];
  // Teams keep "My": the Playground's team is called "My Team".
  const team = teamPart?.replace(/^the\s+/i, '').trim();
  const channel = tidy(channelPart);
  return team ? { channel, team } : { channel };
}

/** "My Team" is meant by "my team", "My" or "the My team"; "Sales" by "the Sales team". */
function sameTeam(teamName: string, wanted: string): boolean {
  const name = teamName.toLowerCase();
  return name.startsWith(wanted) || name.startsWith(wanted.replace(/\s+team$/, ''));
}

function tidy(part: string): string {
  return part
    .replace(/^(?:the|our|my)\s+/i, '')
    .replace(/^#/, '')
    .replace(/^channel\s+/i, '')
    .replace(/\s+channel$/i, '')
    .replace(/^["']|["']$/g, '')
    .trim();
}

/**
 * Find the one channel meant, as the requester. Exact names win over prefixes; several
 * candidates (e.g. "General" in two teams) or none are answered with the choices, never a guess.
 */
export async function resolveChannel(
  name: ChannelName,
  requester: Person,
  scope: Scope,
  directory: Directory,
): Promise<Result<ChannelRef>> {
  const actor = actorOf(requester);
  if (name.here) {
    if (scope.kind !== 'channel' || !scope.channelId) return refuse(text.HERE_OUTSIDE_CHANNEL);
    const all = await directory.findChannels('', actor);
    const here = all.find((c) => c.channelId === scope.channelId && (!scope.teamId || c.teamId === scope.teamId));
    return here ? ok(here) : refuse(text.channelNotFound('here', all));
  }
  if (!name.channel) return refuse(text.whichChannel(await directory.findChannels('', actor)));
  const wanted = name.channel.toLowerCase();
  const team = name.team?.toLowerCase();
  let matches = await directory.findChannels(name.channel, actor);
  if (team) matches = matches.filter((c) => sameTeam(c.teamName, team));
  const exact = matches.filter((c) => c.channelName.toLowerCase() === wanted);
  const candidates = exact.length > 0 ? exact : matches;
  const label = name.team ? `${name.channel} in ${name.team}` : name.channel;
  if (candidates.length === 1 && candidates[0]) return ok(candidates[0]);
  if (candidates.length > 1) return refuse(text.channelAmbiguous(label, candidates));
  return refuse(text.channelNotFound(label, await directory.findChannels('', actor)));
}
