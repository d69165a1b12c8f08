import { checkDestinations, GUARD_CODES, type GuardDestination } from '../../src/engine/guards';
import { trustFor } from './fixtures';

const to = (value: string, label?: string): GuardDestination => ({
  kind: 'recipient',
  value,
  field: 'to',
  ...(label === undefined ? {} : { label }),
});
const codes = (flags: readonly { code: string }[]): string[] => flags.map((flag) => flag.code);

describe('recipients and attendees', () => {
  it('leaves an internal address typed in the request unflagged, whatever its case', () => {
    const result = checkDestinations([to('MeganB@Example.com')], trustFor('Send the notes to meganb@example.com'));
    expect(result).toEqual({ flags: [], refusals: [] });
  });

  it('leaves the requester unflagged', () => {
    const result = checkDestinations([to('adelev@example.com')], trustFor('Summarise my unread mail'));
    expect(result).toEqual({ flags: [], refusals: [] });
  });

  it.each([
    ['full display name', 'Set up a review with Megan Bowen next week'],
    ['first name as a whole word', 'Send the summary to megan'],
    ['"Last, First" spelling', 'Send it to Bowen, Megan'],
  ])('traces an internal person by %s from the directory', (_how, request) => {
    const result = checkDestinations([to('meganb@example.com')], trustFor(request));
    expect(result).toEqual({ flags: [], refusals: [] });
  });

  it('reads directory keys and the requester case-insensitively', () => {
    const trust = {
      ...trustFor('Send it to Lynne'),
      directoryNames: new Map([['LynneR@Example.COM', 'Lynne Robbins']]),
    };
    expect(checkDestinations([to('lynner@example.com'), to('ADELEV@example.com')], trust)).toEqual({
      flags: [],
      refusals: [],
    });
  });

  it('does not trace a first name inside another word', () => {
    const result = checkDestinations([to('alexw@example.com')], trustFor('Send it to Alexandra'));
    expect(codes(result.flags)).toEqual([GUARD_CODES.untracedRecipient]);
    expect(result.flags[0]?.message).toBe('alexw@example.com was not named in your request');
  });

  it('flags an internal address nobody named, subdomains included', () => {
    const result = checkDestinations(
      [to('payroll@example.com'), to('records@hr.example.com')],
      trustFor('Send the summary to Megan Bowen'),
    );
    expect(result.refusals).toEqual([]);
    expect(result.flags).toEqual([
      { code: 'untraced_recipient', message: 'payroll@example.com was not named in your request' },
      { code: 'untraced_recipient', message: 'records@hr.example.com was not named in your request' },
    ]);
  });

  it('refuses an external address nobody asked for', () => {
    const result = checkDestinations([to('attacker@evil.test')], trustFor('Send the summary to Megan'));
    expect(result.flags).toEqual([]);
    expect(result.refusals).toEqual([
      {
        code: 'external_not_requested',
        message: "Delegate won't send to attacker@evil.test outside your organisation: you didn't ask for it",
      },
    ]);
  });

  it('refuses an external attendee with the invite wording', () => {
    const result = checkDestinations(
      [{ kind: 'attendee', value: 'x@evil.test', field: 'attendees' }],
      trustFor('Book a review'),
    );
    expect(result.refusals[0]?.message).toBe(
      "Delegate won't invite x@evil.test outside your organisation: you didn't ask for it",
    );
  });

  it('flags but allows an external address the person typed', () => {
    const result = checkDestinations([to('Adele@Contoso.com')], trustFor('Email the deck to adele@contoso.com'));
    expect(result.refusals).toEqual([]);
    expect(result.flags).toEqual([
      { code: 'external_recipient', message: 'adele@contoso.com is outside your organisation' },
    ]);
  });

  it('flags but allows an external person the directory names and the request names', () => {
    const result = checkDestinations([to('pattif@contoso.com')], trustFor('Send Patti the pricing summary'));
    expect(codes(result.flags)).toEqual([GUARD_CODES.externalRecipient]);
    expect(result.refusals).toEqual([]);
  });

  it('traces an external person by label when the directory does not know them', () => {
    const result = checkDestinations(
      [to('jordan@fabrikam.com', 'Jordan Miller')],
      trustFor('invite Jordan Miller from Fabrikam'),
    );
    expect(codes(result.flags)).toEqual([GUARD_CODES.externalRecipient]);
    expect(result.refusals).toEqual([]);
  });

  it('does not let a label borrow a name the directory gives to someone else', () => {
    const result = checkDestinations(
      [to('megan.bowen@example-corp.test', 'Megan Bowen')],
      trustFor('Send the summary to Megan Bowen'),
    );
    expect(codes(result.refusals)).toEqual([GUARD_CODES.externalNotRequested]);
    expect(result.refusals[0]?.message).toContain('Megan Bowen <megan.bowen@example-corp.test>');
  });

  it('ignores a label when the directory knows the address', () => {
    const result = checkDestinations([to('alexw@example.com', 'Megan')], trustFor('Send it to Megan'));
    expect(codes(result.flags)).toEqual([GUARD_CODES.untracedRecipient]);
  });

  it.each([
    ['a look-alike domain', 'ceo@examp1e.com'],
    ['the tenant domain used as a subdomain', 'payroll@example.com.evil.test'],
    ['a Cyrillic homoglyph', 'security@ex\u0430mple.com'],
    ['a quoted local part that looks internal', '"meganb@example.com"@evil.test'],
    ['a longer domain', 'bob@example.community'],
  ])('treats %s as external', (_what, address) => {
    const result = checkDestinations([to(address)], trustFor('Send it to Megan Bowen (meganb@example.com)'));
    expect(codes(result.refusals)).toEqual([GUARD_CODES.externalNotRequested]);
  });

  it('does not trace an address that only contains one the person typed', () => {
    const result = checkDestinations([to('jimbob@example.com'), to('bob@example.co')], trustFor('cc bob@example.com'));
    expect(codes(result.flags)).toEqual([GUARD_CODES.untracedRecipient]);
    expect(codes(result.refusals)).toEqual([GUARD_CODES.externalNotRequested]);
  });

  it('accepts mailto: and Name <address> forms, and zero-width characters in the request', () => {
    const result = checkDestinations(
      [to('mailto:MeganB@example.com'), to('Adele <adele@contoso.com>')],
      trustFor('mail it to meganb@example.com and adele\u200B@contoso.com'),
    );
    expect(result.refusals).toEqual([]);
    expect(codes(result.flags)).toEqual([GUARD_CODES.externalRecipient]);
  });

  it('refuses a value that is not an address', () => {
    const result = checkDestinations([to('not an address'), to('nobody@')], trustFor('Send it'));
    expect(codes(result.refusals)).toEqual([GUARD_CODES.invalidRecipient, GUARD_CODES.invalidRecipient]);
  });

  it('reports each problem once', () => {
    const result = checkDestinations([to('x@evil.test'), to('X@evil.test')], trustFor('go'));
    expect(result.refusals).toHaveLength(1);
  });
});

