import { compileFilter, FilterSyntaxError } from '../../src/sandbox/odata/filter';
import { compileMailSearch } from '../../src/sandbox/odata/search';
import { parseArgs } from '../../src/sandbox/main';
import { composeMessage } from '../../src/sandbox/mail/compose';

const item = {
  isRead: false,
  subject: "O'Neil's quote",
  receivedDateTime: '2026-03-10T12:00:00Z',
  count: 3,
  from: { emailAddress: { name: 'Dana Whitman', address: 'Dana@Contoso.com' } },
  singleValueExtendedProperties: [{ id: 'String {0000} Name K', value: 'v1' }],
};

describe('$filter', () => {
  it.each([
    ['isRead eq false', true],
    ['isRead eq true', false],
    ["from/emailAddress/address eq 'dana@contoso.com'", true],
    ['receivedDateTime ge 2026-03-10T00:00:00Z and receivedDateTime le 2026-03-11T00:00:00Z', true],
    ['receivedDateTime gt 2026-03-10T12:00:00Z', false],
    ["subject eq 'O''Neil''s quote'", true],
    ["startswith(subject,'o''neil') or isRead eq true", true],
    ["not (contains(subject,'quote'))", false],
    ['count lt 4 and count ge 3', true],
    ["singleValueExtendedProperties/any(ep: ep/id eq 'String {0000} Name K' and ep/value eq 'v1')", true],
    ["singleValueExtendedProperties/any(ep: ep/id eq 'String {0000} Name K' and ep/value eq 'v2')", false],
    ['missing eq null', true],
  ])('%s → %s', (expr, expected) => {
    expect(compileFilter(expr)(item)).toBe(expected);
  });

  it.each(['isRead eq', "startswith(subject,'x'", "subject eq 'open", 'a/all(x: x eq 1)', 'isRead frob false'])(
    'rejects %s',
    (expr) => {
      expect(() => compileFilter(expr)).toThrow(FilterSyntaxError);
    },
  );
});

describe('$search for mail', () => {
  const m = composeMessage({
    ownerId: 'o',
    folder: 'inbox',
    subject: 'Renewal pricing',
    body: { contentType: 'html', content: '<p>The <b>liability</b> cap</p>' },
    from: { emailAddress: { name: 'Dana Whitman', address: 'dana@contoso.com' } },
    received: new Date(0),
    isRead: false,
    isDraft: false,
  });
  it.each([
    ['"from:contoso"', true],
    ['"from:dana"', true],
    ['"from:fabrikam"', false],
    ['"renewal liability"', true],
    ['"renewal zebra"', false],
    ['"subject:pricing"', true],
    ['"subject:liability"', false],
    ['"zebra OR cap"', true],
    ['"enewal"', false],
  ])('%s → %s', (query, expected) => {
    expect(compileMailSearch(query)(m)).toBe(expected);
  });
});

describe('main.ts arguments', () => {
  it('reads --port, --db, --lag-ms and --reset with defaults', () => {
    expect(parseArgs([])).toEqual({ port: 3979, db: './data/sandbox.db', reset: false, lagMs: 0 });
    expect(parseArgs(['--port', '4000', '--db', '/tmp/x.db', '--reset', '--lag-ms', '2500'])).toEqual({
      port: 4000,
      db: '/tmp/x.db',
      reset: true,
      lagMs: 2500,
    });
    expect(() => parseArgs(['--lag-ms', '-1'])).toThrow();
    expect(() => parseArgs(['--port', 'abc'])).toThrow();
    expect(() => parseArgs(['--verbose'])).toThrow();
  });
});
