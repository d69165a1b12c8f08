import { DelegateError } from '../../engine/errors';
import type { GraphPort } from '../../graph/types';
import { userRoot } from '../common/keys';

/** The list fields the actions read. */
export interface GraphTodoList {
  readonly id: string;
  readonly displayName: string;
  readonly wellknownListName?: string | null;
}

/** The task fields the actions read. */
export interface GraphTodoTask {
  readonly id: string;
  readonly title: string;
  readonly status?: string | null;
  readonly dueDateTime?: { readonly dateTime: string; readonly timeZone?: string | null } | null;
  readonly linkedResources?: ReadonlyArray<{
    readonly applicationName?: string | null;
    readonly externalId?: string | null;
  }> | null;
}

export const listsPath = (actorId: string): string => `${userRoot(actorId)}/todo/lists`;
export const tasksPath = (actorId: string, listId: string): string =>
  `${listsPath(actorId)}/${encodeURIComponent(listId)}/tasks`;

/**
 * One of the requester's To Do lists by name (case-insensitive; "to do", "my tasks" and no
 * name mean the default list) or id.
 */
export async function findList(
  graph: GraphPort,
  actorId: string,
  name: string | undefined,
  signal?: AbortSignal,
): Promise<GraphTodoList> {
  const lists = await graph.getAll<GraphTodoList>(listsPath(actorId), {
    maxPages: 2,
    signal,
    what: 'your To Do lists',
  });
  const wanted = (name ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+list$/, '');
  const isDefault = wanted === '' || /^(?:to[\s-]?do|my\s+tasks|tasks)$/.test(wanted);
  const found =
    lists.find((l) => l.id === name) ??
    lists.find((l) => l.displayName.toLowerCase() === wanted) ??
    (isDefault ? lists.find((l) => l.wellknownListName === 'defaultList') : undefined);
  if (found) return found;
  throw new DelegateError(
    'user_input',
    'list_not_found',
    `I couldn't find a To Do list called "${name ?? ''}" (you have ${lists.map((l) => `"${l.displayName}"`).join(', ') || 'none'}).`,
  );
}
