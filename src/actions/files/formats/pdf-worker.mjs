// Runs in a worker thread: pdf.js (through unpdf) is an ES module that jest's CommonJS sandbox
// cannot import, and a worker lets the caller bound its memory and time and stop it outright.
import { parentPort, workerData } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';

const { bytes } = workerData;
try {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false });
  const { text } = await extractText(pdf, { mergePages: false });
  parentPort.postMessage({ ok: true, pages: text });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
