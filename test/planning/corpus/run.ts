import { performance } from 'node:perf_hooks';
import type { Person, Scope } from '../../../src/engine/model';
import type { PlanRequest, Planner } from '../../../src/engine/ports';
import { MemoryDirectory } from '../../../src/planning';
import type { ChannelRef, DirectoryPerson } from '../../../src/planning/directory';
import { SANDBOX_DIRECTORY, userByAlias } from '../../../src/sandbox/directory';
import { CORPUS_NOW, CORPUS_ZONE } from './clock';
import { errorOutcome, scoreEntry, type Outcome } from './score';
import type { CorpusEntry } from './types';

const ALEX = userByAlias('alexw');

/** Alex Wilber, who types every corpus request. */
export const CORPUS_REQUESTER: Person = { id: ALEX.id, name: ALEX.displayName, upn: ALEX.userPrincipalName };
export const CORPUS_SCOPE: Scope = { kind: 'personal', conversationId: 'corpus' };

/** The sandbox tenant's people and the channels of the teams Alex belongs to (My Team: General, Announcements). */
export function corpusDirectory(): MemoryDirectory {
  const people: DirectoryPerson[] = SANDBOX_DIRECTORY.users.map((u) => ({
    id: u.id,
    displayName: u.displayName,
    mail: u.mail,
    userPrincipalName: u.userPrincipalName,
  }));
  const channels: ChannelRef[] = SANDBOX_DIRECTORY.teams
    .filter((team) => team.memberIds.includes(ALEX.id))
    .flatMap((team) =>
      team.channels.map((c) => ({
        teamId: team.id,
        teamName: team.displayName,
        channelId: c.id,
        channelName: c.displayName,
      })),
    );
  return new MemoryDirectory(people, channels);
}

/** The plan request for a corpus entry: from Alex, in a personal chat, at the pinned moment and zone. */
export function corpusRequest(outcome: string): PlanRequest {
  return { outcome, requester: CORPUS_REQUESTER, scope: CORPUS_SCOPE, now: CORPUS_NOW, timeZone: CORPUS_ZONE };
}

export interface RunOptions {
  /** Requests planned at once (a model server benefits from a few); default 1. */
  readonly concurrency?: number;
  /** Called after each entry, e.g. for progress. */
  readonly onOutcome?: (outcome: Outcome) => void;
}

/** Plan every entry with `planner` and score it; a planner that throws scores a miss. */
export async function runCorpus(
  planner: Planner,
  entries: readonly CorpusEntry[],
  options: RunOptions = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(entries.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index] as CorpusEntry;
      const started = performance.now();
      let outcome: Outcome;
      try {
        const result = await planner.plan(corpusRequest(entry.request));
        outcome = scoreEntry(entry, result, CORPUS_ZONE, performance.now() - started);
      } catch (error) {
        outcome = errorOutcome(entry, error, performance.now() - started);
      }
      outcomes[index] = outcome;
      options.onOutcome?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return outcomes;
}
