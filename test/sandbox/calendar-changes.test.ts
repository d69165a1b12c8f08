import type { Sandbox } from '../../src/sandbox';
import { ALEX, call, getAll, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const ADELE = 'adelev@example.com';
const q = encodeURIComponent;

/** The id of `upn`'s one event with this subject. */
async function idOf(upn: string, subject: string): Promise<string> {
  const res = await call(sandbox, 'GET', `/users/${upn}/events?$filter=${q(`subject eq '${subject}'`)}`, { as: upn });
  expect(res.json.value).toHaveLength(1);
  return res.json.value[0].id;
}

const inbox = async (upn: string, subject: string) =>
  (
    await call(sandbox, 'GET', `/users/${upn}/mailFolders/inbox/messages?$filter=${q(`subject eq '${subject}'`)}`, {
      as: upn,
    })
  ).json.value;

function expectGraphError(
  res: { status: number; json: { error: Record<string, unknown> } },
  status: number,
  code: string,
): void {
  expect(res.status).toBe(status);
  expect(res.json.error).toMatchObject({
    code,
    message: expect.any(String),
    innerError: { date: expect.any(String), 'request-id': expect.any(String) },
  });
}

describe('calendar: calendarView paging and seeded weeks', () => {
  it('pages calendarView with @odata.nextLink and covers four weeks, time zones included', async () => {
    const first = await call(
      sandbox,
      'GET',
      '/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-04-04T00:00:00Z&$top=5',
    );
    expect(first.json.value).toHaveLength(5);
    expect(first.json['@odata.nextLink']).toContain('startDateTime=');
    const all = await getAll(
      sandbox,
      '/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-04-04T00:00:00Z&$top=5',
    );
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const subjects = all.map((e) => e.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Brand refresh kickoff',
        'Spring campaign retrospective',
        'East coast sales kickoff',
        'Berlin store opening prep',
      ]),
    );
    // 10:00 in New York on 26 March (daylight time) is 14:00 UTC; 15:00 in Berlin on 31 March (summer time) is 13:00 UTC.
    const at = (subject: string) => (all.find((e) => e.subject === subject)?.start as { dateTime: string }).dateTime;
    expect(at('East coast sales kickoff')).toBe('2026-03-26T14:00:00.0000000');
    expect(at('Berlin store opening prep')).toBe('2026-03-31T13:00:00.0000000');
    expect(all.find((e) => e.subject === 'Spring campaign retrospective')).toMatchObject({
      responseStatus: { response: 'none' },
    });
  });

  it('refuses calendarView without a window', async () => {
    expectGraphError(await call(sandbox, 'GET', '/me/calendarView'), 400, 'ErrorInvalidParameter');
  });
});

