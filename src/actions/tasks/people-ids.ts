import { DelegateError } from '../../engine/errors';
import type { GraphPort } from '../../graph/types';

/** A directory user as the task actions need them: id to assign, name to show. */
export interface UserRef {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
}

interface GraphUserRow {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
}

/**
 * Directory users by address or id, in one JSON batch. Planner assigns by user id; people are
 * named by address in step inputs, so they are looked up at run time. Anyone not found is the
 * requester's to fix.
 */
export async function usersByKey(graph: GraphPort, keys: readonly string[], signal?: AbortSignal): Promise<UserRef[]> {
  const answers = await lookUp(graph, keys, signal);
  return answers.map((answer, i) => {
    if (answer.status !== 200) {
      throw new DelegateError(
        'user_input',
        'person_not_found',
        `I couldn't find ${keys[i] ?? 'someone'} in your organisation's directory.`,
      );
    }
    return {
      id: answer.body.id,
      displayName: answer.body.displayName ?? answer.body.mail ?? answer.body.id,
      mail: answer.body.mail ?? '',
    };
  });
}

function lookUp(graph: GraphPort, keys: readonly string[], signal?: AbortSignal) {
  if (keys.length === 0) return Promise.resolve([]);
  return graph.batch<GraphUserRow>(
    keys.map((key) => ({ url: `/users/${encodeURIComponent(key)}?$select=id,displayName,mail` })),
    { signal, what: 'the directory' },
  );
}

/** Display names by user id; someone no longer in the directory keeps their id as a name. */
export async function namesById(
  graph: GraphPort,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const answers = await lookUp(graph, ids, signal);
  return new Map(
    ids.map((id, i) => {
      const answer = answers[i];
      return [id, answer?.status === 200 ? (answer.body.displayName ?? id) : id];
    }),
  );
}
