import { createHash, randomBytes } from 'node:crypto';
import type { DateTimeTimeZone } from '../time';

/** Document kinds of the To Do feature. */
export const TODO_LIST = 'todo.list';
export const TODO_TASK = 'todo.task';

/** A todoTaskList as Graph returns it. */
export interface TodoList {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly displayName: string;
  readonly isOwner: boolean;
  readonly isShared: boolean;
  readonly wellknownListName: 'defaultList' | 'flaggedEmails' | 'none';
}

/** A linkedResource: how an app ties a task to its own item (`externalId`). */
export interface TodoLinkedResource {
  readonly id: string;
  readonly applicationName: string;
  readonly displayName: string;
  readonly externalId: string;
  readonly webUrl: string | null;
}

/** A todoTask as Graph returns it. */
export interface TodoTask {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly importance: 'low' | 'normal' | 'high';
  readonly isReminderOn: boolean;
  readonly status: 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
  readonly title: string;
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  readonly hasAttachments: boolean;
  readonly categories: readonly string[];
  readonly body: { readonly content: string; readonly contentType: 'text' | 'html' };
  readonly dueDateTime?: DateTimeTimeZone;
  readonly completedDateTime?: DateTimeTimeZone;
  readonly linkedResources: readonly TodoLinkedResource[];
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An Exchange-like To Do id: stable for seeded items, random for created ones. */
export function todoId(seedKey?: string): string {
  const bytes =
    seedKey === undefined ? randomBytes(30) : createHash('sha256').update(`todo:${seedKey}`).digest().subarray(0, 30);
  return `AAMkAGE5${b64(bytes)}AAA=`;
}

/** A fresh `W/"…"` change key for a new version of an item. */
export function todoEtag(id: string, version: string): string {
  return `W/"${createHash('sha256').update(`${id}|${version}`).digest('base64').slice(0, 28)}"`;
}

/** The seven-fractional-digit timestamps To Do writes. */
export const todoTime = (date: Date): string => date.toISOString().replace(/Z$/, '0000Z');
