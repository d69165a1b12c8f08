import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { DelegateError } from '../../src/engine/errors';
import { extractText } from '../../src/actions/files/extract';
import { DOCUMENT_LIMITS } from '../../src/actions/files/formats/limits';
import { pdfWithContent } from '../support/pdf-file';

/** More than the limit of zeros: about a hundred kilobytes once deflated. */
const HUGE = DOCUMENT_LIMITS.maxInflatedBytes + 16 * 1024 * 1024;

const refusal = async (promise: Promise<unknown>): Promise<DelegateError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DelegateError);
  return error as DelegateError;
};

/** Set every declared uncompressed size of `name` in a zip (local and central headers) to `size`. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Buffer {
  const bytes = Buffer.from(zip);
  const latin = bytes.toString('latin1');
  for (const [signature, sizeAt, nameAt] of [
    ['PK\x03\x04', 22, 30],
    ['PK\x01\x02', 24, 46],
  ] as const) {
    for (let at = latin.indexOf(signature); at >= 0; at = latin.indexOf(signature, at + 4))
      if (latin.startsWith(name, at + nameAt)) bytes.writeUInt32LE(size, at + sizeAt);
  }
  return bytes;
}

describe('documents that expand past the limits (decompression bombs)', () => {
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(HUGE) }, { level: 9 });

  it('refuses a Word file whose document part inflates to hundreds of megabytes', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(extractText(Buffer.from(bomb), 'docx', 'bomb.docx'));
    expect(error.code).toBe('file_too_large');
    expect(error.userMessage).toBe('"bomb.docx" expands to more than 64 MB when opened, too large to read here.');
  });

  it('stops inflating an entry that declares a small size and is not', async () => {
    const liar = lieAboutSize(bomb, 'word/document.xml', 1000);
    const before = process.memoryUsage().arrayBuffers;
    const error = await refusal(extractText(liar, 'docx', 'liar.docx'));
    expect(error.code).toBe('file_too_large');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(HUGE / 2);
  });

  it('refuses a workbook with more entries than a document has', async () => {
    const entries = Object.fromEntries(
      Array.from({ length: DOCUMENT_LIMITS.maxEntries + 1 }, (_, i) => [`xl/worksheets/s${i}.xml`, strToU8('')]),
    );
    const error = await refusal(extractText(Buffer.from(zipSync(entries)), 'xlsx', 'many.xlsx'));
    expect(error.code).toBe('file_too_large');
  });

  it('refuses a PDF whose page content inflates past the limit, before pdf.js decodes it', async () => {
    const pdf = pdfWithContent('', deflateSync(Buffer.alloc(HUGE), { level: 9 }));
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const error = await refusal(extractText(pdf, 'pdf', 'bomb.pdf'));
    expect(error.code).toBe('file_too_large');
  });

  it('still reads a document that stays within the limits', async () => {
    const pdf = pdfWithContent(`BT /F1 12 Tf 72 700 Td (Within limits) Tj ET ${' '.repeat(1_000_000)}`);
    expect(await extractText(pdf, 'pdf', 'fine.pdf')).toBe('Within limits');
  });
});
