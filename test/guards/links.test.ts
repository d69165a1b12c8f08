import { sanitizeLinks } from '../../src/engine/guards';
import { ALLOW } from './fixtures';

const clean = (text: string, allow: readonly string[] = ALLOW): string => sanitizeLinks(text, allow).text;
const hosts = (text: string): string[] =>
  sanitizeLinks(text, ALLOW).flags.map((flag) => {
    expect(flag.code).toBe('link_removed');
    return flag.message.replace(/^Removed an? (?:link to )?/, '').replace(/[: ].*$/, '');
  });

describe('allowed links', () => {
  it.each([
    'Plain text without links.',
    'See https://example.com/a?b=1#c and https://contoso.sharepoint.com/sites/x.',
    '[the deck](https://www.example.com/deck.pptx "Deck") and ![logo](https://example.com/logo.png)',
    '<a href="https://example.com/x">x</a> <img src="https://example.com/p.png">',
    '[docs]\n\n[docs]: https://example.com/docs',
    'mail [HR](mailto:hr@example.com) or <https://example.com/auto>',
    'relative [notes](notes.md) and [top](#top); Node.js/TypeScript, e.g./i.e., a.m./p.m., ASP.NET',
    'emoji stay whole: 👨\u200D👩\u200D👧 ❤\uFE0F and Persian می\u200Cخواهم',
  ])('leaves %j untouched', (text) => {
    expect(sanitizeLinks(text, ALLOW)).toEqual({ text, flags: [] });
  });
});

describe('markdown', () => {
  it('removes an image beacon entirely', () => {
    expect(clean('Hello ![](https://evil.test/p.png?d=secret) world')).toBe('Hello  world');
  });

  it('neutralises an inline link, keeping its text', () => {
    expect(clean('Open [the invoice](https://evil.test/inv "Invoice") now')).toBe(
      'Open the invoice [link removed: evil.test] now',
    );
  });

  it('handles nested brackets in link text', () => {
    expect(clean('[a [b] c](https://evil.test/x)')).toBe('a [b] c [link removed: evil.test]');
  });

  it('removes a linked image badge whole, and keeps an allowed link around a blocked image', () => {
    expect(clean('x [![badge](https://evil.test/b.png)](https://evil.test/) y')).toBe('x [link removed: evil.test] y');
    expect(clean('[![badge](https://evil.test/b.png) docs](https://example.com/)')).toBe(
      '[ docs](https://example.com/)',
    );
  });

  it('handles balanced parentheses, angle brackets and escapes in destinations', () => {
    expect(clean('[w](https://evil.test/a_(b)) after')).toBe('w [link removed: evil.test] after');
    expect(clean('[w](<https://evil.test/a b>)')).toBe('w [link removed: evil.test]');
    expect(clean('[w](https://evil\\.test/x)')).toBe('w [link removed: evil.test]');
  });

  it('removes reference definitions and unlinks their uses, keeping the text', () => {
    const text =
      'See [the portal][p], [P][] and [p].\n\n[p]: https://evil.test/login "Sign in"\n[ok]: https://example.com/\nUse [ok].';
    expect(clean(text)).toBe('See the portal, P and p.\n\n[ok]: https://example.com/\nUse [ok].');
    expect(hosts(text)).toEqual(['evil.test']);
  });

  it('removes reference-style images and definitions in angle brackets', () => {
    expect(clean('![logo][l]\n\n[l]: <https://evil.test/logo.png>\n')).toBe('\n\n');
  });

  it('removes a link in a markdown link whose destination has no scheme', () => {
    expect(clean('[x](//evil.test/p) [y](evil.test/p) [z](www.evil.test)')).toBe(
      'x [link removed: evil.test] y [link removed: evil.test] z [link removed: evil.test]',
    );
  });
});

