import { actionsOf, inputOf, planOf, stepsOf } from './playground';

const summaryOf = { items: { $ref: 's1.messages' } };
const body = { $ref: 's2.summary' };

describe('RulePlanner: email someone a summary of mail', () => {
  it('plans search → summarise → send for the canonical phrasing', async () => {
    const result = await planOf('Email Megan Bowen a summary of my unread mail from Contoso');
    expect(result).toEqual({
      kind: 'plan',
      title: 'Email Megan Bowen a summary of unread mail from Contoso',
      steps: [
        { action: 'mail.search', input: { from: 'Contoso', unread: true }, rationale: expect.any(String) },
        {
          action: 'text.summarise',
          input: { ...summaryOf, title: 'Unread mail from Contoso' },
          rationale: expect.any(String),
        },
        {
          action: 'mail.send',
          input: { to: ['meganb@example.com'], subject: 'Summary of unread mail from Contoso', body },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('resolves a first name and reads "this week\'s" as Monday 00:00 until now (UTC)', async () => {
    const steps = await stepsOf("send Adele a summary of this week's mail from Fabrikam");
    expect(inputOf(steps, 'mail.search')).toEqual({
      from: 'Fabrikam',
      since: '2026-11-23T00:00:00Z',
      until: '2026-11-25T15:00:00Z',
    });
    expect(inputOf(steps, 'mail.send')).toEqual({
      to: ['adelev@example.com'],
      subject: "Summary of this week's mail from Fabrikam",
      body,
    });
  });

  it('computes "this week" in the requester\'s time zone', async () => {
    const steps = await stepsOf("send Adele a summary of this week's mail from Fabrikam", {
      timeZone: 'America/Los_Angeles',
    });
    expect(inputOf(steps, 'mail.search')).toEqual({
      from: 'Fabrikam',
      since: '2026-11-23T08:00:00Z',
      until: '2026-11-25T15:00:00Z',
    });
  });

  it('accepts an address as recipient and "about …" as free words', async () => {
    const steps = await stepsOf('mail meganb@example.com a recap of unread emails about the budget');
    expect(inputOf(steps, 'mail.search')).toEqual({ query: 'budget', unread: true });
    expect(inputOf(steps, 'text.summarise')).toEqual({ ...summaryOf, title: 'Unread mail about the budget' });
    expect(inputOf(steps, 'mail.send')).toEqual({
      to: ['meganb@example.com'],
      subject: 'Summary of unread mail about the budget',
      body,
    });
  });

  it('sends to the requester for "me", addressing them as "your"', async () => {
    const result = await planOf('Email me a summary of my unread mail from Contoso');
    expect(result.kind === 'plan' && result.title).toBe('Email Alex Wilber a summary of unread mail from Contoso');
    const steps = await stepsOf('Email me a summary of my unread mail from Contoso');
    expect(inputOf(steps, 'mail.send')).toEqual({
      to: ['alexw@example.com'],
      subject: 'Summary of your unread mail from Contoso',
      body,
    });
  });

  it.each([
    [
      'last week',
      "Email Megan a summary of last week's messages from dana@contoso.com",
      'UTC',
      '2026-11-16T00:00:00Z',
      '2026-11-23T00:00:00Z',
    ],
    [
      'last week (LA)',
      "Email Megan a summary of last week's messages from dana@contoso.com",
      'America/Los_Angeles',
      '2026-11-16T08:00:00Z',
      '2026-11-23T08:00:00Z',
    ],
    [
      'today (LA)',
      "Email Megan a summary of today's emails from dana@contoso.com",
      'America/Los_Angeles',
      '2026-11-25T08:00:00Z',
      '2026-11-25T15:00:00Z',
    ],
    [
      'yesterday',
      'Email Megan a summary of mail from dana@contoso.com from yesterday',
      'UTC',
      '2026-11-24T00:00:00Z',
      '2026-11-25T00:00:00Z',
    ],
    [
      'last month across DST (LA)',
      "Email Megan a summary of last month's mail from dana@contoso.com",
      'America/Los_Angeles',
      '2026-10-01T07:00:00Z',
      '2026-11-01T07:00:00Z',
    ],
    [
      'the last 3 days',
      'Email Megan a summary of mail from dana@contoso.com in the last 3 days',
      'UTC',
      '2026-11-22T15:00:00Z',
      '2026-11-25T15:00:00Z',
    ],
  ])('reads %s as a since/until range', async (_label, outcome, timeZone, since, until) => {
    const steps = await stepsOf(outcome, { timeZone });
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'dana@contoso.com', since, until });
  });

  it('reads "since Monday" as Monday 00:00 until now', async () => {
    const steps = await stepsOf('Email Megan a summary of the mail from Contoso since Monday');
    expect(inputOf(steps, 'mail.search')).toEqual({
      from: 'Contoso',
      since: '2026-11-23T00:00:00Z',
      until: '2026-11-25T15:00:00Z',
    });
  });

  it('sends one summary to several people', async () => {
    const steps = await stepsOf(
      'Could you please send a quick recap of the unread messages from Fabrikam to Megan and Adele? Thanks!',
    );
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'Fabrikam', unread: true });
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['meganb@example.com', 'adelev@example.com'] });
  });

  it.each([
    ['Send Megan Bowen an email summarising my unread mail from Contoso', { from: 'Contoso', unread: true }],
    ['email Megan the unread Contoso emails summarised', { from: 'Contoso', unread: true }],
    [
      "Email Megan Bowen a digest of this week's Contoso mail",
      { from: 'Contoso', since: '2026-11-23T00:00:00Z', until: '2026-11-25T15:00:00Z' },
    ],
    ['Email Megan a summary of my last 10 emails from Contoso', { from: 'Contoso', top: 10 }],
    ['Email Megan a summary of unread mail with subject "Invoice 42"', { subject: 'Invoice 42', unread: true }],
    ["Email Megan a summary of mail from Contoso that I haven't read", { from: 'Contoso', unread: true }],
    ['Email Megan a summary of my new messages from the Contoso team', { from: 'Contoso', unread: true }],
    ['Email Megan a recap of unread messages from Fabrikam in my inbox', { from: 'Fabrikam', unread: true }],
    [
      'Summarize emails from Contoso received this week and share with Megan',
      { from: 'Contoso', since: '2026-11-23T00:00:00Z', until: '2026-11-25T15:00:00Z' },
    ],
  ])('understands "%s"', async (outcome, search) => {
    const steps = await stepsOf(outcome);
    expect(actionsOf(steps)).toEqual(['mail.search', 'text.summarise', 'mail.send']);
    expect(inputOf(steps, 'mail.search')).toEqual(search);
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['meganb@example.com'], body });
  });

  it('keeps a recipient address that is not in the directory (policy judges externals)', async () => {
    const steps = await stepsOf('Email dana@contoso.com a summary of unread mail from Contoso');
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['dana@contoso.com'] });
  });

  it('does not take "for me" as part of the sender', async () => {
    const steps = await stepsOf('Can you recap my unread messages from Fabrikam for me');
    expect(steps.map((step) => step.action)).toEqual(['mail.search', 'text.summarise']);
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'Fabrikam', unread: true });
  });

  it('only summarises when no destination is asked for', async () => {
    const result = await planOf("Summarise yesterday's unread mail from Contoso");
    expect(result).toMatchObject({ kind: 'plan', title: "Summarise yesterday's unread mail from Contoso" });
    expect(result.kind === 'plan' && actionsOf(result.steps)).toEqual(['mail.search', 'text.summarise']);
  });
});
