import { unzipText } from './limits';
import { xmlUnescape } from './ooxml';

const textOf = (xml: string): string =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1] ?? '')).join('');

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Sheet names and their part paths, in workbook order. */
function sheetsOf(parts: Map<string, string>): Array<{ name: string; path: string }> {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map(
    [...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => [attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '']),
  );
  return [...workbook.matchAll(/<sheet\s[^>]*>/g)].map((m) => {
    const target = targets.get(attr(m[0], 'r:id') ?? '') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return { name: xmlUnescape(attr(m[0], 'name') ?? ''), path };
  });
}

/** The text of a .xlsx: each sheet under its name, one line per row, cells separated by tabs. */
export function xlsxText(bytes: Uint8Array): string {
  const parts = unzipText(bytes, (name) => (name.startsWith('xl/') && name.endsWith('.xml')) || name.endsWith('.rels'));
  if (!parts.has('xl/workbook.xml')) throw new Error('not an Excel workbook: xl/workbook.xml is missing');
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
  return sheetsOf(parts)
    .map((sheet) => {
      const xml = parts.get(sheet.path) ?? '';
      const rows = [...xml.matchAll(/<row[\s>][\s\S]*?<\/row>/g)].map((row) =>
        [...row[0].matchAll(/<c(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/c>)/g)]
          .map((cell) => {
            const type = attr(cell[1] ?? '', 't');
            const inner = cell[2] ?? '';
            const value = xmlUnescape(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
            if (type === 's') return shared[Number(value)] ?? '';
            if (type === 'inlineStr') return textOf(inner);
            if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
            return value;
          })
          .join('\t'),
      );
      return `Sheet: ${sheet.name}\n${rows.join('\n')}`;
    })
    .join('\n\n');
}