describe('channels', () => {
  const channel = (label: string | undefined): GuardDestination => ({
    kind: 'channel',
    value: 'team-1/19:abc@thread.tacv2',
    field: 'channel',
    ...(label === undefined ? {} : { label }),
  });

  it.each([['Post it in General'], ['post in #general please'], ['share it in the general channel']])(
    'traces "General" in "%s"',
    (request) => {
      expect(checkDestinations([channel('General')], trustFor(request))).toEqual({ flags: [], refusals: [] });
    },
  );

  it('traces a multi-word channel name as a phrase', () => {
    expect(checkDestinations([channel('Sales Team')], trustFor('post to sales  team'))).toEqual({
      flags: [],
      refusals: [],
    });
  });

  it('flags a channel the request does not name', () => {
    const result = checkDestinations([channel('Partners-External')], trustFor('post it in Sales'));
    expect(result.flags).toEqual([
      { code: 'untraced_destination', message: 'The channel Partners-External was not named in your request' },
    ]);
    expect(result.refusals).toEqual([]);
  });

  it('flags a channel without a label, and does not match part of a word', () => {
    expect(codes(checkDestinations([channel(undefined)], trustFor('post it')).flags)).toEqual([
      GUARD_CODES.untracedDestination,
    ]);
    expect(codes(checkDestinations([channel('Sales')], trustFor('wholesales update')).flags)).toEqual([
      GUARD_CODES.untracedDestination,
    ]);
  });
});

