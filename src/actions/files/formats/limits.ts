import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import { constants, inflateSync } from 'node:zlib';

/**
 * How far a document may expand when opened. A 10 MB download of deflated zeros inflates to
 * gigabytes (a "zip bomb"); these bounds hold whatever the file declares about itself.
 */
export interface InflateLimits {
  /** Total decompressed bytes of the parts (zip entries, PDF streams) that are read. */
  readonly maxInflatedBytes: number;
  /** Zip entries or PDF streams in one file. */
  readonly maxEntries: number;
}

export const DOCUMENT_LIMITS: InflateLimits = { maxInflatedBytes: 64 * 1024 * 1024, maxEntries: 10_000 };

/** A document that would expand past its limits; the caller refuses it as too large to read. */
export class DocumentTooLarge extends Error {
  constructor(readonly limits: InflateLimits) {
    super(`the document expands past ${limits.maxInflatedBytes} bytes or ${limits.maxEntries} parts`);
    this.name = 'DocumentTooLarge';
  }
}

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032x, so one step stays small. */
const CHUNK = 16 * 1024;

/**
 * The entries of a zip package whose names pass `wanted`, as text. Entries are inflated as a
 * stream with a running total, so an entry that lies about its size is stopped when the total
 * passes the limit, not after it has filled memory.
 */
export function unzipText(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: InflateLimits = DOCUMENT_LIMITS,
): Map<string, string> {
  const parts = new Map<string, string>();
  let entries = 0;
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (++entries > limits.maxEntries) throw new DocumentTooLarge(limits);
    if (!wanted(file.name)) return;
    if (total + (file.originalSize ?? 0) > limits.maxInflatedBytes) throw new DocumentTooLarge(limits);
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) throw error;
      total += data.length;
      if (total > limits.maxInflatedBytes) throw new DocumentTooLarge(limits);
      chunks.push(data);
      if (final) parts.set(file.name, strFromU8(Buffer.concat(chunks)));
    };
    file.start();
  };
  for (let at = 0; at < bytes.length; at += CHUNK)
    unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  if (bytes.length === 0) throw new Error('not a zip package: the file is empty');
  return parts;
}

/**
 * Refuse a PDF whose Flate streams (page contents, fonts, object streams: what text extraction
 * decodes; images are not decoded for text) inflate past the limits, before the PDF library
 * sees it. Each stream is inflated with a bound on its output, so a bomb costs at most the limit.
 */
export function checkPdfStreams(bytes: Uint8Array, limits: InflateLimits = DOCUMENT_LIMITS): void {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = pdf.toString('latin1');
  let streams = 0;
  let total = 0;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const at = m.index ?? 0;
    if (text.startsWith('end', at - 3)) continue;
    if (++streams > limits.maxEntries) throw new DocumentTooLarge(limits);
    const dictStart = text.lastIndexOf('obj', at);
    const dict = text.slice(dictStart < 0 ? 0 : dictStart, at);
    if (/\/Subtype\s*\/Image/.test(dict) || !/\/(?:FlateDecode|Fl)\b/.test(dict)) continue;
    const start = at + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end < 0 ? pdf.length : end);
    try {
      total += inflateSync(raw, {
        maxOutputLength: Math.max(1, limits.maxInflatedBytes - total + 1),
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new DocumentTooLarge(limits);
      // A stream that does not inflate here (another filter first, damage) is left to the PDF library.
    }
    if (total > limits.maxInflatedBytes) throw new DocumentTooLarge(limits);
  }
}