describe('HTML', () => {
  it('neutralises <a href> and removes <img src>', () => {
    expect(
      clean(
        '<p><a href="https://evil.test/x" title="a>b">View <b>it</b></a> <img src=https://evil.test/p.gif alt=""></p>',
      ),
    ).toBe('<p>View <b>it</b> [link removed: evil.test] </p>');
  });

  it('decodes character references and drops tabs the way browsers do', () => {
    expect(clean('<a href="&#104;ttps&#58;//evil.test/">a</a>')).toBe('a [link removed: evil.test]');
    expect(clean('<a href="java&#x09;script:alert(1)">b</a>')).toBe('b [link removed: javascript:]');
  });

  it('checks srcset, style url(), background, form actions and meta refresh', () => {
    const text =
      '<img src="https://example.com/a.png" srcset="https://evil.test/a.png 2x">' +
      '<div style="background:url(\'https://evil.test/bg\')">k</div><td background=//evil.test/t>' +
      '<form action="https://evil.test/f"><meta http-equiv="refresh" content="0;url=https://evil.test/r">';
    expect(clean(text)).toBe('k</div>');
  });

  it('leaves an unterminated tag to the bare-URL pass', () => {
    expect(clean('<img src="https://evil.test/p.png')).toBe('<img src="[link removed: evil.test]');
  });

  it('ignores tags inside comments but still removes their URLs', () => {
    expect(clean('<!-- <img src="https://evil.test/p"> -->')).toBe('<!-- <img src="[link removed: evil.test]"> -->');
  });
});

describe('bare URLs', () => {
  it.each([
    ['uppercase scheme', 'HTTPS://EVIL.TEST/X', '[link removed: evil.test]'],
    ['defanged hxxp', 'hxxps://evil.test/p.exe', '[link removed: evil.test]'],
    ['userinfo', 'https://example.com@evil.test/', '[link removed: evil.test]'],
    ['percent-encoded host', 'https://%65vil.test/x', '[link removed: evil.test]'],
    ['IDN homoglyph', 'https://\u0435xample.com/', '[link removed: xn--xample-2of.com]'],
    ['punycode', 'https://xn--exmple-cua.com/v', '[link removed: xn--exmple-cua.com]'],
    ['subdomain trick', 'https://example.com.evil.test/sso', '[link removed: example.com.evil.test]'],
    ['backslashes', 'https:\\\\evil.test\\x', '[link removed: evil.test]'],
    ['no slashes', 'https:evil.test/x', '[link removed: evil.test]'],
    ['www', 'www.evil.test/partners', '[link removed: evil.test]'],
    ['host and path', 'evil.test/banner.png?d=1', '[link removed: evil.test]'],
    ['protocol-relative', '//evil.test/t.gif', '[link removed: evil.test]'],
    ['trailing dot host', 'https://EVIL.test./m', '[link removed: evil.test]'],
    ['autolink', '<https://evil.test/a>', '[link removed: evil.test]'],
    ['mailto', 'mailto:x@evil.test?body=hi', '[link removed: evil.test]'],
    ['javascript', 'javascript:alert(1)', '[link removed: javascript:]'],
    ['data', 'data:text/html;base64,PHA+', '[link removed: data:]'],
    ['ideographic full stop', 'https://evil\u3002test/x', '[link removed: evil.test]'],
    ['zero-width inside', 'h\u200Bttps://evil\u200B.test/x', '[link removed: evil.test]'],
    [
      'open redirect on an allowed host',
      'https://example.com/r?u=https%3A%2F%2Fevil.test%2F',
      '[link removed: evil.test]',
    ],
    ['double-encoded redirect', 'https://example.com/r?u=https%253A%252F%252Fevil.test', '[link removed: evil.test]'],
    ['redirect in the path', 'https://example.com/go/https://evil.test/x', '[link removed: evil.test]'],
  ])('removes a %s link', (_what, text, expected) => {
    expect(clean(text)).toBe(expected);
  });

  it('keeps trailing punctuation and unbalanced brackets outside the link', () => {
    expect(clean('(see https://evil.test/track?u=1).')).toBe('(see [link removed: evil.test]).');
    expect(clean('Go to https://evil.test/a_(b), then **https://evil.test/c**!')).toBe(
      'Go to [link removed: evil.test], then **[link removed: evil.test]**!',
    );
  });

  it('matches allowed hosts with their subdomains only', () => {
    expect(clean('https://a.b.example.com/ https://notexample.com/ https://example.com.au/')).toBe(
      'https://a.b.example.com/ [link removed: notexample.com] [link removed: example.com.au]',
    );
  });

  it('accepts allow-list entries as wildcards or URLs, and an empty allow-list removes every link', () => {
    expect(clean('https://a.contoso.com/x', ['*.contoso.com'])).toBe('https://a.contoso.com/x');
    expect(clean('https://a.contoso.com/x', ['https://contoso.com/'])).toBe('https://a.contoso.com/x');
    expect(clean('https://example.com/x', [])).toBe('[link removed: example.com]');
  });

  it('keeps URLs the person typed, and still removes javascript: even then', () => {
    const result = sanitizeLinks('https://fabrikam.com/offer and https://fabrikam.com/other javascript:x()', ALLOW, {
      allowUrls: ['https://Fabrikam.com/offer', 'javascript:x()'],
    });
    expect(result.text).toBe('https://fabrikam.com/offer and [link removed: fabrikam.com] [link removed: javascript:]');
  });
});