describe('sharing', () => {
  const scope = (value: string): GuardDestination => ({ kind: 'sharing', value, field: 'scope' });

  it('flags an organisation-wide link', () => {
    const result = checkDestinations([scope('organization')], trustFor('share the deck'));
    expect(codes(result.flags)).toEqual([GUARD_CODES.broadSharing]);
    expect(result.refusals).toEqual([]);
  });

  it('flags and refuses an anyone-link the person did not ask for', () => {
    const result = checkDestinations([scope('anonymous')], trustFor('share the deck with Megan'));
    expect(codes(result.flags)).toEqual([GUARD_CODES.broadSharing]);
    expect(codes(result.refusals)).toEqual([GUARD_CODES.anonymousNotRequested]);
  });

  it.each([['make a link anyone can open'], ['share it anonymously'], ['Publish it as a public link']])(
    'flags but allows an anyone-link when asked: "%s"',
    (request) => {
      const result = checkDestinations([scope('anonymous')], trustFor(request));
      expect(codes(result.flags)).toEqual([GUARD_CODES.broadSharing]);
      expect(result.refusals).toEqual([]);
    },
  );

  it('does not take a negated request as asking', () => {
    const result = checkDestinations([scope('anonymous')], trustFor("share it with Megan, don't make it public"));
    expect(codes(result.refusals)).toEqual([GUARD_CODES.anonymousNotRequested]);
  });

  it('lets specific-people links through and flags unknown scopes', () => {
    expect(checkDestinations([scope('users')], trustFor('share'))).toEqual({ flags: [], refusals: [] });
    expect(codes(checkDestinations([scope('everyone-in-the-galaxy')], trustFor('share')).flags)).toEqual([
      GUARD_CODES.unknownSharingScope,
    ]);
  });

  it('judges a sharing invitation to a person like a recipient', () => {
    const result = checkDestinations([scope('guest@evil.test')], trustFor('share the folder with Megan'));
    expect(result.refusals[0]?.message).toBe(
      "Delegate won't share with guest@evil.test outside your organisation: you didn't ask for it",
    );
  });
});

describe('links', () => {
  const link = (value: string): GuardDestination => ({ kind: 'link', value, field: 'url' });

  it('flags a link to a host that is not allowed, and not one to the tenant or an allowed host', () => {
    const result = checkDestinations(
      [link('https://evil.test/x'), link('https://contoso.sharepoint.com/s'), link('https://www.example.com/')],
      trustFor('share'),
      ['sharepoint.com'],
    );
    expect(result.flags).toEqual([
      { code: 'link_not_allowed', message: "The link to evil.test is not to one of your organisation's sites" },
    ]);
  });

  it('does not flag a link the person typed', () => {
    expect(
      checkDestinations([link('https://fabrikam.com/offer')], trustFor('send https://fabrikam.com/offer to Megan')),
    ).toEqual({ flags: [], refusals: [] });
  });

  it('flags a link hiding behind userinfo', () => {
    expect(codes(checkDestinations([link('https://example.com@evil.test/')], trustFor('x')).flags)).toEqual([
      GUARD_CODES.linkNotAllowed,
    ]);
  });
});

describe('robustness', () => {
  it('survives malformed destinations and trust', () => {
    const junk = [
      null,
      42,
      { kind: 'recipient' },
      { kind: 'weird', value: 'x', field: 'f' },
    ] as unknown as GuardDestination[];
    const trust = { requestTexts: [undefined, 7], requester: {}, internalDomains: [null, 'example.com'] } as never;
    expect(() => checkDestinations(junk, trust)).not.toThrow();
    expect(codes(checkDestinations(junk, trust).refusals)).toEqual([GUARD_CODES.invalidRecipient]);
  });
});
