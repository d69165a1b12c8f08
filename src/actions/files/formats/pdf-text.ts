import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { withTimeout } from '../../../retry';
import { checkPdfStreams, DOCUMENT_LIMITS, type InflateLimits } from './limits';

/** How long reading one PDF may take before it is given up. */
const PDF_TIMEOUT_MS = 20_000;
/** The worker's JavaScript heap (pdf.js objects); decoded stream bytes are bounded by the limits. */
const PDF_HEAP_MB = 256;

type WorkerAnswer = { ok: true; pages: string[] } | { ok: false; message: string };

/** pdf.js, in a worker thread of its own with a bounded heap; stopped outright when `signal` aborts. */
function pagesOf(bytes: Uint8Array, signal: AbortSignal): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'pdf-worker.mjs'), {
      workerData: { bytes },
      resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (error: Error | undefined, pages?: string[]): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(pages ?? []);
    };
    const onAbort = (): void => finish(new Error('reading the PDF was stopped'));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (answer: WorkerAnswer) =>
      answer.ok ? finish(undefined, answer.pages) : finish(new Error(answer.message)),
    );
    worker.once('error', (error) => finish(error));
    worker.once('exit', (code) => finish(new Error(`the PDF reader stopped (exit code ${code})`)));
  });
}

/**
 * The text of a PDF, page by page, through pdf.js: embedded and subset fonts with ToUnicode
 * maps (what Word and browsers write) read as the characters shown. Streams that would inflate
 * past `limits` are refused before pdf.js sees the file.
 */
export async function pdfText(
  bytes: Uint8Array,
  options: { signal?: AbortSignal; limits?: InflateLimits } = {},
): Promise<string> {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('not a PDF file');
  checkPdfStreams(bytes, options.limits ?? DOCUMENT_LIMITS);
  const pages = await withTimeout(PDF_TIMEOUT_MS, (signal) => pagesOf(bytes, signal), {
    signal: options.signal,
    onTimeout: () => new Error('reading the PDF took too long'),
  });
  return pages
    .map((page) => page.trim())
    .join('\n\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
