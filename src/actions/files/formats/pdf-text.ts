import { inflateSync } from 'node:zlib';

/** One token of a PDF content stream. */
type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; value: string }
  | { kind: 'array'; value: Token[] }
  | { kind: 'other' };

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** Read a literal string starting at `s[i] === '('`; returns the text and the index after it. */
function literal(s: string, i: number): [string, number] {
  let depth = 1;
  let out = '';
  for (i++; i < s.length && depth > 0; i++) {
    const c = s[i] ?? '';
    if (c === '\\') {
      const n = s[++i] ?? '';
      if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3))?.[0] ?? n;
        out += String.fromCharCode(parseInt(oct, 8));
        i += oct.length - 1;
      } else if (n === '\r' || n === '\n') {
        if (n === '\r' && s[i + 1] === '\n') i++;
      } else out += ESCAPES[n] ?? n;
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      depth--;
      if (depth > 0) out += c;
    } else out += c;
  }
  return [out, i];
}

function tokens(s: string, start = 0, until?: string): [Token[], number] {
  const out: Token[] = [];
  let i = start;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    if (until && c === until) return [out, i + 1];
    if (c === '(') {
      const [value, next] = literal(s, i);
      out.push({ kind: 'string', value });
      i = next;
      continue;
    }
    if (c === '[') {
      const [value, next] = tokens(s, i + 1, ']');
      out.push({ kind: 'array', value });
      i = next;
      continue;
    }
    if (c === '<' && s[i + 1] !== '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i + 1, end < 0 ? s.length : end).replace(/\s/g, '');
      out.push({ kind: 'string', value: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1') });
      i = end < 0 ? s.length : end + 1;
      continue;
    }
    const word =
      /^(?:<<|>>|\/[^\s/[\]()<>{}%]*|[+-]?(?:\d+\.?\d*|\.\d+)|[^\s/[\]()<>{}%]+|.)/.exec(s.slice(i, i + 128))?.[0] ?? c;
    i += word.length;
    if (/^[+-]?(?:\d|\.\d)/.test(word)) out.push({ kind: 'number', value: Number(word) });
    else if (/^[A-Za-z'"*]+$/.test(word)) out.push({ kind: 'op', value: word });
    else out.push({ kind: 'other' });
  }
  return [out, i];
}

/** The text shown by one content stream: Tj/TJ/'/" strings, new lines on T*, Td/TD moves and Tm. */
function streamText(content: string): string {
  const [all] = tokens(content);
  let text = '';
  let operands: Token[] = [];
  let lastY: number | undefined;
  const newline = (): void => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  for (const t of all) {
    if (t.kind !== 'op') {
      operands.push(t);
      continue;
    }
    const str = operands.find((o): o is { kind: 'string'; value: string } => o.kind === 'string');
    const nums = operands
      .filter((o): o is { kind: 'number'; value: number } => o.kind === 'number')
      .map((o) => o.value);
    switch (t.value) {
      case 'Tj':
        text += str?.value ?? '';
        break;
      case "'":
      case '"':
        newline();
        text += str?.value ?? '';
        break;
      case 'TJ': {
        const arr = operands.find((o): o is { kind: 'array'; value: Token[] } => o.kind === 'array');
        for (const part of arr?.value ?? []) {
          if (part.kind === 'string') text += part.value;
          else if (part.kind === 'number' && part.value < -200) text += ' ';
        }
        break;
      }
      case 'T*':
        newline();
        break;
      case 'Td':
      case 'TD':
        if ((nums[1] ?? 0) !== 0) newline();
        else if ((nums[0] ?? 0) > 0 && text && !text.endsWith(' ')) text += ' ';
        break;
      case 'Tm':
        if (lastY !== undefined && nums[5] !== lastY) newline();
        lastY = nums[5];
        break;
      case 'ET':
        break;
      default:
        break;
    }
    operands = [];
  }
  return text;
}

/** The decoded page-content streams of a PDF (Flate or unfiltered; images and object streams skipped). */
function contentStreams(pdf: string): string[] {
  const out: string[] = [];
  for (const m of pdf.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = pdf.indexOf('endstream', start);
    if (end < 0) break;
    const dictStart = pdf.lastIndexOf('obj', m.index ?? 0);
    const dict = pdf.slice(dictStart < 0 ? 0 : dictStart, m.index ?? 0);
    if (
      /\/Subtype\s*\/Image|\/Type\s*\/(?:ObjStm|XRef|XObject|Metadata)|\/Length1|\/(?:DCT|JPX|CCITTFax|JBIG2)Decode/.test(
        dict,
      )
    )
      continue;
    const raw = Buffer.from(pdf.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    try {
      out.push((/\/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // A stream that does not inflate is not text we can read; the rest of the file may be.
    }
  }
  return out;
}

/**
 * The text of a PDF with simple (Type1/TrueType, standard-encoded) fonts: the common case for
 * generated reports and policies. Fonts with custom CMaps come out unreadable and are reported
 * as such by the caller.
 */
export function pdfText(bytes: Uint8Array): string {
  const pdf = Buffer.from(bytes).toString('latin1');
  if (!pdf.startsWith('%PDF-')) throw new Error('not a PDF file');
  return contentStreams(pdf)
    .filter((s) => /\bBT\b/.test(s))
    .map(streamText)
    .join('\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
