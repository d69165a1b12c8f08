import { SANDBOX_DIRECTORY, type Sandbox } from '../../src/sandbox';
import { ALEX, call, MEGAN, startTestSandbox } from './helpers';

const [alex, megan, adele, , patti] = SANDBOX_DIRECTORY.users;

describe('sandbox people: manager, reports, presence, mailbox settings, people search', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('answers reporting lines like the directory', async () => {
    const manager = await call(sandbox, 'GET', `/users/${alex!.id}/manager`);
    expect(manager.json).toMatchObject({ '@odata.type': '#microsoft.graph.user', displayName: 'Megan Bowen' });
    const reports = await call(sandbox, 'GET', `/users/${patti!.id}/directReports?$select=displayName`);
    expect(reports.json.value.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Megan Bowen',
      'Adele Vance',
      'Isaiah Langer',
    ]);
    const top = await call(sandbox, 'GET', `/users/${patti!.id}/manager`);
    expect(top.status).toBe(404);
    expect(top.json.error.code).toBe('Request_ResourceNotFound');
  });

  it('reads presence one by one and in bulk', async () => {
    expect((await call(sandbox, 'GET', `/users/${megan!.id}/presence`)).json).toMatchObject({
      availability: 'Busy',
      activity: 'InAMeeting',
    });
    const bulk = await call(sandbox, 'POST', '/communications/getPresencesByUserId', {
      body: { ids: [alex!.id, adele!.id] },
    });
    expect(bulk.json.value.map((p: { availability: string }) => p.availability)).toEqual(['Available', 'Away']);
    expect((await call(sandbox, 'POST', '/communications/getPresencesByUserId', { body: { ids: [] } })).status).toBe(
      400,
    );
  });

  it("serves each mailbox's own settings, to its owner or the app only", async () => {
    const own = await call(sandbox, 'GET', '/me/mailboxSettings', { as: 'lynner@example.com' });
    expect(own.json.timeZone).toBe('Europe/Berlin');
    expect(own.json.workingHours).toMatchObject({ startTime: '08:30:00.0000000', timeZone: { name: 'Europe/Berlin' } });
    const away = await call(sandbox, 'GET', `/users/${megan!.id}/mailboxSettings?$select=automaticRepliesSetting`, {
      as: 'app',
    });
    expect(away.json.automaticRepliesSetting.status).toBe('scheduled');
    expect(away.json.timeZone).toBeUndefined();
    expect((await call(sandbox, 'GET', `/users/${megan!.id}/mailboxSettings`, { as: ALEX })).status).toBe(403);
  });

  it('searches the people relevant to me, closest first', async () => {
    const found = await call(sandbox, 'GET', '/me/people', { as: MEGAN });
    const names = found.json.value.map((p: { displayName: string }) => p.displayName);
    expect(names[0]).toBe('Patti Fernandez');
    expect(names[1]).toBe('Alex Wilber');
    expect(names).not.toContain('Megan Bowen');
    const adeles = await call(sandbox, 'GET', '/me/people?$search=adele');
    expect(adeles.json.value[0].scoredEmailAddresses[0].address).toBe('adelev@example.com');
    expect((await call(sandbox, 'GET', `/users/${megan!.id}/people`)).status).toBe(403);
  });
});

describe('sandbox getMailTips', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it("tells a sender about someone's automatic replies", async () => {
    const tips = await call(sandbox, 'POST', '/me/getMailTips', {
      body: {
        EmailAddresses: ['meganb@example.com', 'adelev@example.com', 'x@nowhere.test'],
        MailTipsOptions: 'automaticReplies',
      },
    });
    expect(tips.status).toBe(200);
    expect(tips.json.value[0].automaticReplies.message).toContain('trade show');
    expect(tips.json.value[0].automaticReplies.scheduledStartTime.dateTime).toBe('2026-03-18T00:00:00.0000000');
    expect(tips.json.value[1].automaticReplies).toEqual({ message: '' });
    expect(tips.json.value[2].error.code).toBe('ErrorMailRecipientNotFound');
    expect(
      (
        await call(sandbox, 'POST', '/me/getMailTips', {
          body: { EmailAddresses: ['a@b.c'], MailTipsOptions: 'moodOfTheDay' },
        })
      ).status,
    ).toBe(400);
  });
});
