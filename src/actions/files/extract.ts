import { DelegateError } from '../../engine/errors';
import { docxText, pptxText } from './formats/docx-text';
import { DocumentTooLarge } from './formats/limits';
import { pdfText } from './formats/pdf-text';
import { xlsxText } from './formats/xlsx-text';

/** The formats files.readText understands. */
export type TextFormat = 'text' | 'docx' | 'xlsx' | 'pptx' | 'pdf';

const TEXT_EXTENSIONS = new Set([
  'txt',
  'md',
  'markdown',
  'csv',
  'tsv',
  'json',
  'log',
  'xml',
  'html',
  'htm',
  'yaml',
  'yml',
]);

/** How to read a file, from its name and MIME type; undefined when it is not a document. */
export function formatOf(name: string, mimeType: string | undefined): TextFormat | undefined {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx' || ext === 'xlsx' || ext === 'pptx' || ext === 'pdf') return ext;
  if (TEXT_EXTENSIONS.has(ext) || (mimeType ?? '').startsWith('text/')) return 'text';
  return undefined;
}

const unreadable = (name: string): DelegateError =>
  new DelegateError('user_input', 'file_unreadable', `"${name}" could not be read as a document.`);

/** Text that is mostly control characters came from fonts or encodings we cannot map. */
function looksLikeText(text: string): boolean {
  if (!text) return true;
  const odd = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd / text.length < 0.05;
}

/** The readable text of a document's bytes; `signal` stops a PDF being read. */
export async function extractText(
  bytes: Buffer,
  format: TextFormat,
  name: string,
  signal?: AbortSignal,
): Promise<string> {
  let text: string;
  try {
    switch (format) {
      case 'text':
        text = bytes.toString('utf8').replace(/^\ufeff/, '');
        break;
      case 'docx':
        text = docxText(bytes);
        break;
      case 'xlsx':
        text = xlsxText(bytes);
        break;
      case 'pptx':
        text = pptxText(bytes);
        break;
      case 'pdf':
        text = await pdfText(bytes, { signal });
        break;
    }
  } catch (error) {
    if (error instanceof DocumentTooLarge)
      throw new DelegateError(
        'user_input',
        'file_too_large',
        `"${name}" expands to more than ${Math.round(error.limits.maxInflatedBytes / 1024 / 1024)} MB when opened, too large to read here.`,
        { cause: error },
      );
    throw new DelegateError('user_input', 'file_unreadable', `"${name}" could not be read as a document.`, {
      cause: error,
    });
  }
  if (!looksLikeText(text)) throw unreadable(name);
  return text.replace(/\r\n/g, '\n');
}
