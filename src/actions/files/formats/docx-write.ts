import { coreProperties, XML_HEAD, xmlEscape, zipPackage } from './ooxml';

/** One paragraph of a generated Word document. */
export interface DocParagraph {
  readonly text: string;
  readonly style?: 'Title' | 'Heading1' | 'Heading2' | 'ListBullet';
}

/** What goes into a generated .docx. */
export interface DocxContent {
  readonly title: string;
  readonly author: string;
  /** Omitted for generated files, so that the same content always gives the same bytes. */
  readonly modified?: Date;
  readonly paragraphs: readonly DocParagraph[];
  /** Custom document properties (e.g. the step key that made the file). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** The zip timestamp of generated files without a date of their own (zip's epoch). */
const FIXED_TIME = new Date(Date.UTC(1980, 0, 1));

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const STYLES =
  `${XML_HEAD}<w:styles xmlns:w="${W}">` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>' +
  '</w:styles>';

function paragraph(p: DocParagraph): string {
  const props = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
  const text = p.style === 'ListBullet' ? `• ${p.text}` : p.text;
  const runs = text
    .split('\t')
    .map((part) => `<w:t xml:space="preserve">${xmlEscape(part)}</w:t>`)
    .join('<w:tab/>');
  return `<w:p>${props}<w:r>${runs}</w:r></w:p>`;
}

function customProperties(properties: Readonly<Record<string, string>>): string {
  const items = Object.entries(properties).map(
    ([name, value], i) =>
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlEscape(name)}"><vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`,
  );
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`;
}

/** A valid Word document (WordprocessingML) with the given paragraphs; same input, same bytes. */
export function buildDocx(content: DocxContent): Buffer {
  const custom = content.properties && Object.keys(content.properties).length > 0;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      (custom
        ? '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        : '') +
      '</Types>',
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      (custom ? `<Relationship Id="rId3" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>` : '') +
      '</Relationships>',
    'word/_rels/document.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'word/document.xml':
      `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${content.paragraphs.map(paragraph).join('')}` +
      '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>',
    'word/styles.xml': STYLES,
    'docProps/core.xml': coreProperties(content.title, content.author, content.modified),
  };
  if (custom && content.properties) parts['docProps/custom.xml'] = customProperties(content.properties);
  return zipPackage(parts, content.modified ?? FIXED_TIME);
}
