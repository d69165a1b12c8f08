import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { userRoot } from '../common/keys';
import { isoInstant, mailMessage, type MailMessage } from '../common/schemas';
import { folderKey } from './folders';
import { IMMUTABLE_IDS, toMailMessage, type GraphMessage } from './message';

export const mailSearchInput = z.object({
  from: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
  query: z.string().min(1).optional(),
  unread: z.boolean().optional(),
  since: isoInstant.optional(),
  until: isoInstant.optional(),
  /** Only messages with (true) or without (false) attachments. */
  hasAttachments: z.boolean().optional(),
  /** A folder: well-known name ("Inbox", "Archive", "Sent Items") or id; the whole mailbox when absent. */
  folder: z.string().min(1).optional(),
  top: z.number().int().min(1).max(50).default(25),
});
export type MailSearchInput = z.infer<typeof mailSearchInput>;

export const mailSearchOutput = z.object({
  messages: z.array(mailMessage),
  count: z.number().int(),
  /** The messages' ids, in the same order (for actions that take a list of ids). */
  ids: z.array(z.string()),
});
export type MailSearchOutput = z.infer<typeof mailSearchOutput>;

/** The message fields we read; never the body. */
const SELECT = 'id,subject,from,receivedDateTime,bodyPreview,isRead,webLink,isDraft,hasAttachments,conversationId';
/** How many messages a search may look at before filtering (pages of 50). */
const PAGE_SIZE = 50;
const MAX_PAGES = 4;

/** Words safe inside a KQL term: letters, digits and the characters of addresses and names. */
function kqlWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}@._'-]/gu, ''))
    .filter((word) => word.length > 0);
}

/**
 * Graph `$search` (KQL) for the free-text parts: `from:` and `subject:` per word, plain words
 * for the query. Multi-word values become one term per word (AND), which needs no nested quotes.
 */
export function buildKql(input: MailSearchInput): string | undefined {
  const terms = [
    ...kqlWords(input.from ?? '').map((w) => `from:${w}`),
    ...kqlWords(input.subject ?? '').map((w) => `subject:${w}`),
    ...kqlWords(input.query ?? ''),
  ];
  return terms.length > 0 ? `"${terms.join(' ')}"` : undefined;
}

/** `$filter` for the structured parts, used when there is nothing to search for. */
export function buildFilter(input: MailSearchInput): string {
  // Graph wants the $orderby property to lead the filter, so a receivedDateTime clause always comes first.
  const clauses = [`receivedDateTime ge ${input.since ? new Date(input.since).toISOString() : '1900-01-01T00:00:00Z'}`];
  if (input.until) clauses.push(`receivedDateTime le ${new Date(input.until).toISOString()}`);
  if (input.unread !== undefined) clauses.push(`isRead eq ${input.unread ? 'false' : 'true'}`);
  if (input.hasAttachments !== undefined) clauses.push(`hasAttachments eq ${String(input.hasAttachments)}`);
  return clauses.join(' and ');
}

/** Word-prefix match, as mail search matches: "contoso" finds "Contoso Ltd" and "dana@contoso.com". */
function hasWordStartingWith(haystack: string, word: string): boolean {
  const hay = haystack.toLowerCase();
  const needle = word.toLowerCase();
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(hay.charAt(at - 1))) return true;
  }
  return false;
}

/**
 * The exact criteria, checked on what came back: search engines are generous (and `$search`
 * cannot be combined with `$filter`), so sender, subject, read state and dates are enforced here.
 */
export function matches(m: MailMessage, input: MailSearchInput): boolean {
  const sender = `${m.from.name} ${m.from.address}`;
  if (input.from && !kqlWords(input.from).every((w) => hasWordStartingWith(sender, w))) return false;
  if (input.subject && !m.subject.toLowerCase().includes(input.subject.toLowerCase())) return false;
  if (input.unread !== undefined && m.isRead === input.unread) return false;
  if (input.hasAttachments !== undefined && (m.hasAttachments ?? false) !== input.hasAttachments) return false;
  const received = Date.parse(m.receivedDateTime);
  if (input.since && !(received >= Date.parse(input.since))) return false;
  if (input.until && !(received <= Date.parse(input.until))) return false;
  return true;
}

