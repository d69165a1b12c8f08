import type Database from 'better-sqlite3';
import type { CalendarEvent, ChannelMessage, FolderName, MailMessage } from '../model';

interface DocRow {
  doc: string;
}

const parse = <T>(row: DocRow | undefined): T | undefined => (row ? (JSON.parse(row.doc) as T) : undefined);
const parseAll = <T>(rows: DocRow[]): T[] => rows.map((r) => JSON.parse(r.doc) as T);

/** A stored message with the folder it lives in. */
export interface StoredMail {
  readonly folder: FolderName;
  readonly message: MailMessage;
}

/**
 * The sandbox's persistent state: mailboxes, calendars and channel messages as Graph JSON
 * documents, keyed by owner. Synchronous (better-sqlite3) because the server is single-process.
 */
export class SandboxStore {
  /**
   * @param lagMs eventual consistency: how long a new item stays out of lists and searches
   *   (0, the default, shows it at once). See {@link markNew}.
   */
  constructor(
    private readonly db: Database.Database,
    readonly lagMs = 0,
  ) {}

  /** Run several writes atomically. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Remove everything (before a reseed). */
  clear(): void {
    this.db.exec(
      'DELETE FROM meta; DELETE FROM messages; DELETE FROM events; DELETE FROM channel_messages; DELETE FROM docs; DELETE FROM blobs; DELETE FROM fresh;',
    );
  }

  // ── eventual consistency ───────────────────────────────────────────────────
  /**
   * A new item (a sent copy, a delivered mail, a post, an event…) that lists and searches show
   * only from `now + lagMs`, as Graph's indexes do; reading it by id works at once. A no-op
   * without a lag. `key` is unique within `kind` (e.g. `chatId/messageId`).
   */
  markNew(kind: FreshKind, key: string, now: Date): void {
    if (this.lagMs <= 0) return;
    this.db.prepare('DELETE FROM fresh WHERE visible_ms <= ?').run(now.getTime());
    this.db
      .prepare(
        'INSERT INTO fresh (kind, id, visible_ms) VALUES (?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET visible_ms = excluded.visible_ms',
      )
      .run(kind, key, now.getTime() + this.lagMs);
  }

