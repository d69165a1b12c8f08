import { checkDestinations, guardStep, sanitizeLinks } from '../../src/engine/guards';
import { ALLOW, trustFor } from './fixtures';

const SIZE = 200_000;
const repeat = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Inputs that make naive regexes or retrying scanners quadratic (or worse). */
const PATHOLOGICAL: Record<string, string> = {
  'open brackets': repeat('['),
  'bracket-paren': repeat('[]('),
  'unclosed links': repeat('[a]('),
  'unclosed titles': repeat('[a](u "'),
  'unclosed angle destinations': repeat('[a](<'),
  'unclosed reference uses': repeat('[a]['),
  'image openers': repeat('!['),
  'tag openers': repeat('<a '),
  'unclosed attribute quotes': repeat('<a title="'),
  'attributes without end': `<a ${repeat('b=c ')}`,
  'comment openers': repeat('<!--'),
  'dotted run': repeat('a.'),
  'dotted paths': repeat('a.b/'),
  'hyphen run': repeat('a-'),
  'scheme repeats': repeat('https:'),
  slashes: repeat('/'),
  'www repeats': repeat('www.'),
  'mailto repeats': repeat('mailto:a@'),
  'entity openers': repeat('&#'),
  'zero-width between letters': repeat('a\u200B'),
  'parentheses after a URL': `https://evil.test/${repeat('(')}`,
  'long host': `https://${repeat('a.')}test/`,
  'percent escapes in an allowed URL': `https://example.com/?u=${repeat('%25')}`,
  'reference definitions': repeat('[x]: https://evil.test/\n'),
  'many blocked links': repeat('[x](https://evil.test/a) '),
  'many blocked images inside one link': `[${repeat('![](https://evil.test/p)')}](https://evil.test/)`,
  'many bare URLs': repeat('https://evil.test/a '),
  'spaces after a destination': `[a](u${repeat(' ')}`,
  backslashes: repeat('\\'),
};

describe('linear time on hostile input', () => {
  it.each(Object.entries(PATHOLOGICAL))('sanitizes 200 KB of %s quickly', (_name, text) => {
    const started = performance.now();
    const result = sanitizeLinks(text, ALLOW);
    const elapsed = performance.now() - started;
    expect(typeof result.text).toBe('string');
    // Linear passes take tens of milliseconds here; a quadratic one takes minutes.
    expect(elapsed).toBeLessThan(2000);
  });

  it('checks destinations with a 200 KB request and label quickly', () => {
    const started = performance.now();
    checkDestinations(
      [{ kind: 'recipient', value: `${repeat('a')}@evil.test`, label: repeat('(Megan '), field: 'to' }],
      trustFor(repeat('megan ')),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '"',
  "'",
  '\\',
  '/',
  '//',
  ':',
  '.',
  ' ',
  '\n',
  '@',
  '#',
  '?',
  '&',
  '=',
  '%',
  '%2F',
  'https://',
  'HTTP:',
  'hxxp://',
  'www.',
  'mailto:',
  'javascript:',
  'data:',
  'evil.test',
  'example.com',
  'a.b.c',
  '/p.png',
  '<a href=',
  '<img src=',
  '</a>',
  '<!--',
  '-->',
  '&#104;',
  '&colon;',
  ']:',
  '](',
  '![',
  '\u200B',
  '\u202E',
  '\uD800',
  '\uDFFF',
  'еxample',
  'xn--',
  '[::1]',
  ':99999',
  '\u0000',
  'srcset=',
  'style="background:url(',
  '`',
  '*',
  '_',
  'removed: ',
  'www',
  'www.www.',
  '[link removed: www.x]',
  'a.com:',
  ':x',
  'ms-msdt:x',
  '(ms-msdt:x)',
  'a href=ms-msdt:x>',
  '[a]: ms-msdt:x',
];

describe('any input', () => {
  it('never throws, always flags properly, and leaves nothing for a second pass', () => {
    const next = random(20240611);
    for (let round = 0; round < 5000; round += 1) {
      const length = 1 + Math.floor(next() * 40);
      let text = '';
      for (let k = 0; k < length; k += 1) text += PIECES[Math.floor(next() * PIECES.length)];
      const first = sanitizeLinks(text, ALLOW);
      for (const flag of first.flags) expect(flag.code).toBe('link_removed');
      const second = sanitizeLinks(first.text, ALLOW);
      if (second.flags.length > 0)
        throw new Error(`not idempotent for ${JSON.stringify(text)} → ${JSON.stringify(first.text)}`);
    }
  });

  it('accepts values that are not strings at run time', () => {
    for (const junk of [undefined, null, 42, {}, []]) {
      expect(sanitizeLinks(junk as unknown as string, junk as unknown as string[])).toEqual({ text: '', flags: [] });
    }
    expect(() =>
      guardStep({
        destinations: null as never,
        content: null as never,
        trust: trustFor('x'),
        allowHosts: null as never,
      }),
    ).not.toThrow();
  });
});
