import { guardStep, type GuardDestination } from '../../src/engine/guards';
import { ALLOW, trustFor } from './fixtures';

const megan: GuardDestination = { kind: 'recipient', value: 'meganb@example.com', label: 'Megan Bowen', field: 'to' };

describe('guardStep', () => {
  it('passes a step that does exactly what was asked', () => {
    const result = guardStep({
      destinations: [megan],
      content: {
        subject: 'Weekly summary',
        body: 'Three invoices arrived. Details: https://contoso.sharepoint.com/sites/fin/inv.xlsx',
      },
      trust: trustFor('Email Megan a summary of the invoices'),
      allowHosts: ALLOW,
    });
    expect(result).toEqual({
      flags: [],
      refusals: [],
      sanitized: {
        subject: 'Weekly summary',
        body: 'Three invoices arrived. Details: https://contoso.sharepoint.com/sites/fin/inv.xlsx',
      },
    });
  });

  it('combines destination refusals, destination flags and link removals, each once', () => {
    const result = guardStep({
      destinations: [
        megan,
        { kind: 'recipient', value: 'payroll@example.com', field: 'cc' },
        { kind: 'recipient', value: 'x@evil.test', field: 'cc' },
      ],
      content: {
        subject: 'See https://evil.test/a',
        body: '![](https://evil.test/p.png) and [docs](https://example.com/docs)',
      },
      trust: trustFor('Email Megan a summary'),
      allowHosts: ALLOW,
    });
    expect(result.refusals.map((flag) => flag.code)).toEqual(['external_not_requested']);
    expect(result.flags.map((flag) => flag.code)).toEqual(['untraced_recipient', 'link_removed']);
    expect(result.sanitized).toEqual({
      subject: 'See [link removed: evil.test]',
      body: ' and [docs](https://example.com/docs)',
    });
  });

  it('flags but allows an external recipient the person named, and keeps the link they typed', () => {
    const result = guardStep({
      destinations: [{ kind: 'recipient', value: 'jordan@fabrikam.com', field: 'to' }],
      content: { body: 'Our offer: https://fabrikam.com/offer/42 (as requested).' },
      trust: trustFor('Send jordan@fabrikam.com the link https://fabrikam.com/offer/42'),
      allowHosts: ALLOW,
    });
    expect(result.refusals).toEqual([]);
    expect(result.flags).toEqual([
      { code: 'external_recipient', message: 'jordan@fabrikam.com is outside your organisation' },
    ]);
    expect(result.sanitized.body).toBe('Our offer: https://fabrikam.com/offer/42 (as requested).');
  });

  it('treats values typed on an Edit form as named by the person', () => {
    const destinations: GuardDestination[] = [{ kind: 'recipient', value: 'lynne@fabrikam.com', field: 'cc' }];
    expect(
      guardStep({ destinations, content: {}, trust: trustFor('Email Megan'), allowHosts: ALLOW }).refusals,
    ).toHaveLength(1);
    const edited = guardStep({
      destinations,
      content: {},
      trust: trustFor('Email Megan', 'lynne@fabrikam.com'),
      allowHosts: ALLOW,
    });
    expect(edited.refusals).toEqual([]);
    expect(edited.flags.map((flag) => flag.code)).toEqual(['external_recipient']);
  });

  it('always allows links to the tenant, even with no configured hosts', () => {
    const result = guardStep({
      destinations: [],
      content: { body: 'https://intranet.example.com/x' },
      trust: trustFor('x'),
      allowHosts: [],
    });
    expect(result).toEqual({ flags: [], refusals: [], sanitized: { body: 'https://intranet.example.com/x' } });
  });

  it('keeps every field, including one named __proto__, and copes with non-string values', () => {
    const content = JSON.parse('{"__proto__": "https://evil.test/x", "n": 5}') as Record<string, string>;
    const result = guardStep({ destinations: [], content, trust: trustFor('x'), allowHosts: ALLOW });
    expect(Object.keys(result.sanitized)).toEqual(['__proto__', 'n']);
    expect(result.sanitized['__proto__']).toBe('[link removed: evil.test]');
    expect(result.sanitized['n']).toBe('');
  });
});
