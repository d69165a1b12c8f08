import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bumped when the tables change shape; an older file is dropped and reseeded. */
export const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, folder TEXT NOT NULL, received TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_owner ON messages (owner, received);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
  ical_uid TEXT NOT NULL, transaction_id TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_owner ON events (owner, start_ms);
CREATE UNIQUE INDEX IF NOT EXISTS events_tx ON events (owner, transaction_id) WHERE transaction_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS channel_messages (
  id TEXT NOT NULL, team_id TEXT NOT NULL, channel_id TEXT NOT NULL, reply_to TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (channel_id, id));
CREATE INDEX IF NOT EXISTS channel_messages_list ON channel_messages (channel_id, reply_to, created);
CREATE TABLE IF NOT EXISTS docs (
  kind TEXT NOT NULL, id TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '',
  sort TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE INDEX IF NOT EXISTS docs_owner ON docs (kind, owner, parent, sort);
CREATE INDEX IF NOT EXISTS docs_parent ON docs (kind, parent, sort);
CREATE TABLE IF NOT EXISTS blobs (id TEXT PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS fresh (kind TEXT NOT NULL, id TEXT NOT NULL, visible_ms INTEGER NOT NULL, PRIMARY KEY (kind, id));
`;

/** Open (creating folders and tables as needed) the sandbox's SQLite file, or ':memory:'. */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0 && version !== SCHEMA_VERSION) {
    db.exec(
      'DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS messages; DROP TABLE IF EXISTS events; DROP TABLE IF EXISTS channel_messages; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS blobs; DROP TABLE IF EXISTS fresh;',
    );
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}
