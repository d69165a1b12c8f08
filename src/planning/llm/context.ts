import type { PlanRequest } from '../../engine/ports';
import type { ChannelRef, Directory, DirectoryPerson } from '../directory';
import { actorOf } from '../extract/people';
import { lookupsIn } from './mentions';

/** More candidates than this would drown the prompt; the model asks instead. */
const MAX_PEOPLE = 30;
const MAX_CHANNELS = 50;

/**
 * Directory facts gathered before the model call, so it can pick exact addresses and channel
 * ids instead of inventing them. Only directory entries: no mail, file or message content.
 */
export interface PlanningContext {
  /** People the request (or its answers and revision) may mention. */
  readonly people: readonly DirectoryPerson[];
  /** The requester's own directory entry, when found ("email me …"). */
  readonly self?: DirectoryPerson;
  /** Channels the requester can post to. */
  readonly channels: readonly ChannelRef[];
}

/** The texts written by the requester for this plan: the outcome, their answers, their revision instruction. */
export function requesterTexts(request: PlanRequest): string[] {
  return [...lookupTexts(request), ...answersOf(request)];
}

function lookupTexts(request: PlanRequest): string[] {
  return [request.outcome, ...(request.revision ? [request.revision.instruction] : [])];
}

function answersOf(request: PlanRequest): string[] {
  return (request.clarifications ?? []).map((c) => c.answer);
}

/** Look up the people the request seems to mention, the requester, and the channels. Directory failures propagate. */
export async function gatherContext(request: PlanRequest, directory: Directory): Promise<PlanningContext> {
  const actor = actorOf(request.requester);
  const selfQuery = request.requester.upn ?? request.requester.name;
  const [found, mine, channels] = await Promise.all([
    Promise.all(lookupsIn(lookupTexts(request), answersOf(request)).map((query) => directory.findPeople(query, actor))),
    selfQuery ? directory.findPeople(selfQuery, actor) : Promise.resolve([]),
    directory.findChannels('', actor),
  ]);
  const self = mine.find((person) => person.id === request.requester.id);
  const people = new Map<string, DirectoryPerson>();
  for (const person of found.flat()) {
    const key = (person.mail || person.userPrincipalName).toLowerCase();
    if (!people.has(key)) people.set(key, person);
  }
  return {
    people: [...people.values()].slice(0, MAX_PEOPLE),
    ...(self ? { self } : {}),
    channels: channels.slice(0, MAX_CHANNELS),
  };
}
