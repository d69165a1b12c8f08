import type { Sandbox } from '../../src/sandbox';
import { ALEX, call, getAll, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const q = encodeURIComponent;
const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });
const instant = (v: { dateTime: string }) => Date.parse(`${v.dateTime.slice(0, 19)}Z`);

/** Busy intervals of a user between two instants, read through calendarView as the app. */
async function busy(upn: string, start: string, end: string): Promise<Array<[number, number]>> {
  const events = await getAll(
    sandbox,
    `/users/${upn}/calendarView?startDateTime=${start}&endDateTime=${end}&$top=100`,
    'app',
  );
  return events
    .filter((e) => e.showAs !== 'free')
    .map((e) => [instant(e.start as { dateTime: string }), instant(e.end as { dateTime: string })]);
}

describe('calendar: seed and views', () => {
  it('has busy events for every user this week and next', async () => {
    for (const upn of [
      ALEX,
      MEGAN,
      'adelev@example.com',
      'isaiahl@example.com',
      'pattif@example.com',
      'lynner@example.com',
    ]) {
      const thisWeek = await busy(upn, '2026-03-09T00:00:00Z', '2026-03-14T00:00:00Z');
      const nextWeek = await busy(upn, '2026-03-16T00:00:00Z', '2026-03-21T00:00:00Z');
      expect(thisWeek.length + nextWeek.length).toBeGreaterThanOrEqual(2);
      expect(nextWeek.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('returns calendarView in Graph event shape, and in the Prefer time zone on request', async () => {
    const res = await call(
      sandbox,
      'GET',
      '/me/calendarView?startDateTime=2026-03-16T00:00:00Z&endDateTime=2026-03-17T00:00:00Z',
    );
    expect(res.status).toBe(200);
    const sync = res.json.value.find((e: { subject: string }) => e.subject === 'Marketing weekly sync');
    expect(sync.start).toEqual({ dateTime: '2026-03-16T10:00:00.0000000', timeZone: 'UTC' });
    expect(sync).toMatchObject({ isOrganizer: false, showAs: 'busy', responseStatus: { response: 'accepted' } });
    expect(sync.organizer.emailAddress.address).toBe(MEGAN);
    const ny = await call(
      sandbox,
      'GET',
      '/me/calendarView?startDateTime=2026-03-16T00:00:00Z&endDateTime=2026-03-17T00:00:00Z',
      {
        headers: { Prefer: 'outlook.timezone="America/New_York"' },
      },
    );
    expect(ny.json.value.find((e: { subject: string }) => e.subject === 'Marketing weekly sync').start).toEqual({
      dateTime: '2026-03-16T06:00:00.0000000',
      timeZone: 'America/New_York',
    });
    expect((await call(sandbox, 'GET', '/me/calendarView')).status).toBe(400);
  });
});

describe('calendar: creating events', () => {
  const body = {
    subject: 'Contoso close-out',
    body: { contentType: 'HTML', content: '<p>Final points</p>' },
    start: { dateTime: '2026-03-17T16:00:00', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2026-03-17T16:30:00', timeZone: 'W. Europe Standard Time' },
    attendees: [
      { emailAddress: { address: MEGAN, name: 'Megan Bowen' }, type: 'required' },
      { emailAddress: { address: 'dana@contoso.com' }, type: 'optional' },
    ],
    isOnlineMeeting: true,
    location: { displayName: 'Teams' },
    transactionId: '4f0d1b3e-8a2c-4e6f-9b1d-2c3e4f5a6b7c',
  };

  it("creates the event, puts it on tenant attendees' calendars and sends them an invitation", async () => {
    const res = await call(sandbox, 'POST', '/me/events', { body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      subject: 'Contoso close-out',
      isOrganizer: true,
      isOnlineMeeting: true,
      transactionId: body.transactionId,
    });
    expect(res.json.start).toEqual({ dateTime: '2026-03-17T15:00:00.0000000', timeZone: 'UTC' });
    expect(res.json.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const copy = (await getAll(sandbox, `/users/${MEGAN}/events?$top=100`, 'app')).find(
      (e) => e.subject === 'Contoso close-out',
    );
    expect(copy).toMatchObject({ isOrganizer: false, iCalUId: res.json.iCalUId, responseStatus: { response: 'none' } });
    expect(copy!.id).not.toBe(res.json.id);
    const invite = (await getAll(sandbox, `/users/${MEGAN}/mailFolders/inbox/messages?$top=100`, 'app')).find(
      (m) => m.subject === 'Contoso close-out',
    );
    expect(invite).toMatchObject({ isRead: false, meetingMessageType: 'meetingRequest' });
    const got = await call(sandbox, 'GET', `/me/events/${q(res.json.id)}`);
    expect(got.json.attendees).toHaveLength(2);
  });

  it('dedupes a second POST with the same transactionId', async () => {
    const first = await call(sandbox, 'POST', '/me/events', { body });
    const second = await call(sandbox, 'POST', '/me/events', { body });
    expect(second.json.id).toBe(first.json.id);
    const mine = (await getAll(sandbox, '/me/events?$top=100')).filter((e) => e.subject === 'Contoso close-out');
    expect(mine).toHaveLength(1);
    const megans = (await getAll(sandbox, `/users/${MEGAN}/events?$top=100`, 'app')).filter(
      (e) => e.subject === 'Contoso close-out',
    );
    expect(megans).toHaveLength(1);
    // Another organizer's transactionId is separate.
    const other = await call(sandbox, 'POST', `/users/${MEGAN}/events`, {
      as: 'app',
      body: { ...body, attendees: [] },
    });
    expect(other.json.id).not.toBe(first.json.id);
  });

  it("deletes an organizer's meeting from every calendar", async () => {
    const created = await call(sandbox, 'POST', '/me/events', { body: { ...body, transactionId: undefined } });
    expect((await call(sandbox, 'DELETE', `/me/events/${q(created.json.id)}`)).status).toBe(204);
    const megans = (await getAll(sandbox, `/users/${MEGAN}/events?$top=100`, 'app')).filter(
      (e) => e.subject === 'Contoso close-out',
    );
    expect(megans).toHaveLength(0);
    expect((await call(sandbox, 'GET', `/me/events/${q(created.json.id)}`)).json.error.code).toBe('ErrorItemNotFound');
  });

  it('rejects an event without valid times', async () => {
    expect((await call(sandbox, 'POST', '/me/events', { body: { subject: 'x' } })).status).toBe(400);
    expect(
      (
        await call(sandbox, 'POST', '/me/events', {
          body: { subject: 'x', start: utc('2026-03-17T10:00:00'), end: utc('2026-03-17T09:00:00') },
        })
      ).status,
    ).toBe(400);
  });
});

describe('calendar: findMeetingTimes and getSchedule', () => {
  const window = { start: utc('2026-03-16T00:00:00'), end: utc('2026-03-21T00:00:00') };

  it("suggests 30-minute slots in working hours that avoid everyone's busy time, earliest first", async () => {
    const res = await call(sandbox, 'POST', '/me/findMeetingTimes', {
      body: {
        attendees: [{ type: 'required', emailAddress: { address: MEGAN } }],
        timeConstraint: { activityDomain: 'work', timeSlots: [window] },
        meetingDuration: 'PT30M',
        maxCandidates: 200,
        minimumAttendeePercentage: 100,
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.emptySuggestionsReason).toBe('');
    const slots = res.json.meetingTimeSuggestions;
    expect(slots.length).toBeGreaterThan(20);
    const busyTimes = [
      ...(await busy(ALEX, '2026-03-16T00:00:00Z', '2026-03-21T00:00:00Z')),
      ...(await busy(MEGAN, '2026-03-16T00:00:00Z', '2026-03-21T00:00:00Z')),
    ];
    let previous = 0;
    for (const s of slots) {
      const start = instant(s.meetingTimeSlot.start);
      const end = instant(s.meetingTimeSlot.end);
      expect(end - start).toBe(30 * 60_000);
      expect(start).toBeGreaterThan(previous);
      previous = start;
      const d = new Date(start);
      expect(d.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(d.getUTCDay()).toBeLessThanOrEqual(5);
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(new Date(end).getUTCHours() * 60 + new Date(end).getUTCMinutes()).toBeLessThanOrEqual(17 * 60);
      expect(busyTimes.some(([b, e]) => b < end && e > start)).toBe(false);
      expect(s).toMatchObject({
        confidence: 100,
        organizerAvailability: 'free',
        attendeeAvailability: [{ attendee: { emailAddress: { address: MEGAN } }, availability: 'free' }],
      });
    }
    // Monday 10:00 is the marketing sync for both: it must be skipped.
    expect(
      slots.some((s: { meetingTimeSlot: { start: { dateTime: string } } }) =>
        s.meetingTimeSlot.start.dateTime.startsWith('2026-03-16T10:00'),
      ),
    ).toBe(false);
    expect(slots[0].meetingTimeSlot.start.dateTime).toBe('2026-03-16T09:00:00.0000000');
  });

  it('explains an empty answer when the window is entirely busy or outside working hours', async () => {
    const busyWindow = { start: utc('2026-03-16T10:00:00'), end: utc('2026-03-16T11:00:00') };
    const res = await call(sandbox, 'POST', '/me/findMeetingTimes', {
      body: {
        attendees: [{ type: 'required', emailAddress: { address: 'adelev@example.com' } }],
        timeConstraint: { timeSlots: [busyWindow] },
        meetingDuration: 'PT30M',
      },
    });
    expect(res.json.meetingTimeSuggestions).toEqual([]);
    expect(res.json.emptySuggestionsReason).toBe('organizerUnavailable');
    const night = await call(sandbox, 'POST', '/me/findMeetingTimes', {
      body: {
        attendees: [],
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [{ start: utc('2026-03-14T09:00:00'), end: utc('2026-03-14T17:00:00') }],
        },
      },
    });
    expect(night.json.meetingTimeSuggestions).toEqual([]);
    // Graph: findMeetingTimes is delegated only ("Application: Not supported").
    const asApp = await call(sandbox, 'POST', '/users/meganb@example.com/findMeetingTimes', {
      as: 'app',
      body: { attendees: [], timeConstraint: { timeSlots: [busyWindow] } },
    });
    expect(asApp.status).toBe(403);
    expect(asApp.json.error.code).toBe('ErrorAccessDenied');
    const isaiahOut = await call(sandbox, 'POST', '/users/meganb@example.com/findMeetingTimes', {
      as: 'meganb@example.com',
      body: {
        attendees: [{ type: 'required', emailAddress: { address: 'isaiahl@example.com' } }],
        timeConstraint: { timeSlots: [{ start: utc('2026-03-20T09:00:00'), end: utc('2026-03-20T17:00:00') }] },
      },
    });
    expect(isaiahOut.json.emptySuggestionsReason).toBe('attendeesUnavailable');
  });

  it('returns Graph scheduleInformation from getSchedule', async () => {
    const res = await call(sandbox, 'POST', '/me/calendar/getSchedule', {
      body: {
        schedules: [MEGAN, 'ghost@example.com'],
        startTime: utc('2026-03-16T09:00:00'),
        endTime: utc('2026-03-16T12:00:00'),
        availabilityViewInterval: 60,
      },
    });
    expect(res.status).toBe(200);
    const [megan, ghost] = res.json.value;
    expect(megan.scheduleId).toBe(MEGAN);
    expect(megan.availabilityView).toBe('020');
    expect(megan.scheduleItems[0]).toMatchObject({
      status: 'busy',
      subject: 'Marketing weekly sync',
      start: { dateTime: '2026-03-16T10:00:00.0000000', timeZone: 'UTC' },
    });
    expect(megan.workingHours.timeZone.name).toBe('UTC');
    expect(ghost.error.responseCode).toBe('ErrorMailRecipientNotFound');
  });
});
