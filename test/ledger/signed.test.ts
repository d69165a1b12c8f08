import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { LedgerKeys } from '../../src/config';
import type { LedgerEntry } from '../../src/engine/ports';
import { computeHash } from '../../src/ledger/entry';
import { LedgerKeyring, type LedgerKeySpec } from '../../src/ledger/keyring';
import { encodeLedgerEntry } from '../../src/store/ledger-codec';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { main } from '../../scripts/audit';
import { PAYLOADS, useTempDb } from './support';

const newPath = useTempDb('ledger-signed');
const NOW = new Date('2026-03-03T12:00:00.000Z');

const hmacKey = (id: string): LedgerKeySpec => ({
  id,
  algorithm: 'hmac-sha256',
  material: randomBytes(32).toString('base64'),
});
const KEY_A = hmacKey('2026-01');
const KEY_B = hmacKey('2026-02');

/** Append `count` entries to the SQLite ledger at `file`, sealed with `keys`' signing key. */
async function append(file: string, keys: LedgerKeys, from: number, count: number): Promise<void> {
  const store = await openSqliteStore(file, { sealer: new LedgerKeyring(keys.signing, keys.retired).sealer() });
  try {
    for (let i = from; i < from + count; i += 1)
      await store.appendLedger({
        taskId: i % 2 ? 'T1' : 'T2',
        type: 'step_result',
        actor: 'system',
        at: new Date(Date.UTC(2026, 2, 3, 9, 0, i % 60)).toISOString(),
        payload: { i, ...PAYLOADS[i % PAYLOADS.length] },
      });
  } finally {
    await store.close();
  }
}

async function audit(argv: readonly string[], keys: LedgerKeys): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) }, keys, () => NOW);
  return { code, out, err };
}

function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

function entries(db: Database.Database): LedgerEntry[] {
  return (db.prepare('SELECT * FROM ledger ORDER BY seq').all() as Record<string, string | number>[]).map((r) => ({
    seq: Number(r.seq),
    taskId: String(r.task_id),
    type: r.type as LedgerEntry['type'],
    actor: String(r.actor),
    at: String(r.at),
    payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  }));
}

/** What someone with write access to the database can do: rewrite entries and recompute every hash after. */
function rewriteFrom(db: Database.Database, seq: number, payload: Record<string, unknown>): void {
  const all = entries(db);
  const update = db.prepare(
    'UPDATE ledger SET payload = @payload, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq',
  );
  let prevHash = all[seq - 2]?.hash ?? '0'.repeat(64);
  for (const entry of all.slice(seq - 1)) {
    const changed = { ...entry, payload: entry.seq === seq ? payload : entry.payload, prevHash };
    const sealed = { ...changed, hash: computeHash(changed) };
    update.run(encodeLedgerEntry(sealed));
    prevHash = sealed.hash;
  }
}

/** Append an entry chained to the head, as the store would but without the key. */
function forgeAppend(db: Database.Database): void {
  const head = entries(db).at(-1)!;
  const unsealed = {
    seq: head.seq + 1,
    taskId: 'T9',
    type: 'decision' as const,
    actor: 'aad-mallory',
    at: head.at,
    payload: { verb: 'approve' },
    prevHash: head.hash,
  };
  db.prepare(
    'INSERT INTO ledger (seq, task_id, type, actor, at, payload, prev_hash, hash) VALUES (@seq, @task_id, @type, @actor, @at, @payload, @prev_hash, @hash)',
  ).run(encodeLedgerEntry({ ...unsealed, hash: computeHash(unsealed) }));
}

