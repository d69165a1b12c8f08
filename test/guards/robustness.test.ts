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

/** The fastest of three runs, in milliseconds (never below 20 ms, so tiny timings and warm-up do not make the ratio noise). */
function timed(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return Math.max(best, 20);
}

/**
 * How the time grows from a tenth of the input to all of it, measured in one run so the
 * machine's load cancels out: a linear pass grows about 10×, a quadratic one about 100×.
 */
function growth(run: (size: number) => void): number {
  return timed(() => run(SIZE)) / timed(() => run(SIZE / 10));
}
const LINEAR = 40;

describe('linear time on hostile input', () => {
  it.each(Object.entries(PATHOLOGICAL))('sanitizes 200 KB of %s in time linear in its size', (_name, text) => {
    expect(typeof sanitizeLinks(text, ALLOW).text).toBe('string');
    expect(growth((size) => sanitizeLinks(text.slice(0, size), ALLOW))).toBeLessThan(LINEAR);
  });

  it('checks destinations with a 200 KB request and label in time linear in its size', () => {
    const check = (size: number): void => {
      const part = (text: string): string => text.slice(0, size);
      checkDestinations(
        [{ kind: 'recipient', value: `${part(repeat('a'))}@evil.test`, label: part(repeat('(Megan ')), field: 'to' }],
        trustFor(part(repeat('megan '))),
      );
    };
    expect(growth(check)).toBeLessThan(LINEAR);
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