describe('flags', () => {
  it('raises one link_removed flag per host, in order', () => {
    const result = sanitizeLinks('https://b.test/1 ![](https://a.test/p) https://b.test/2 javascript:x', ALLOW);
    expect(result.flags).toEqual([
      { code: 'link_removed', message: "Removed a link to a.test: it is not one of your organisation's sites" },
      { code: 'link_removed', message: "Removed a link to b.test: it is not one of your organisation's sites" },
      {
        code: 'link_removed',
        message: 'Removed a javascript: link: links of that kind can run code or carry hidden content',
      },
    ]);
  });

  it('keeps a hostile host from breaking out of the placeholder', () => {
    expect(clean('https://evil.test]x(/')).toBe('[link removed: evil.test]]x(/');
    expect(clean('https://ev{il}.test/ https://ev|il.test/')).toBe(
      '[link removed: ev-il-.test] [link removed: ev-il.test]',
    );
    expect(clean('https://[::1]/x')).toBe('[link removed: ::1]');
    expect(clean('www.www.https://x')).toBe('[link removed: https]');
  });
});

describe('removing never creates a link', () => {
  it.each([
    ['an image between "]" and "("', '[a]![](https://evil.test/p)(ms-msdt:x)', '[a] (ms-msdt:x)'],
    ['a placeholder before "("', '[x](https://evil.test)(ms-msdt:y)', 'x [link removed: evil.test] (ms-msdt:y)'],
    ['a placeholder before ":"', 'https://evil.test[a]: ms-msdt:x', '[link removed: evil.test-a-] : ms-msdt:x'],
    [
      'a tag between "<" and a tag name',
      '<<img src=https://evil.test/p>a href="ms-msdt:x">t</a>',
      '< a href="ms-msdt:x">t</a>',
    ],
    ['an image pulling a definition to the start of a line', '![](https://evil.test/p)[a]: ms-msdt:x\n[a]', '[a]'],
  ])('through %s', (_how, text, expected) => {
    expect(clean(text)).toBe(expected);
  });

  it('repeats its passes when a removal changes how a tag reads', () => {
    // The bare URL swallows the "=" of an attribute, so the quote that followed now opens nothing
    // and the second <a …> becomes a complete tag with an href no pass had judged.
    const text = '<a href=www@ !www.www.style="background:url(<<a href=a.b.cHTTP:](-->HTTP:';
    const result = sanitizeLinks(text, ALLOW);
    expect(result.text).not.toContain('href=a.b.c');
    expect(result.flags.map((flag) => flag.message)).toEqual([
      "Removed a link to style-: it is not one of your organisation's sites",
      'Removed a a.b.chttp: link: links of that kind can run code or carry hidden content',
    ]);
    expect(sanitizeLinks(result.text, ALLOW).flags).toEqual([]);
  });

  it('drops all markup brackets when the rounds run out', () => {
    const result = sanitizeLinks('<a href=x !www.evil.test/="y href=ms-msdt:x>t</a> [ok](https://example.com)', ALLOW, {
      maxRounds: 1,
    });
    expect(result.text).toBe('t link removed: ms-msdt: ok(https://example.com)');
    expect(result.flags.map((flag) => flag.code)).toEqual(['link_removed']);
  });

  it('leaves nothing for a second pass in the corner cases found by fuzzing', () => {
    for (const text of ['&%////www.:.):', 'www.www.data: //', '!:</a>https://evil.test=_xn--\uD800= ']) {
      const once = clean(text);
      expect(sanitizeLinks(once, ALLOW)).toEqual({ text: once, flags: [] });
    }
  });
});
