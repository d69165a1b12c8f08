import { deflateSync } from 'node:zlib';

const LINES_PER_PAGE = 46;

/** Text for a PDF literal string in WinAnsi (characters outside Latin-1 become '?'). */
function pdfString(text: string): string {
  const latin = [...text]
    .map((c) => (c.charCodeAt(0) < 256 ? c : c === '\u2019' ? "'" : c === '\u2013' || c === '\u2014' ? '-' : '?'))
    .join('');
  return `(${latin.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function pageStream(lines: readonly { text: string; heading?: boolean }[]): Buffer {
  const ops = ['BT', '/F1 11 Tf', '14 TL', '72 770 Td'];
  for (const line of lines)
    ops.push(line.heading ? `/F2 13 Tf ${pdfString(line.text)} Tj T* /F1 11 Tf` : `${pdfString(line.text)} Tj T*`);
  ops.push('ET');
  return deflateSync(Buffer.from(ops.join('\n'), 'latin1'), { level: 6 });
}

/**
 * A valid PDF 1.4 of plain text lines in Helvetica (headings in Helvetica-Bold), with
 * Flate-compressed page contents and a correct cross-reference table. Pure and deterministic.
 */
export function buildPdf(
  title: string,
  author: string,
  modified: Date,
  lines: readonly { text: string; heading?: boolean }[],
): Buffer {
  const pages: Array<typeof lines> = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
    return objects.length;
  };
  const pagesId = 2;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled in once the page ids are known
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const page of pages) {
    const stream = pageStream(page);
    const content = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        stream,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[pagesId - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
    'latin1',
  );
  const date = modified.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const info = add(
    `<< /Title ${pdfString(title)} /Author ${pdfString(author)} /Producer (Delegate sandbox) /CreationDate (D:${date}Z) /ModDate (D:${date}Z) >>`,
  );

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(obj);
    offset += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}
