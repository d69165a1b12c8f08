import type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from '../planning/directory';
import { batchAnswerError } from './batch-error';
import { SameTurnBatches } from './same-turn';
import { withQuery } from './service-root';
import type { GraphGateway } from './types';

interface GraphUser {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userPrincipalName?: string | null;
}

interface GraphNamed {
  readonly id: string;
  readonly displayName?: string | null;
}

/** Quote a string for an OData literal: single quotes are doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The `$filter` that finds people by the start of their names or mail (exact mail too). */
export function peopleFilter(query: string): string {
  const q = odataString(query);
  const clauses = ['displayName', 'givenName', 'surname', 'mail'].map((field) => `startswith(${field},${q})`);
  if (query.includes('@')) clauses.push(`mail eq ${q}`);
  return clauses.join(' or ');
}

/** Caps that keep one lookup to a handful of Graph calls. */
const MAX_PEOPLE = 25;
const MAX_TEAMS_PAGES = 5;
const MAX_CHANNEL_PAGES = 2;

/** The people search as a path with its query, for a single call or a `$batch`. */
function peopleUrl(query: string): string {
  return withQuery('/users', {
    $filter: peopleFilter(query),
    $select: 'id,displayName,mail,userPrincipalName',
    $top: MAX_PEOPLE,
  });
}

function person(user: GraphUser): DirectoryPerson {
  const upn = user.userPrincipalName ?? user.mail ?? '';
  return { id: user.id, displayName: user.displayName ?? upn, mail: user.mail ?? upn, userPrincipalName: upn };
}

/**
 * {@link Directory} over Microsoft Graph, running as the requester. People looked up together
 * (a request naming several colleagues is planned with its look-ups made at once) go to Graph
 * as one `$batch` per requester; a single look-up is a plain call.
 */
export class GraphDirectory implements Directory {
  private readonly people = new SameTurnBatches<DirectoryActor, string, DirectoryPerson[]>((actor, queries) =>
    this.lookUp(actor, queries),
  );

  constructor(private readonly gateway: GraphGateway) {}

  async findPeople(query: string, actor: DirectoryActor): Promise<DirectoryPerson[]> {
    const q = query.trim();
    if (q === '') return [];
    return this.people.add(actor.id, actor, q);
  }

  private async lookUp(actor: DirectoryActor, queries: readonly string[]): Promise<Array<DirectoryPerson[] | Error>> {
    const graph = this.gateway.forUser(actor);
    const what = 'the directory';
    if (queries.length === 1) {
      const found = await graph.get<{ value?: GraphUser[] }>(peopleUrl(queries[0] ?? ''), undefined, { what });
      return [(found?.value ?? []).map(person)];
    }
    const answers = await graph.batch<{ value?: GraphUser[] }>(
      queries.map((q) => ({ url: peopleUrl(q) })),
      { what },
    );
    return answers.map((answer) => batchAnswerError(answer, what) ?? (answer.body?.value ?? []).map(person));
  }

  async findChannels(query: string, actor: DirectoryActor): Promise<ChannelRef[]> {
    const graph = this.gateway.forUser(actor);
    const teams = await graph.getAll<GraphNamed>(`/users/${encodeURIComponent(actor.id)}/joinedTeams`, {
      maxPages: MAX_TEAMS_PAGES,
      what: 'your teams',
    });
    const perTeam = await Promise.all(
      teams.map(async (team) => {
        const channels = await graph.getAll<GraphNamed>(`/teams/${encodeURIComponent(team.id)}/channels`, {
          maxPages: MAX_CHANNEL_PAGES,
          what: 'the team',
        });
        return channels.map((channel) => ({
          teamId: team.id,
          teamName: team.displayName ?? '',
          channelId: channel.id,
          channelName: channel.displayName ?? '',
        }));
      }),
    );
    return matchChannels(perTeam.flat(), query);
  }
}

/**
 * Channels whose name equals the query (ignoring case and a leading '#'); if none does, those
 * whose name contains it. An empty query lists every channel.
 */
export function matchChannels(channels: readonly ChannelRef[], query: string): ChannelRef[] {
  const q = query.trim().replace(/^#/, '').toLowerCase();
  if (q === '') return [...channels];
  const exact = channels.filter((c) => c.channelName.toLowerCase() === q);
  return exact.length > 0 ? exact : channels.filter((c) => c.channelName.toLowerCase().includes(q));
}
