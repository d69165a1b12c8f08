import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { configureSqlite, withFullSync } from '../../src/store/sqlite-pragmas';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('pragmas');
const FULL = 2;
const NORMAL = 1;

describe('SQLite connection settings', () => {
  let db: Database.Database;
  beforeEach(() => {
    const file = newPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    configureSqlite(db, 1234);
  });
  afterEach(() => db.close());

  const synchronous = () => db.pragma('synchronous', { simple: true });

  it('uses WAL, a busy timeout and NORMAL sync by default', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(synchronous()).toBe(NORMAL);
  });

  it('makes a write FULL-sync around its transaction, then goes back to NORMAL', () => {
    const seen = withFullSync(db, () => synchronous());
    expect(seen).toBe(FULL);
    expect(synchronous()).toBe(NORMAL);
  });

  it('goes back to NORMAL when the write throws', () => {
    expect(() =>
      withFullSync(db, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(synchronous()).toBe(NORMAL);
  });

  it('refuses to run inside a transaction, where the setting would not apply', () => {
    db.exec('CREATE TABLE t (a TEXT)');
    const nested = db.transaction(() => withFullSync(db, () => db.prepare('INSERT INTO t VALUES (1)').run()));
    expect(() => nested()).toThrow(/inside a transaction/);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  });
});
