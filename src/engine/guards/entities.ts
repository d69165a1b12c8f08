const NAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00A0',
    colon: ':',
    sol: '/',
    bsol: '\\',
    period: '.',
    comma: ',',
    lpar: '(',
    rpar: ')',
    tab: '\t',
    newline: '\n',
    commat: '@',
    num: '#',
    percnt: '%',
    quest: '?',
    equals: '=',
    excl: '!',
    semi: ';',
    lowbar: '_',
    dollar: '$',
    plus: '+',
    Tab: '\t',
    NewLine: '\n',
    lsqb: '[',
    rsqb: ']',
    lbrack: '[',
    rbrack: ']',
    ast: '*',
    midast: '*',
    hyphen: '\u2010',
    dash: '\u2010',
  }),
);

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#([0-9]{1,10});?|([a-zA-Z][a-zA-Z0-9]{1,31});)/g;

function fromCodePoint(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/**
 * Decode the character references a browser decodes in an attribute value, so that
 * `href="&#104;ttps&colon;//evil.test"` is judged as the URL it will become.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return fromCodePoint(parseInt(dec, 10));
    return (name !== undefined ? NAMED.get(name) : undefined) ?? whole;
  });
}

/** Percent-decode byte by byte (never throws on malformed sequences, unlike decodeURIComponent). */
export function percentDecode(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
