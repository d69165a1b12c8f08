import { buildDocx, type DocParagraph } from './formats/docx-write';

/** The custom document property that carries the key of the step that made a Word file. */
export const STEP_KEY_PROPERTY = 'DelegateStepKey';

/** The kinds of file files.create writes. */
export type CreatableFormat = 'txt' | 'md' | 'docx';

export const formatOfPath = (path: string): CreatableFormat | undefined => {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === 'txt' || ext === 'md' || ext === 'docx' ? ext : undefined;
};

/** Markdown-ish text as Word paragraphs: `#`/`##` headings, `-`/`*` bullets, one paragraph per line. */
export function markdownParagraphs(text: string): DocParagraph[] {
  const out: DocParagraph[] = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
    if (heading) out.push({ text: heading[2] ?? '', style: (heading[1] ?? '').length === 1 ? 'Heading1' : 'Heading2' });
    else if (bullet) out.push({ text: bullet[1] ?? '', style: 'ListBullet' });
    else out.push({ text: line.replace(/\*\*(.+?)\*\*/g, '$1') });
  }
  return out;
}

/**
 * The bytes of the file to create. Text and Markdown are stored as written (UTF-8). A Word file
 * carries the step's key as a custom property, so its bytes, and so its QuickXorHash, identify
 * the step that made it; no clock goes in, so a retry produces exactly the same bytes.
 */
export function renderFile(
  format: CreatableFormat,
  content: string,
  meta: { readonly title: string; readonly author: string; readonly key: string },
): Buffer {
  if (format !== 'docx') return Buffer.from(content, 'utf8');
  return buildDocx({
    title: meta.title,
    author: meta.author,
    paragraphs: markdownParagraphs(content),
    properties: { [STEP_KEY_PROPERTY]: meta.key },
  });
}