  /** The keys of `kind` that lists and searches do not show yet at `now`. */
  hiddenKeys(kind: FreshKind, now: Date): ReadonlySet<string> {
    if (this.lagMs <= 0) return new Set();
    const rows = this.db
      .prepare('SELECT id FROM fresh WHERE kind = ? AND visible_ms > ?')
      .all(kind, now.getTime()) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  // ── mail ───────────────────────────────────────────────────────────────────
  listMail(owner: string, folder?: FolderName): StoredMail[] {
    const rows = (
      folder
        ? this.db
            .prepare('SELECT folder, doc FROM messages WHERE owner = ? AND folder = ? ORDER BY received DESC, id')
            .all(owner, folder)
        : this.db.prepare('SELECT folder, doc FROM messages WHERE owner = ? ORDER BY received DESC, id').all(owner)
    ) as Array<DocRow & { folder: FolderName }>;
    return rows.map((r) => ({ folder: r.folder, message: JSON.parse(r.doc) as MailMessage }));
  }

  getMail(owner: string, id: string): StoredMail | undefined {
    const row = this.db.prepare('SELECT folder, doc FROM messages WHERE owner = ? AND id = ?').get(owner, id) as
      (DocRow & { folder: FolderName }) | undefined;
    return row ? { folder: row.folder, message: JSON.parse(row.doc) as MailMessage } : undefined;
  }

  putMail(owner: string, folder: FolderName, message: MailMessage): void {
    this.db
      .prepare(
        `INSERT INTO messages (id, owner, folder, received, doc) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, folder = excluded.folder, received = excluded.received, doc = excluded.doc`,
      )
      .run(message.id, owner, folder, message.receivedDateTime, JSON.stringify(message));
  }

  deleteMail(owner: string, id: string): void {
    this.db.prepare('DELETE FROM messages WHERE owner = ? AND id = ?').run(owner, id);
  }

  // ── calendar ───────────────────────────────────────────────────────────────
  listEvents(owner: string): CalendarEvent[] {
    return parseAll(
      this.db.prepare('SELECT doc FROM events WHERE owner = ? ORDER BY start_ms, id').all(owner) as DocRow[],
    );
  }

  /** Events overlapping [start, end). */
  listEventsBetween(owner: string, start: Date, end: Date): CalendarEvent[] {
    return parseAll(
      this.db
        .prepare('SELECT doc FROM events WHERE owner = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, id')
        .all(owner, end.getTime(), start.getTime()) as DocRow[],
    );
  }

  getEvent(owner: string, id: string): CalendarEvent | undefined {
    return parse(
      this.db.prepare('SELECT doc FROM events WHERE owner = ? AND id = ?').get(owner, id) as DocRow | undefined,
    );
  }

  findEventByTransaction(owner: string, transactionId: string): CalendarEvent | undefined {
    return parse(
      this.db.prepare('SELECT doc FROM events WHERE owner = ? AND transaction_id = ?').get(owner, transactionId) as
        DocRow | undefined,
    );
  }

  /** Every copy (organizer's and attendees') of one meeting. */
  listEventCopies(iCalUId: string): Array<{ owner: string; event: CalendarEvent }> {
    const rows = this.db.prepare('SELECT owner, doc FROM events WHERE ical_uid = ?').all(iCalUId) as Array<
      DocRow & { owner: string }
    >;
    return rows.map((r) => ({ owner: r.owner, event: JSON.parse(r.doc) as CalendarEvent }));
  }

  putEvent(owner: string, event: CalendarEvent, startMs: number, endMs: number): void {
    this.db
      .prepare(
        `INSERT INTO events (id, owner, start_ms, end_ms, ical_uid, transaction_id, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, doc = excluded.doc`,
      )
      .run(
        event.id,
        owner,
        startMs,
        endMs,
        event.iCalUId,
        event.isOrganizer ? event.transactionId : null,
        JSON.stringify(event),
      );
  }

  deleteEvent(owner: string, id: string): void {
    this.db.prepare('DELETE FROM events WHERE owner = ? AND id = ?').run(owner, id);
  }

  // ── channel messages ───────────────────────────────────────────────────────
  /** Posts (replyTo = null) or one post's replies, newest first. */
  listChannelMessages(channelId: string, replyTo: string | null): ChannelMessage[] {
    return parseAll(
      this.db
        .prepare(
          'SELECT doc FROM channel_messages WHERE channel_id = ? AND reply_to = ? ORDER BY created DESC, id DESC',
        )
        .all(channelId, replyTo ?? '') as DocRow[],
    );
  }

  getChannelMessage(channelId: string, id: string): ChannelMessage | undefined {
    return parse(
      this.db.prepare('SELECT doc FROM channel_messages WHERE channel_id = ? AND id = ?').get(channelId, id) as
        DocRow | undefined,
    );
  }

  putChannelMessage(message: ChannelMessage): void {
    this.db
      .prepare(
        `INSERT INTO channel_messages (id, team_id, channel_id, reply_to, created, doc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(channel_id, id) DO UPDATE SET doc = excluded.doc`,
      )
      .run(
        message.id,
        message.channelIdentity.teamId,
        message.channelIdentity.channelId,
        message.replyToId ?? '',
        message.createdDateTime,
        JSON.stringify(message),
      );
  }

  // ── documents of any other kind (drive items, planner, to do, chats, …) ──────
  /** One document of `kind` by id. */
  getDoc<T>(kind: DocKind, id: string): T | undefined {
    return parse(this.db.prepare('SELECT doc FROM docs WHERE kind = ? AND id = ?').get(kind, id) as DocRow | undefined);
  }

  /** Documents of `kind`, optionally of one owner and/or under one parent, ordered by `sort` then id. */
  listDocs<T>(kind: DocKind, where: { readonly owner?: string; readonly parent?: string } = {}): T[] {
    const clauses = ['kind = ?'];
    const args: string[] = [kind];
    if (where.owner !== undefined) {
      clauses.push('owner = ?');
      args.push(where.owner);
    }
    if (where.parent !== undefined) {
      clauses.push('parent = ?');
      args.push(where.parent);
    }
    return parseAll(
      this.db.prepare(`SELECT doc FROM docs WHERE ${clauses.join(' AND ')} ORDER BY sort, id`).all(...args) as DocRow[],
    );
  }

  /** Insert or replace a document; `owner`, `parent` and `sort` are what {@link listDocs} filters and orders by. */
  putDoc(
    kind: DocKind,
    id: string,
    doc: unknown,
    keys: { readonly owner?: string; readonly parent?: string; readonly sort?: string } = {},
  ): void {
    this.db
      .prepare(
        `INSERT INTO docs (kind, id, owner, parent, sort, doc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(kind, id) DO UPDATE SET owner = excluded.owner, parent = excluded.parent, sort = excluded.sort, doc = excluded.doc`,
      )
      .run(kind, id, keys.owner ?? '', keys.parent ?? '', keys.sort ?? '', JSON.stringify(doc));
  }

  deleteDoc(kind: DocKind, id: string): void {
    this.db.prepare('DELETE FROM docs WHERE kind = ? AND id = ?').run(kind, id);
  }

  // ── binary content (file bodies) ───────────────────────────────────────────
  getBlob(id: string): Buffer | undefined {
    return (this.db.prepare('SELECT bytes FROM blobs WHERE id = ?').get(id) as { bytes: Buffer } | undefined)?.bytes;
  }

  putBlob(id: string, bytes: Buffer): void {
    this.db
      .prepare('INSERT INTO blobs (id, bytes) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET bytes = excluded.bytes')
      .run(id, bytes);
  }

  deleteBlob(id: string): void {
    this.db.prepare('DELETE FROM blobs WHERE id = ?').run(id);
  }
}

/**
 * The kind of a document in the generic `docs` table, named `<feature>.<kind>` (e.g.
 * `drive.item`, `planner.task`). Features add kinds rather than tables, so the sandbox's
 * schema stays one version for everyone.
 */
export type DocKind = string;

/** What eventual consistency delays: mail (key: message id), events (owner/id), posts (channel/id), chat messages (chat/id). */
export type FreshKind = 'mail' | 'event' | 'channelMessage' | 'chatMessage';
