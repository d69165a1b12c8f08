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
 * requester's to fix; a refused look-up (a missing permission) is Graph's error, not "not found".
 */
export async function usersByKey(graph: GraphPort, keys: readonly string[], signal?: AbortSignal): Promise<UserRef[]> {
  const rows = await lookUp(graph, keys, signal);
  return rows.map((row, i) => {
    if (!row) {
      throw new DelegateError(
        'user_input',
        'person_not_found',
        `I couldn't find ${keys[i] ?? 'someone'} in your organisation's directory.`,
      );
    }
    return { id: row.id, displayName: row.displayName ?? row.mail ?? row.id, mail: row.mail ?? '' };
  });
}

const SELECT = 'id,displayName,mail';

/**
 * Each key's directory row, or undefined when the directory has no such user (404, or 400 for
 * a key that cannot be a user). Any other failed answer is asked again on its own, so that
 * Graph's own error (403 for a missing permission, say) surfaces as a GraphError.
 */
async function lookUp(
  graph: GraphPort,
  keys: readonly string[],
  signal?: AbortSignal,
): Promise<Array<GraphUserRow | undefined>> {
  if (keys.length === 0) return [];
  const what = 'the directory';
  const path = (key: string) => `/users/${encodeURIComponent(key)}`;
  const answers = await graph.batch<GraphUserRow>(
    keys.map((key) => ({ url: `${path(key)}?$select=${SELECT}` })),
    { signal, what },
  );
  return Promise.all(
    keys.map(async (key, i) => {
      const answer = answers[i];
      if (answer?.status === 200) return answer.body;
      if (answer?.status === 404 || answer?.status === 400) return undefined;
      return graph.get<GraphUserRow>(path(key), { $select: SELECT }, { signal, what });
    }),
  );
}

/** Display names by user id; someone no longer in the directory keeps their id as a name. */
export async function namesById(
  graph: GraphPort,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const rows = await lookUp(graph, ids, signal);
  return new Map(ids.map((id, i) => [id, rows[i]?.displayName ?? id]));
}
