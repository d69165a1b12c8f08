import type { LedgerEntry } from '../engine/ports';
import { canonicalJson } from './canonical-json';

/** Formats the audit export writes. */
export type ExportFormat = 'jsonl' | 'csv';

/** The CSV columns, in order; the header row names them exactly so. */
export const CSV_COLUMNS = ['seq', 'taskId', 'type', 'actor', 'at', 'payload', 'prevHash', 'hash'] as const;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF, with quotes
 * doubled. Values are written as recorded (no spreadsheet-formula escaping), since an audit
 * export must say exactly what the ledger holds.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header (CSV) that starts an export, or nothing (JSON Lines). */
export function exportHeader(format: ExportFormat): string {
  return format === 'csv' ? csvRecord(CSV_COLUMNS) : '';
}

/**
 * One entry as a line of the export. The payload is its canonical JSON (the hashed text), so
 * an entry's hash can be recomputed from the export alone.
 */
export function exportLine(entry: LedgerEntry, format: ExportFormat): string {
  if (format === 'csv') {
    return csvRecord([
      String(entry.seq),
      entry.taskId,
      entry.type,
      entry.actor,
      entry.at,
      canonicalJson(entry.payload),
      entry.prevHash,
      entry.hash,
    ]);
  }
  const { seq, taskId, type, actor, at, payload, prevHash, hash } = entry;
  return `${canonicalJson({ seq, taskId, type, actor, at, payload, prevHash, hash })}\n`;
}
