import { strToU8, zipSync, type Zippable } from 'fflate';

/** Escape text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** Undo XML escaping (named and numeric entities). */
export function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? '';
  });
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Zip the parts of an Office Open XML package. The timestamp is given (not the clock), so the
 * same content always gives the same bytes: seeds stay deterministic and retries hash alike.
 */
export function zipPackage(parts: Readonly<Record<string, string>>, modified: Date): Buffer {
  const files: Zippable = {};
  for (const [path, xml] of Object.entries(parts)) files[path] = strToU8(xml);
  const mtime = modified.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : modified;
  return Buffer.from(zipSync(files, { level: 6, mtime }));
}

/** Dublin Core properties every Office file carries (title, author, dates). */
export function coreProperties(title: string, author: string, modified?: Date): string {
  const when = modified?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(author)}</dc:creator><cp:lastModifiedBy>${xmlEscape(author)}</cp:lastModifiedBy>` +
    (when
      ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`
      : '') +
    '</cp:coreProperties>'
  );
}
