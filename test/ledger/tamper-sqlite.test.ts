import Database from 'better-sqlite3';
import { computeHash } from '../../src/ledger/entry';
import { decodeLedgerRow, type LedgerRow } from '../../src/store/ledger-codec';
import { runAudit, seedLedgerFile, useTempDb } from './support';

const newPath = useTempDb('ledger-tamper');

/** Seed a 10-entry ledger, tamper with it directly through SQLite, and run `audit verify`. */
async function verifyAfter(
  tamper: (db: Database.Database) => void,
  extra: readonly string[] = [],
): Promise<{ code: number; out: string }> {
  const file = newPath();
  const entries = await seedLedgerFile(file, 10);
  const head = entries.at(-1)!;
  const db = new Database(file);
  try {
    tamper(db);
  } finally {
    db.close();
  }
  return runAudit(['verify', '--db', file, ...extra.map((arg) => arg.replace('$HEAD', `${head.seq}:${head.hash}`))]);
}

/** The "ledger OK" line (verify also prints the head to keep). */
const okLine = (out: string) => out.split('\n')[0];

function row(db: Database.Database, seq: number): LedgerRow {
  return db.prepare('SELECT * FROM ledger WHERE seq = ?').get(seq) as LedgerRow;
}

describe('tampering with the ledger in a SQLite file', () => {
  it('verifies the untouched file', async () => {
    const result = await verifyAfter(() => undefined);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(okLine(result.out)).toBe('ledger OK: 10 entries');
    expect(result.out).toMatch(/^head: 10:[0-9a-f]{64} /m);
  });

  it('names an entry whose payload was updated', async () => {
    const result = await verifyAfter((db) =>
      db.prepare(`UPDATE ledger SET payload = '{"i":4,"forged":true}' WHERE seq = 4`).run(),
    );
    expect(result).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 4: hash_mismatch\n' });
  });

  it('names an entry whose actor or time was updated', async () => {
    await expect(
      verifyAfter((db) => db.prepare(`UPDATE ledger SET actor = 'aad-mallory' WHERE seq = 7`).run()),
    ).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 7: hash_mismatch\n',
    });
    await expect(
      verifyAfter((db) => db.prepare(`UPDATE ledger SET at = '2025-01-01T00:00:00.000Z' WHERE seq = 2`).run()),
    ).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 2: hash_mismatch\n',
    });
  });

  it('names a deleted row', async () => {
    const result = await verifyAfter((db) => db.prepare('DELETE FROM ledger WHERE seq = 4').run());
    expect(result).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 4: sequence_gap\n' });
  });

  it('names the first of two rows whose seqs were swapped', async () => {
    const result = await verifyAfter((db) =>
      db.transaction(() => {
        db.prepare('UPDATE ledger SET seq = -3 WHERE seq = 3').run();
        db.prepare('UPDATE ledger SET seq = 3 WHERE seq = 6').run();
        db.prepare('UPDATE ledger SET seq = 6 WHERE seq = -3').run();
      })(),
    );
    expect(result).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 3: hash_mismatch\n' });
  });

  it('names an entry whose prevHash was changed, with or without its own hash recomputed', async () => {
    const plain = await verifyAfter((db) =>
      db.prepare(`UPDATE ledger SET prev_hash = ? WHERE seq = 5`).run('a'.repeat(64)),
    );
    expect(plain).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 5: hash_mismatch\n' });
    const recomputed = await verifyAfter((db) => {
      const entry = { ...decodeLedgerRow(row(db, 5)), prevHash: 'a'.repeat(64) };
      db.prepare('UPDATE ledger SET prev_hash = ?, hash = ? WHERE seq = 5').run(entry.prevHash, computeHash(entry));
    });
    expect(recomputed).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 5: broken_link\n' });
  });

  it('names a forged entry appended without the real last hash', async () => {
    const result = await verifyAfter((db) => {
      const forged = { ...decodeLedgerRow(row(db, 10)), seq: 11, prevHash: 'b'.repeat(64), payload: { forged: true } };
      db.prepare(
        `INSERT INTO ledger (seq, task_id, type, actor, at, payload, prev_hash, hash) VALUES (11, ?, ?, ?, ?, '{"forged":true}', ?, ?)`,
      ).run(forged.taskId, forged.type, forged.actor, forged.at, forged.prevHash, computeHash(forged));
    });
    expect(result).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 11: broken_link\n' });
  });

  it('names a row edited into something that is not an entry, unless the chain broke before it', async () => {
    const junk = (db: Database.Database) => db.prepare(`UPDATE ledger SET payload = 'not json' WHERE seq = 6`).run();
    await expect(verifyAfter(junk)).resolves.toMatchObject({ code: 1, out: 'ledger BROKEN at entry 6: unreadable\n' });
    await expect(
      verifyAfter((db) => db.prepare(`UPDATE ledger SET type = 'coffee' WHERE seq = 6`).run()),
    ).resolves.toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 6: unreadable\n',
    });
    const earlier = await verifyAfter((db) => {
      junk(db);
      db.prepare('DELETE FROM ledger WHERE seq = 2').run();
    });
    expect(earlier).toMatchObject({ code: 1, out: 'ledger BROKEN at entry 2: sequence_gap\n' });
  });

  it('cannot see a truncated tail on its own, but can with the head kept from an earlier verify', async () => {
    const result = await verifyAfter((db) => db.prepare('DELETE FROM ledger WHERE seq = 10').run());
    expect(result.code).toBe(0);
    expect(okLine(result.out)).toBe('ledger OK: 9 entries');
    const anchored = await verifyAfter(
      (db) => db.prepare('DELETE FROM ledger WHERE seq >= 9').run(),
      ['--anchor', '$HEAD'],
    );
    expect(anchored).toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 10: truncated (the anchor entry is gone)\n',
    });
    const intact = await verifyAfter(() => undefined, ['--anchor', '$HEAD']);
    expect(intact.code).toBe(0);
  });

  it('with an anchor, catches a tail rewritten with recomputed hashes', async () => {
    const result = await verifyAfter(
      (db) => {
        const last = row(db, 10);
        const forged = { ...decodeLedgerRow(last), payload: { forged: true } };
        const hash = computeHash(forged);
        db.prepare('UPDATE ledger SET payload = ?, hash = ? WHERE seq = 10').run(JSON.stringify(forged.payload), hash);
      },
      ['--anchor', '$HEAD'],
    );
    expect(result).toMatchObject({
      code: 1,
      out: 'ledger BROKEN at entry 10: anchor mismatch (the chain was rewritten)\n',
    });
  });
});
