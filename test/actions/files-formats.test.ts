import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { extractText, formatOf } from '../../src/actions/files/extract';
import { buildDocx } from '../../src/actions/files/formats/docx-write';
import { docxText } from '../../src/actions/files/formats/docx-text';
import { pdfText } from '../../src/actions/files/formats/pdf-text';
import { xlsxText } from '../../src/actions/files/formats/xlsx-text';
import { quickXorHash } from '../../src/actions/files/quick-xor-hash';
import { markdownParagraphs, renderFile } from '../../src/actions/files/render';
import { pdfWithContent } from '../support/pdf-file';

const zip = (parts: Record<string, string>): Buffer =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));

describe('document text extraction', () => {
  it('reads a PDF drawn with TJ arrays, hex strings, escapes and a moved text line', async () => {
    const pdf = pdfWithContent(
      'BT /F1 12 Tf 72 700 Td [(Hel) -20 (lo) -400 (world)] TJ 0 -14 Td <4F6E65> Tj (\\(two\\) \\101) Tj ET',
    );
    expect(await pdfText(pdf)).toBe('Hello world\nOne(two) A');
    await expect(pdfText(Buffer.from('not a pdf'))).rejects.toThrow('not a PDF');
  });

  it('reads a PDF printed by Chromium: subset TrueType fonts mapped through ToUnicode', async () => {
    const pdf = readFileSync(join(__dirname, '../fixtures/documents/chromium-memo.pdf'));
    expect(pdf.toString('latin1')).toContain('/ToUnicode');
    const text = await extractText(pdf, 'pdf', 'memo.pdf');
    expect(text).toBe(
      [
        'Expense memo',
        'Meals: up to 75 USD a day, receipts required.',
        'Café “Zürich” — naïve façade, 12 € per coffee.',
        'Approved by Łukasz Ørsted on 2 December.',
      ].join('\n'),
    );
  });

  it('reads inline strings, booleans and numbers from a workbook', () => {
    const book = zip({
      'xl/workbook.xml': '<workbook><sheets><sheet name="Q&amp;A" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Type="x" Target="/xl/worksheets/s1.xml"/></Relationships>',
      'xl/worksheets/s1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ready</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1"><v>2.5</v></c></row></sheetData></worksheet>',
    });
    expect(xlsxText(book)).toBe('Sheet: Q&A\nReady\tTRUE\t2.5');
  });

  it('reads slides of a presentation in order', async () => {
    const deck = zip({
      'ppt/slides/slide10.xml': '<p:sld><a:p><a:r><a:t>Last</a:t></a:r></a:p></p:sld>',
      'ppt/slides/slide2.xml': '<p:sld><a:p><a:r><a:t>Agenda &amp; goals</a:t></a:r></a:p></p:sld>',
    });
    expect(await extractText(deck, 'pptx', 'deck.pptx')).toBe('Slide 1\nAgenda & goals\n\nSlide 2\nLast');
  });

  it('chooses the reader from the name, and says so when bytes are not the format', async () => {
    expect(formatOf('Notes.MD', 'application/octet-stream')).toBe('text');
    expect(formatOf('photo.png', 'image/png')).toBeUndefined();
    await expect(extractText(Buffer.from('plain'), 'docx', 'fake.docx')).rejects.toThrow('could not be read');
    await expect(extractText(Buffer.from([0, 1, 2, 3, 4, 5, 6]), 'text', 'bin.txt')).rejects.toThrow(
      'could not be read',
    );
  });
});

describe('documents files.create writes', () => {
  it('turns Markdown into headings, bullets and paragraphs', () => {
    expect(markdownParagraphs('# Title\n\n## Part\n- one\n* two\nplain **bold**')).toEqual([
      { text: 'Title', style: 'Heading1' },
      { text: 'Part', style: 'Heading2' },
      { text: 'one', style: 'ListBullet' },
      { text: 'two', style: 'ListBullet' },
      { text: 'plain bold' },
    ]);
  });

  it('gives the same bytes for the same step, different bytes for another step', () => {
    const meta = { title: 'T', author: 'Alex', key: 'k1' };
    expect(renderFile('docx', '# A', meta).equals(renderFile('docx', '# A', meta))).toBe(true);
    expect(renderFile('docx', '# A', meta).equals(renderFile('docx', '# A', { ...meta, key: 'k2' }))).toBe(false);
    expect(docxText(renderFile('docx', '# A\n- b', meta))).toBe('A\n• b');
    expect(renderFile('md', '# A', meta).toString()).toBe('# A');
  });

  it('escapes XML in generated Word files', () => {
    expect(docxText(buildDocx({ title: '<T>', author: 'A & B', paragraphs: [{ text: '1 < 2 & "x"' }] }))).toBe(
      '1 < 2 & "x"',
    );
  });
});

describe('QuickXorHash', () => {
  it('is 20 zero bytes for nothing, and folds the length into the last 8 bytes', () => {
    expect(quickXorHash(new Uint8Array())).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    expect(Buffer.from(quickXorHash(Buffer.from('a')), 'base64').toString('hex')).toBe(
      `61${'00'.repeat(11)}01${'00'.repeat(7)}`,
    );
  });

  it('shifts each byte 11 bits further, wrapping around the 160-bit ring', () => {
    const bytes = Buffer.from([0xff, 0xff]);
    const ring = Buffer.from(quickXorHash(bytes), 'base64');
    // byte 0 at bits 0-7, byte 1 at bits 11-18; length 2 in byte 12.
    expect(ring.subarray(0, 3).toString('hex')).toBe('fff807');
    expect(ring[12]).toBe(2);
    const wrap = Buffer.alloc(15, 0);
    wrap[14] = 0xff; // bit 154: straddles the end of the ring into bit 0
    expect(Buffer.from(quickXorHash(wrap), 'base64').subarray(19, 20).toString('hex')).toBe('fc');
    expect(Buffer.from(quickXorHash(wrap), 'base64')[0]).toBe(0x03);
  });
});
