import { randomUUID } from 'node:crypto';
import { badRequest, requireField } from '../errors';
import { parseDateTimeTimeZone, toDateTimeTimeZone, type DateTimeTimeZone } from '../time';
import { todoEtag, todoId, todoTime, type TodoLinkedResource, type TodoTask } from './todo-model';

const STATUSES = new Set(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']);
const IMPORTANCE = new Set(['low', 'normal', 'high']);

function oneOf<T extends string>(value: unknown, allowed: Set<string>, field: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.has(value))
    throw badRequest(`Invalid value for '${field}'.`, 'invalidRequest');
  return value as T;
}

/** A due date as To Do keeps it: a `dateTimeTimeZone` checked for sense; null clears it. */
function readDue(value: unknown): DateTimeTimeZone | null | undefined {
  if (value === undefined || value === null) return value;
  const at = parseDateTimeTimeZone(value, 'dueDateTime');
  const zone = (value as { timeZone?: string }).timeZone ?? 'UTC';
  return toDateTimeTimeZone(at, zone);
}

function readBody(value: unknown): TodoTask['body'] | undefined {
  if (value === undefined) return undefined;
  const v = value as { content?: unknown; contentType?: unknown } | null;
  if (!v || typeof v.content !== 'string') throw badRequest("Invalid value for 'body'.", 'invalidRequest');
  return { content: v.content, contentType: v.contentType === 'html' ? 'html' : 'text' };
}

function readLinks(value: unknown): TodoLinkedResource[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest("Invalid value for 'linkedResources'.", 'invalidRequest');
  return value.map((raw: unknown) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const text = (k: string): string => (typeof r[k] === 'string' ? (r[k] as string) : '');
    return {
      id: randomUUID(),
      applicationName: requireField(text('applicationName'), 'applicationName'),
      displayName: text('displayName'),
      externalId: text('externalId'),
      webUrl: text('webUrl') || null,
    };
  });
}

function readTitle(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 255) throw badRequest("Invalid value for 'title'.", 'invalidRequest');
  return value;
}

/** A new task from a POST body. */
export function newTodoTask(body: Record<string, unknown>, now: Date): TodoTask {
  const id = todoId();
  const status = oneOf<TodoTask['status']>(body.status, STATUSES, 'status') ?? 'notStarted';
  const due = readDue(body.dueDateTime);
  return {
    '@odata.etag': todoEtag(id, '1'),
    id,
    importance: oneOf<TodoTask['importance']>(body.importance, IMPORTANCE, 'importance') ?? 'normal',
    isReminderOn: false,
    status,
    title: requireField(readTitle(body.title), 'title'),
    createdDateTime: todoTime(now),
    lastModifiedDateTime: todoTime(now),
    hasAttachments: false,
    categories: Array.isArray(body.categories) ? body.categories.filter((c): c is string => typeof c === 'string') : [],
    body: readBody(body.body) ?? { content: '', contentType: 'text' },
    ...(due ? { dueDateTime: due } : {}),
    ...(status === 'completed' ? { completedDateTime: toDateTimeTimeZone(now) } : {}),
    linkedResources: readLinks(body.linkedResources),
  };
}

/** A task changed by a PATCH body. */
export function patchTodoTask(task: TodoTask, body: Record<string, unknown>, now: Date): TodoTask {
  const status = oneOf<TodoTask['status']>(body.status, STATUSES, 'status') ?? task.status;
  const due = readDue(body.dueDateTime);
  const { dueDateTime: _due, completedDateTime: _done, ...rest } = task;
  const dueDateTime = due === undefined ? task.dueDateTime : (due ?? undefined);
  const completedDateTime = status !== 'completed' ? undefined : (task.completedDateTime ?? toDateTimeTimeZone(now));
  return {
    ...rest,
    '@odata.etag': todoEtag(task.id, `${task['@odata.etag']}|${todoTime(now)}`),
    title: readTitle(body.title) ?? task.title,
    status,
    importance: oneOf<TodoTask['importance']>(body.importance, IMPORTANCE, 'importance') ?? task.importance,
    body: readBody(body.body) ?? task.body,
    lastModifiedDateTime: todoTime(now),
    ...(dueDateTime ? { dueDateTime } : {}),
    ...(completedDateTime ? { completedDateTime } : {}),
  };
}
