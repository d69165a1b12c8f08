import type { MailboxSettingsOutput } from '../../src/actions/people/mailbox-settings';
import type { ManagerOutput, ReportsOutput } from '../../src/actions/people/manager';
import type { PresenceOutput } from '../../src/actions/people/presence';
import type { ResolveOutput } from '../../src/actions/people/resolve';
import { GraphError } from '../../src/graph/errors';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const [, , adele, isaiah, patti, lynne] = SANDBOX_DIRECTORY.users;
/** The requester's id with someone else's token: the sandbox refuses what Graph would refuse. */
const mismatched = { actor: { id: megan.id, name: megan.name, upn: alex.upn } };

describe('people.resolve against the sandbox', () => {
  it('finds people by first name, surname start or address, with what tells namesakes apart', async () => {
    const { output } = await sandbox().run('people.resolve', { query: 'Megan' });
    expect((output as ResolveOutput).people).toEqual([
      {
        id: megan.id,
        displayName: 'Megan Bowen',
        mail: 'meganb@example.com',
        jobTitle: 'Marketing Manager',
        department: 'Marketing',
      },
    ]);
    expect(
      ((await sandbox().run('people.resolve', { query: 'adelev@example.com' })).output as ResolveOutput).count,
    ).toBe(1);
  });

  it('returns every match, and nobody for an unknown name', async () => {
    const many = (await sandbox().run('people.resolve', { query: 'L' })).output as ResolveOutput;
    expect(many.people.map((p) => p.displayName)).toEqual(['Isaiah Langer', 'Lynne Robbins']);
    expect(many.answer).toBe(
      '2 people match "L": Isaiah Langer (Sales Rep) <isaiahl@example.com>, Lynne Robbins (Planner) <lynner@example.com>.',
    );
    expect((await sandbox().run('people.resolve', { query: 'Zebedee' })).output as ResolveOutput).toMatchObject({
      count: 0,
      answer: 'Nobody in the directory matches "Zebedee".',
    });
  });

  it('rides out throttling, and fails like Graph for an identity it does not know', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/users' });
    const started = Date.now();
    expect(((await sandbox().run('people.resolve', { query: 'Patti' })).output as ResolveOutput).count).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const stranger = await rejectionOf(
      sandbox().run('people.resolve', { query: 'Patti' }, { actor: { id: 'x', name: 'X', upn: 'mallory@evil.test' } }),
    );
    expect(stranger).toMatchObject({ code: 'graph_unauthorized', status: 401 });
  });
});

describe('people.manager and people.directReports against the sandbox', () => {
  it("answers Alex's manager and Patti's reports; the top of the organisation has no manager", async () => {
    const boss = (await sandbox().run('people.manager', { person: alex.upn })).output as ManagerOutput;
    expect(boss.manager).toMatchObject({ displayName: 'Megan Bowen', jobTitle: 'Marketing Manager' });
    expect(boss.answer).toBe('Alex Wilber reports to Megan Bowen (Marketing Manager).');
    expect(
      ((await sandbox().run('people.manager', { person: patti!.mail })).output as ManagerOutput).manager,
    ).toBeNull();
    const reports = (await sandbox().run('people.directReports', { person: patti!.mail })).output as ReportsOutput;
    expect(reports.directReports.map((p) => p.displayName)).toEqual(['Megan Bowen', 'Adele Vance', 'Isaiah Langer']);
    expect(reports.answer).toBe(
      'Reporting to Patti Fernandez: Megan Bowen (Marketing Manager), Adele Vance (Retail Manager), Isaiah Langer (Sales Rep).',
    );
    expect(((await sandbox().run('people.directReports', { person: lynne!.mail })).output as ReportsOutput).count).toBe(
      0,
    );
  });

  it('reports an unknown person as not found, not as someone without a manager', async () => {
    const missing = await rejectionOf(sandbox().run('people.manager', { person: 'nobody@example.com' }));
    expect(missing).toBeInstanceOf(GraphError);
    expect(missing).toMatchObject({ code: 'graph_not_found', status: 404 });
    expect(await rejectionOf(sandbox().run('people.directReports', { person: 'nobody@example.com' }))).toMatchObject({
      status: 404,
    });
  });

  it('rides out throttling of the batch', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/manager' });
    expect(
      ((await sandbox().run('people.manager', { person: lynne!.mail })).output as ManagerOutput).manager?.displayName,
    ).toBe('Adele Vance');
  });
});

describe('people.presence against the sandbox', () => {
  it('tells who is available right now', async () => {
    const { output } = await sandbox().run('people.presence', { people: [megan.upn, adele!.mail] });
    expect((output as PresenceOutput).presences).toEqual([
      { id: megan.id, name: 'Megan Bowen', mail: megan.upn, availability: 'Busy', activity: 'InAMeeting' },
      { id: adele!.id, name: 'Adele Vance', mail: adele!.mail, availability: 'Away', activity: 'Away' },
    ]);
    expect((output as PresenceOutput).answer).toBe('Megan Bowen is busy (in a meeting). Adele Vance is away.');
  });

  it('refuses an unknown person, and rides out throttling', async () => {
    expect(await rejectionOf(sandbox().run('people.presence', { people: ['nobody@example.com'] }))).toMatchObject({
      code: 'person_not_found',
    });
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: 'getPresencesByUserId' });
    const started = Date.now();
    await sandbox().run('people.presence', { people: [isaiah!.mail] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('people.mailboxSettings against the sandbox', () => {
  it("reads the requester's own settings from their mailbox", async () => {
    const mine = (await sandbox().run('people.mailboxSettings', { person: alex.upn })).output as MailboxSettingsOutput;
    expect(mine).toMatchObject({
      timeZone: 'UTC',
      workingHours: {
        startTime: '09:00',
        endTime: '17:00',
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      },
      automaticReplies: { status: 'off' },
    });
  });

  it("reads a colleague's working hours and automatic reply without opening their mailbox", async () => {
    const lynnes = (await sandbox().run('people.mailboxSettings', { person: lynne!.mail }))
      .output as MailboxSettingsOutput;
    expect(lynnes).toMatchObject({ timeZone: 'Europe/Berlin', workingHours: { startTime: '08:30', endTime: '16:30' } });
    expect(lynnes.answer).toBe('Works Monday–Friday, 08:30–16:30 (Europe/Berlin). Automatic replies are off.');
    const megans = (await sandbox().run('people.mailboxSettings', { person: megan.upn }))
      .output as MailboxSettingsOutput;
    expect(megans.automaticReplies).toMatchObject({ status: 'scheduled', scheduledStart: '2025-03-12T00:00:00Z' });
    expect(megans.automaticReplies.message).toContain('trade show');
    expect(megans.answer).toMatch(
      /^Works Monday–Friday, 09:00–17:00 \(UTC\)\. Automatic replies are scheduled from 2025-03-12T00:00:00Z to 2025-03-17T00:00:00Z: "I'm at the trade show/,
    );
  });

  it('refuses an unknown person and a mailbox the identity may not open; rides out throttling', async () => {
    expect(await rejectionOf(sandbox().run('people.mailboxSettings', { person: 'nobody@example.com' }))).toMatchObject({
      code: 'person_not_found',
    });
    expect(await rejectionOf(sandbox().run('people.mailboxSettings', { person: megan.id }, mismatched))).toMatchObject({
      code: 'graph_forbidden',
      status: 403,
    });
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/mailboxSettings' });
    expect(
      ((await sandbox().run('people.mailboxSettings', { person: alex.upn })).output as MailboxSettingsOutput).timeZone,
    ).toBe('UTC');
  });
});