describe('calendar: PATCH an event', () => {
  it("moves the organizer's meeting on every copy, resets answers and sends an update", async () => {
    const id = await idOf(ALEX, 'Brand refresh kickoff');
    const res = await call(sandbox, 'PATCH', `/me/events/${id}`, {
      body: {
        start: { dateTime: '2026-03-27T09:00:00', timeZone: 'Eastern Standard Time' },
        end: { dateTime: '2026-03-27T10:00:00', timeZone: 'Eastern Standard Time' },
      },
      headers: { Prefer: 'outlook.timezone="America/New_York"' },
    });
    expect(res.status).toBe(200);
    expect(res.json.start).toEqual({ dateTime: '2026-03-27T09:00:00.0000000', timeZone: 'America/New_York' });
    for (const upn of [MEGAN, ADELE]) {
      const copy = await call(sandbox, 'GET', `/users/${upn}/events/${await idOf(upn, 'Brand refresh kickoff')}`, {
        as: upn,
      });
      expect(copy.json.start.dateTime).toBe('2026-03-27T13:00:00.0000000');
      expect(copy.json.responseStatus.response).toBe('none');
      expect(await inbox(upn, 'Brand refresh kickoff')).toHaveLength(1);
    }
  });

  it('removing an attendee cancels their copy; adding one invites them', async () => {
    const id = await idOf(ALEX, 'Brand refresh kickoff');
    const res = await call(sandbox, 'PATCH', `/me/events/${id}`, {
      body: {
        attendees: [
          { type: 'required', emailAddress: { address: MEGAN } },
          { type: 'optional', emailAddress: { address: 'lynner@example.com' } },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(
      (
        await call(sandbox, 'GET', `/users/${ADELE}/events?$filter=${q("subject eq 'Brand refresh kickoff'")}`, {
          as: ADELE,
        })
      ).json.value,
    ).toEqual([]);
    expect(await inbox(ADELE, 'Canceled: Brand refresh kickoff')).toHaveLength(1);
    await idOf('lynner@example.com', 'Brand refresh kickoff');
  });

  it("answers Graph errors: unknown id, end before start, someone else's mailbox", async () => {
    expectGraphError(
      await call(sandbox, 'PATCH', '/me/events/AAMkNOPE', { body: { subject: 'x' } }),
      404,
      'ErrorItemNotFound',
    );
    const id = await idOf(ALEX, 'Brand refresh kickoff');
    expectGraphError(
      await call(sandbox, 'PATCH', `/me/events/${id}`, {
        body: { end: { dateTime: '2026-03-01T00:00:00', timeZone: 'UTC' } },
      }),
      400,
      'ErrorInvalidRequest',
    );
    expectGraphError(
      await call(sandbox, 'PATCH', `/users/${MEGAN}/events/${id}`, { body: { subject: 'x' } }),
      403,
      'ErrorAccessDenied',
    );
  });
});

describe('calendar: cancel and respond', () => {
  it('cancel removes the organizer copy, marks attendee copies cancelled and sends the comment', async () => {
    const id = await idOf(ALEX, 'Brand refresh kickoff');
    const res = await call(sandbox, 'POST', `/me/events/${id}/cancel`, { body: { comment: 'Postponed to April.' } });
    expect(res.status).toBe(202);
    expectGraphError(await call(sandbox, 'GET', `/me/events/${id}`), 404, 'ErrorItemNotFound');
    const megans = await call(
      sandbox,
      'GET',
      `/users/${MEGAN}/events/${await idOf(MEGAN, 'Canceled: Brand refresh kickoff')}`,
      { as: MEGAN },
    );
    expect(megans.json.isCancelled).toBe(true);
    const [notice] = await inbox(MEGAN, 'Canceled: Brand refresh kickoff');
    expect(notice).toMatchObject({ meetingMessageType: 'meetingCancelled' });
    expect(notice.body.content).toContain('Postponed to April.');
    // An attendee's copy is not theirs to cancel.
    expectGraphError(
      await call(
        sandbox,
        'POST',
        `/users/${MEGAN}/events/${await idOf(MEGAN, 'Canceled: Brand refresh kickoff')}/cancel`,
        { as: MEGAN, body: {} },
      ),
      400,
      'ErrorAccessDenied',
    );
  });

  it('accept updates the attendee and the organizer, tentativelyAccept shows tentative, decline removes the copy', async () => {
    const id = await idOf(ALEX, 'Spring campaign retrospective');
    expect(
      (await call(sandbox, 'POST', `/me/events/${id}/tentativelyAccept`, { body: { comment: 'Might be late' } }))
        .status,
    ).toBe(202);
    const mine = await call(sandbox, 'GET', `/me/events/${id}`);
    expect(mine.json).toMatchObject({ responseStatus: { response: 'tentativelyAccepted' }, showAs: 'tentative' });
    expect((await call(sandbox, 'POST', `/me/events/${id}/accept`, { body: { sendResponse: true } })).status).toBe(202);
    const organizers = await call(
      sandbox,
      'GET',
      `/users/${MEGAN}/events/${await idOf(MEGAN, 'Spring campaign retrospective')}`,
      { as: MEGAN },
    );
    expect(
      organizers.json.attendees.find((a: { emailAddress: { address: string } }) => a.emailAddress.address === ALEX)
        .status.response,
    ).toBe('accepted');
    expect(await inbox(MEGAN, 'Accepted: Spring campaign retrospective')).toHaveLength(1);
    expect((await call(sandbox, 'POST', `/me/events/${id}/decline`, { body: {} })).status).toBe(202);
    expectGraphError(await call(sandbox, 'GET', `/me/events/${id}`), 404, 'ErrorItemNotFound');
  });

  it('refuses to answer your own meeting or with a bad body', async () => {
    const own = await idOf(ALEX, 'Brand refresh kickoff');
    expectGraphError(await call(sandbox, 'POST', `/me/events/${own}/accept`, { body: {} }), 400, 'ErrorInvalidRequest');
    const invite = await idOf(ALEX, 'Spring campaign retrospective');
    expectGraphError(
      await call(sandbox, 'POST', `/me/events/${invite}/accept`, { body: { sendResponse: 'yes' } }),
      400,
      'RequestBodyRead',
    );
    expectGraphError(
      await call(sandbox, 'POST', '/me/events/AAMkNOPE/decline', { body: {} }),
      404,
      'ErrorItemNotFound',
    );
  });
});
