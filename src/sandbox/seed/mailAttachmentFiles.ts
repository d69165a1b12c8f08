import type { AttachmentFile } from '../mail/attachments';

const PDF = 'application/pdf';
const CSV = 'text/csv';
const TXT = 'text/plain';

/** A one-page PDF showing the lines in Helvetica: small, valid, and readable by any PDF tool. */
export function simplePdf(lines: readonly string[]): Buffer {
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((line, i) => `BT /F1 11 Tf 56 ${760 - i * 16} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const pdf = (name: string, lines: readonly string[]): AttachmentFile => ({
  name,
  contentType: PDF,
  bytes: simplePdf(lines),
});
const csv = (name: string, rows: readonly string[]): AttachmentFile => ({
  name,
  contentType: CSV,
  bytes: Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8'),
});
const txt = (name: string, lines: readonly string[]): AttachmentFile => ({
  name,
  contentType: TXT,
  bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
});

/** The files of every seeded mail that has attachments, by seed key (the same bytes on every seed). */
export const SEED_ATTACHMENTS: Readonly<Record<string, readonly AttachmentFile[]>> = {
  'tw-contoso-msa': [
    pdf('Contoso MSA amendment - redlines.pdf', [
      'Master Services Agreement - Amendment 2 (Contoso redlines)',
      'Section 7: customer data stays in the EU Data Boundary.',
      'Section 11: liability cap set at twelve (12) months of fees.',
    ]),
  ],
  'tw-fabrikam-invoice': [
    pdf('Invoice FAB-2291.pdf', [
      'Fabrikam, Inc. - Invoice FAB-2291',
      'Display fixtures, order #45390',
      'Total due: 18,450.00 USD, payment terms net 30',
    ]),
  ],
  'tw-adele-photos': [
    txt('Window display - notes.txt', [
      'Redmond window display, left panel: lighting to adjust.',
      'Layout per brand guidelines v3.',
    ]),
    csv('Display checklist.csv', ['Item,Status', 'Left panel lighting,Open', 'Brand colours,Done', 'Price tags,Done']),
  ],
  'o2-megan-plan': [
    pdf('Spring launch plan v1.pdf', [
      'Spring launch - first plan',
      'Channels: paid social, email, in-store',
      'Launch week: week 14',
    ]),
  ],
  'o2-tom-catalog': [
    pdf('Fabrikam spring catalogue.pdf', [
      'Fabrikam spring catalogue',
      'Brochure stands, display units, signage frames',
    ]),
  ],
  'o2-lena-statement': [
    pdf('Statement of account - Example.pdf', [
      'Fabrikam statement of account',
      'FAB-2240: paid, pending allocation',
      'FAB-2291: due next month',
    ]),
  ],
  'o3-adele-to-patti': [txt('New store candidates.txt', ['Kirkland: better foot traffic.', 'Tacoma: lower rent.'])],
  'lw-fabrikam-quote': [
    pdf('Quote Q-7781 brochure stands.pdf', [
      'Quote Q-7781: 60 brochure stands, matte finish',
      'Unit price 86 USD, free shipping above 50 units',
    ]),
  ],
  'lw-adele-rollout': [
    csv('Display rollout - 12 stores.csv', ['Store,Week', 'Redmond,1', 'Bellevue,1', 'Kirkland,2', 'Tacoma,2']),
  ],
  'lw-alex-proposal': [
    pdf('Contoso renewal proposal.pdf', [
      'Contoso renewal proposal',
      'Three years, 1,500 seats',
      'Volume tier on new seats from Q2',
    ]),
  ],
  'lw-sofia-nda': [
    pdf('Mutual NDA - Contoso template.pdf', ['Mutual Non-Disclosure Agreement (Contoso template)', 'Term: two years']),
  ],
};
