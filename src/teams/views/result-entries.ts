import { httpsUrl, oneLine } from './result-text';
import { between, dueDay, when } from './result-when';

/** One line of a listed answer: what it is, its key facts, and Graph's https link to it, or ''. */
export interface AnswerEntry {
  readonly title: string;
  readonly meta: string;
  readonly url: string;
}

/**
 * The collections the read actions return, most telling first (`posts` before the mail-shaped
 * `items` that teams.listChannelMessages also returns for summarising). Lists that only support
 * another (a plan's buckets, a mail's recipients) are not answers and are not named here.
 */
const LIST_FIELDS = [
  'events',
  'messages',
  'posts',
  'items',
  'tasks',
  'people',
  'directReports',
  'presences',
  'channels',
  'suggestions',
  'schedules',
] as const;
/** What a thing is called, in the order Graph's shapes prefer. */
const TITLE_FIELDS = ['subject', 'title', 'displayName', 'name', 'text', 'address'] as const;
/** Who or what else is worth a glance, in order; each is shown as it is, without a label. */
const META_FIELDS = [
  'from',
  'author',
  'organizer',
  'owner',
  'assignees',
  'jobTitle',
  'department',
  'mail',
  'availability',
  'activity',
  'status',
  'location',
  'folder',
] as const;

const TITLE_LIMIT = 120;
const META_LIMIT = 60;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The output's list that answers the request, when it has one: its items and its field name. */
export function listOf(output: Json): { field: string; items: Json[] } | undefined {
  for (const field of LIST_FIELDS) {
    const value = output[field];
    if (Array.isArray(value) && value.every(isObject)) return { field, items: value };
  }
  return undefined;
}

/** A name from a person-ish value: `{name, address}`, `[{name}]`, or a string. */
function nameOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value))
    return value
      .map(nameOf)
      .filter((n) => n !== '')
      .join(', ');
  if (isObject(value)) return text(value.name) || text(value.displayName) || text(value.address);
  return '';
}

/** When the item happens, arrived, was made, changed or is due. */
function whenOf(item: Json): string {
  if (text(item.startLocal) && text(item.endLocal)) return between(text(item.startLocal), text(item.endLocal));
  if (text(item.start) && text(item.end)) return between(text(item.start), text(item.end));
  const at = text(item.receivedDateTime) || text(item.createdDateTime);
  if (at) return when(at);
  if (text(item.lastModified)) return `modified ${when(text(item.lastModified))}`;
  const due = text(item.dueDateTime) || text(item.due);
  return due ? `due ${dueDay(due)}` : '';
}

/** One item as a line: its title (or its time, for a bare time slot), then its time and people. */
export function entryOf(item: Json): AnswerEntry {
  const titled = TITLE_FIELDS.map((field) => text(item[field])).find((value) => value !== '');
  const time = whenOf(item);
  const title = titled ?? time;
  const bits = [titled === undefined ? '' : time, ...META_FIELDS.map((field) => nameOf(item[field]))];
  if (item.isCancelled === true) bits.push('cancelled');
  const meta = [
    ...new Set(bits.map((bit) => oneLine(bit, META_LIMIT)).filter((bit) => bit !== '' && bit !== title)),
  ].join(' · ');
  return {
    title: oneLine(title || '(untitled)', TITLE_LIMIT),
    meta,
    url: httpsUrl(item.webUrl) || httpsUrl(item.webLink),
  };
}
