import { wellKnownFolder } from '../actions/mail/folders';
import type { EditChoice, EditChoices, EditableField } from '../engine/catalogue';
import type { Logger } from '../engine/ports';
import type { GraphActor, GraphGateway, GraphPort } from '../graph/types';
import { withTimeout } from '../retry/with-timeout';

/** What an Edit form's pickers offer for a step's fields, looked up as the requester. */
export type EditChoiceLookup = (requester: GraphActor, fields: readonly EditableField[]) => Promise<EditChoices>;

/** An invoke is answered at once: a picker that can't be filled in this long falls back. */
const LOOKUP_MS = 2_000;
const MAX_TEAMS = 25;
/** Edit then Save (or a Save sent back) within this long reuse one look-up. */
const REUSE_MS = 60_000;
const MAX_CACHED = 1_000;
const MAX_PAGES = 5;

/**
 * The requester's mail folders (names shown, ids submitted; "Archive" also means its folder) and
 * the channels of the teams they belong to ("My Team › General"; the team and channel ids
 * submitted together). A look-up that fails or is slow leaves that field without a list: the
 * form then takes a folder typed by name and keeps the channel as planned, and the server
 * checks whatever comes back either way.
 */
export function editChoiceLookup(
  gateway: GraphGateway,
  logger: Logger,
  now: () => number = Date.now,
): EditChoiceLookup {
  const cache = new Map<string, { at: number; list: Promise<EditChoice[]> }>();
  const listOf = (requester: GraphActor, kind: 'folder' | 'channel'): Promise<EditChoice[]> => {
    const key = `${requester.id}:${kind}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < REUSE_MS) return hit.list;
    const graph = gateway.forUser(requester);
    const list = withTimeout(
      LOOKUP_MS,
      (signal) => (kind === 'folder' ? folders(graph, requester.id, signal) : channels(graph, requester.id, signal)),
      { onTimeout: () => new Error(`looking up ${kind}s took longer than ${LOOKUP_MS} ms`) },
    );
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { at: now(), list });
    // A failed look-up is not kept: the next form tries again.
    list.catch(() => {
      if (cache.get(key)?.list === list) cache.delete(key);
    });
    return list;
  };
  return async (requester, fields) => {
    const pickers = fields.filter((f) => f.kind === 'folder' || f.kind === 'channel');
    const found = await Promise.all(
      pickers.map(async (field) => {
        try {
          const list = await listOf(requester, field.kind === 'folder' ? 'folder' : 'channel');
          return [field.name, list] as const;
        } catch (error) {
          logger.warn({ err: error, field: field.name }, 'edit form picker not filled');
          return undefined;
        }
      }),
    );
    return Object.fromEntries(found.filter((entry) => entry !== undefined));
  };
}

async function folders(graph: GraphPort, user: string, signal: AbortSignal): Promise<EditChoice[]> {
  const list = await graph.getAll<{ id: string; displayName?: string }>(
    `/users/${encodeURIComponent(user)}/mailFolders`,
    {
      query: { $select: 'id,displayName', $top: 100 },
      maxPages: MAX_PAGES,
      signal,
      what: 'your mail folders',
    },
  );
  return list.map((f) => {
    const name = f.displayName || f.id;
    const known = wellKnownFolder(name);
    return { value: f.id, title: name, aliases: known ? [name, known] : [name] };
  });
}

async function channels(graph: GraphPort, user: string, signal: AbortSignal): Promise<EditChoice[]> {
  const teams = await graph.getAll<{ id: string; displayName?: string }>(
    `/users/${encodeURIComponent(user)}/joinedTeams`,
    {
      query: { $select: 'id,displayName' },
      maxPages: MAX_PAGES,
      signal,
      what: 'your teams',
    },
  );
  const perTeam = await Promise.all(
    teams.slice(0, MAX_TEAMS).map(async (team) => {
      const list = await graph.getAll<{ id: string; displayName?: string }>(
        `/teams/${encodeURIComponent(team.id)}/channels`,
        { query: { $select: 'id,displayName' }, maxPages: MAX_PAGES, signal, what: 'the channels of your team' },
      );
      const teamName = team.displayName || team.id;
      return list.map((c) => {
        const channelName = c.displayName || c.id;
        return {
          value: `${team.id}/${c.id}`,
          title: `${teamName} › ${channelName}`,
          fields: { teamId: team.id, channelId: c.id, teamName, channelName },
        };
      });
    }),
  );
  return perTeam.flat();
}
