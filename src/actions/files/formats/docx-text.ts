import { unzipText } from './limits';
import { xmlUnescape } from './ooxml';

/** The text of one WordprocessingML/DrawingML fragment: runs joined, tabs and breaks kept. */
function runsText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g)) {
    if (m[1] !== undefined) out += xmlUnescape(m[1]);
    else out += m[0] === '<w:tab/>' ? '\t' : '\n';
  }
  return out;
}

/** The text of a .docx: one line per paragraph of the main document, in order. */
export function docxText(bytes: Uint8Array): string {
  const parts = unzipText(bytes, (name) => name === 'word/document.xml');
  const xml = parts.get('word/document.xml');
  if (xml === undefined) throw new Error('not a Word document: word/document.xml is missing');
  const paragraphs = [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => runsText(m[0]));
  return paragraphs.join('\n');
}

/** The text of a .pptx: each slide's paragraphs, slides in order. */
export function pptxText(bytes: Uint8Array): string {
  const parts = unzipText(bytes, (name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const slides = [...parts.entries()].sort(
    ([a], [b]) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
  );
  return slides
    .map(([, xml], i) => {
      const lines = [...xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map((p) =>
        [...p[0].matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => xmlUnescape(t[1] ?? '')).join(''),
      );
      return `Slide ${i + 1}\n${lines.filter(Boolean).join('\n')}`;
    })
    .join('\n\n');
}