describe('a signed ledger proves itself', () => {
  const keys: LedgerKeys = { signing: KEY_A, retired: [] };

  it('verifies an untouched signed ledger, and refuses to vouch for it without the keys', async () => {
    const file = newPath();
    await append(file, keys, 1, 10);
    const ok = await audit(['verify', '--db', file], keys);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out.split('\n')[0]).toBe('ledger OK: 10 entries, signed head verified');
    await expect(audit(['verify', '--db', file], { retired: [] })).resolves.toMatchObject({
      code: 2,
      err: expect.stringMatching(/ledger is signed/),
    });
  });

  it('detects a rewrite with every hash recomputed (the plain chain still verifies)', async () => {
    const file = newPath();
    await append(file, keys, 1, 10);
    tamper(file, (db) => rewriteFrom(db, 4, { i: 4, forged: true }));
    // The unkeyed chain cannot tell: that is the gap the signature closes.
    const store = await openSqliteStore(file, { readonly: true });
    const { verifyChainAsync } = await import('../../src/ledger/verify');
    await expect(verifyChainAsync(store.readLedger())).resolves.toMatchObject({ ok: true, count: 10 });
    await store.close();
    await expect(audit(['verify', '--db', file], keys)).resolves.toEqual({
      code: 1,
      out: 'ledger BROKEN at entry 10: rewritten (the entry differs from its signed head)\n',
      err: '',
    });
  });

  it('detects entries appended without the key', async () => {
    const file = newPath();
    await append(file, keys, 1, 10);
    tamper(file, (db) => {
      forgeAppend(db);
      forgeAppend(db);
    });
    await expect(audit(['verify', '--db', file], keys)).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 11: appended (entries 11–12 carry no signed head)\n',
    });
  });

  it('detects a forged or moved seal', async () => {
    const file = newPath();
    await append(file, keys, 1, 10);
    tamper(file, (db) => db.prepare("UPDATE ledger_seals SET signature = 'AAAA' WHERE seq = 10").run());
    await expect(audit(['verify', '--db', file], keys)).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 10: signed head has an invalid signature (forged)\n',
    });
  });

  it('detects truncation: the newest entries and their seal deleted', async () => {
    const file = newPath();
    const anchors = path.join(path.dirname(file), 'anchors.jsonl');
    await append(file, keys, 1, 130);
    await expect(audit(['anchor', '--db', file, '--out', anchors], keys)).resolves.toMatchObject({
      code: 0,
      out: expect.stringMatching(/anchored entry 130 /),
    });
    // Cut back to 120: the checkpoint at 100 still stands, the head seal is gone.
    tamper(file, (db) => {
      db.prepare('DELETE FROM ledger WHERE seq > 120').run();
      db.prepare('DELETE FROM ledger_seals WHERE seq > 100').run();
    });
    await expect(audit(['verify', '--db', file], keys)).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 101: appended (entries 101–120 carry no signed head)\n',
    });
    // Cut back exactly to the checkpoint: only the anchor the auditor kept can tell.
    tamper(file, (db) => db.prepare('DELETE FROM ledger WHERE seq > 100').run());
    await expect(audit(['verify', '--db', file], keys)).resolves.toMatchObject({ code: 0 });
    await expect(audit(['verify', '--db', file, '--anchors', anchors], keys)).resolves.toEqual({
      code: 1,
      out: 'ledger BROKEN at entry 130: truncated (the anchor names an entry that is gone)\n',
      err: '',
    });
  });

  it('keeps a checkpoint every 100 entries and the newest head', async () => {
    for (const store of [
      new MemoryTaskStore({ sealer: new LedgerKeyring(KEY_A).sealer() }),
      await openSqliteStore(':memory:', { sealer: new LedgerKeyring(KEY_A).sealer() }),
    ]) {
      for (let i = 1; i <= 205; i += 1)
        await store.appendLedger({
          taskId: 'T',
          type: 'step_result',
          actor: 'system',
          at: NOW.toISOString(),
          payload: { i },
        });
      const seals = await store.listLedgerSeals();
      expect(seals.map((s) => s.seq)).toEqual([100, 200, 205]);
      expect(seals.every((s) => new LedgerKeyring(undefined, [KEY_A]).check(s) === undefined)).toBe(true);
      await store.close();
    }
  });

  it('rotates keys: old seals and anchors still verify with the retired key, not without it', async () => {
    const file = newPath();
    const anchors = path.join(path.dirname(file), 'anchors.jsonl');
    await append(file, keys, 1, 105);
    await expect(audit(['anchor', '--db', file, '--out', anchors], keys)).resolves.toMatchObject({ code: 0 });
    const rotated: LedgerKeys = { signing: KEY_B, retired: [KEY_A] };
    await append(file, rotated, 106, 10);
    await expect(audit(['anchor', '--db', file, '--out', anchors], rotated)).resolves.toMatchObject({ code: 0 });
    const lines = fs
      .readFileSync(anchors, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { keyId: string; seq: number });
    expect(lines.map((l) => [l.seq, l.keyId])).toEqual([
      [105, '2026-01'],
      [115, '2026-02'],
    ]);
    await expect(audit(['verify', '--db', file, '--anchors', anchors], rotated)).resolves.toMatchObject({ code: 0 });
    await expect(
      audit(['verify', '--db', file, '--anchors', anchors], { signing: KEY_B, retired: [] }),
    ).resolves.toEqual({
      code: 1,
      out: 'ledger BROKEN at entry 100: signed head signed with unknown key "2026-01"\n',
      err: '',
    });
  });

  it('signs with Ed25519 and verifies with the public key alone', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signing: LedgerKeySpec = {
      id: 'ed-1',
      algorithm: 'ed25519',
      material: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    };
    const verifyOnly: LedgerKeySpec = {
      ...signing,
      material: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    };
    const file = newPath();
    await append(file, { signing, retired: [] }, 1, 5);
    await expect(audit(['verify', '--db', file], { retired: [verifyOnly] })).resolves.toMatchObject({ code: 0 });
    tamper(file, (db) => rewriteFrom(db, 2, { i: 2, forged: true }));
    await expect(audit(['verify', '--db', file], { retired: [verifyOnly] })).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 5: rewritten (the entry differs from its signed head)\n',
    });
    expect(() => new LedgerKeyring(verifyOnly)).toThrow(/PKCS #8 private key/);
  });
});
