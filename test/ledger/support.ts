import type { LedgerEntry } from '../../src/engine/ports';
import type { AuditIo } from '../../src/ledger/audit-commands';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { main } from '../../scripts/audit';
import { useTempDbPaths } from '../store/temp-dir';

/** A fresh folder under os.tmpdir() per test file; returns a new database path per call. */
export const useTempDb = useTempDbPaths;

/** Payloads that stress CSV and JSON: commas, quotes, line breaks, unicode, nesting. */
export const PAYLOADS: readonly Record<string, unknown>[] = [
  { title: 'Weekly review, "Contoso"', lines: 'one\ntwo\r\nthree' },
  { verb: 'approve', edits: [{ path: ['to', 0], from: 'a@contoso.com', to: 'b@contoso.com' }] },
  { emoji: 'é 😀 ｚ', empty: {}, list: [[], [1, [2]]] },
];

/** A SQLite ledger file with `count` entries alternating between tasks T1 and T2. */
export async function seedLedgerFile(file: string, count: number): Promise<LedgerEntry[]> {
  const store = await openSqliteStore(file);
  const entries: LedgerEntry[] = [];
  try {
    for (let i = 1; i <= count; i += 1) {
      entries.push(
        await store.appendLedger({
          taskId: i % 2 ? 'T1' : 'T2',
          type: i === 1 ? 'task_created' : 'step_result',
          actor: i % 3 ? 'system' : 'aad-adele',
          at: new Date(Date.UTC(2025, 2, 3, 9, 0, i)).toISOString(),
          payload: { i, ...PAYLOADS[i % PAYLOADS.length] },
        }),
      );
    }
  } finally {
    await store.close();
  }
  return entries;
}

/** Run the audit CLI in-process and capture what it writes. */
export async function runAudit(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: AuditIo = { out: (text) => (out += text), err: (text) => (err += text) };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF), for checking exports. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}