function criteria(input: Record<string, unknown>): string {
  const parts: string[] = [];
  if (input.unread === true) parts.push('unread');
  parts.push('mail');
  if (input.hasAttachments === true) parts.push('with attachments');
  if (input.hasAttachments === false) parts.push('without attachments');
  if (input.from !== undefined) parts.push(`from ${display(input.from)}`);
  if (input.subject !== undefined) parts.push(`about "${display(input.subject)}"`);
  if (input.query !== undefined) parts.push(`mentioning "${display(input.query)}"`);
  if (input.since !== undefined) parts.push(`since ${display(input.since)}`);
  if (input.until !== undefined) parts.push(`until ${display(input.until)}`);
  if (input.folder !== undefined) parts.push(`in ${display(input.folder)}`);
  return parts.join(' ');
}

export function mailSearch(gateway: GraphGateway): ActionSpec<MailSearchInput, MailSearchOutput> {
  return {
    name: 'mail.search',
    description:
      "Find messages in the requester's mailbox by sender (name, address or company domain), subject words, free text, read state, attachments, folder (e.g. Inbox, Archive) and date range. Returns at most `top` (≤ 50) messages, newest first, with a short preview, and their `ids` (latest is `messages.0`).",
    input: mailSearchInput,
    output: mailSearchOutput,
    risk: 'read',
    permissions: { delegated: ['Mail.Read'], application: ['Mail.Read'] },
    editable: [
      { name: 'from', label: 'From', kind: 'text' },
      { name: 'subject', label: 'Subject contains', kind: 'text' },
      { name: 'query', label: 'Words', kind: 'text' },
      { name: 'since', label: 'Received after', kind: 'datetime' },
      { name: 'until', label: 'Received before', kind: 'datetime' },
      { name: 'folder', label: 'Folder', kind: 'folder' },
      { name: 'top', label: 'At most', kind: 'number' },
    ],
    describe(input) {
      const what = criteria(input);
      const fields = [
        ['From', input.from],
        ['Subject contains', input.subject],
        ['Words', input.query],
        ['Unread only', input.unread === undefined ? undefined : input.unread ? 'Yes' : 'No'],
        ['Received after', input.since],
        ['Received before', input.until],
        ['With attachments', input.hasAttachments === undefined ? undefined : input.hasAttachments ? 'Yes' : 'No'],
        ['Folder', input.folder],
        ['At most', input.top ?? 25],
      ] as const;
      return {
        title: `Search your ${what}`,
        target: 'Your mailbox',
        reads: `${what.charAt(0).toUpperCase()}${what.slice(1)} in your mailbox (sender, subject, date and a short preview)`,
        fields: fields.filter(([, v]) => v !== undefined).map(([label, v]) => ({ label, value: display(v) })),
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const kql = buildKql(input);
      const query = kql
        ? { $search: kql, $select: SELECT, $top: PAGE_SIZE }
        : { $filter: buildFilter(input), $orderby: 'receivedDateTime desc', $select: SELECT, $top: PAGE_SIZE };
      const root = userRoot(ctx.actor.id);
      const path = input.folder
        ? `${root}/mailFolders/${encodeURIComponent(folderKey(input.folder))}/messages`
        : `${root}/messages`;
      const found = await graph.getAll<GraphMessage>(path, {
        query,
        maxPages: MAX_PAGES,
        // Immutable ids stay valid when a later step moves the message (mail.move, a retry of it).
        headers: IMMUTABLE_IDS,
        signal: ctx.signal,
        what: input.folder ? `the ${input.folder} folder` : 'your mailbox',
      });
      const messages = found
        // Unsent drafts are not mail anyone received.
        .filter((m) => m.isDraft !== true)
        .map(toMailMessage)
        .filter((m) => matches(m, input))
        .sort((a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime))
        .slice(0, input.top);
      const ids = messages.map((m) => m.id);
      return { output: { messages, count: messages.length, ids }, provenance: messages.map((m) => m.id) };
    },
  };
}
