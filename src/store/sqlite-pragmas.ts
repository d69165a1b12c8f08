import type Database from 'better-sqlite3';

/** Connection settings for a task database shared by several processes. */
export function configureSqlite(db: Database.Database, busyTimeoutMs: number): void {
  // WAL lets readers run beside one writer; on ':memory:' SQLite keeps its own mode.
  db.pragma('journal_mode = WAL');
  // Wait for another process's write lock instead of failing at once with SQLITE_BUSY.
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // NORMAL in WAL mode never corrupts, but the last commits may roll back on power loss;
  // writes that must survive that (decisions) use withFullSync.
  db.pragma('synchronous = NORMAL');
}

/**
 * Run `write` with `synchronous = FULL`, so its commit is on disk before it returns, then go
 * back to NORMAL. SQLite refuses to change the safety level inside a transaction, so this must
 * wrap the transaction, not sit in it; better-sqlite3 is synchronous, so no other statement on this
 * connection can run while FULL is in force.
 */
export function withFullSync<T>(db: Database.Database, write: () => T): T {
  if (db.inTransaction) throw new Error('withFullSync must not be called inside a transaction');
  db.pragma('synchronous = FULL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
