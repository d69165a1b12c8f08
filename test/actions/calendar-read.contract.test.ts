import type { FindMeetingTimesOutput } from '../../src/actions/calendar/find-meeting-times';
import type { GetSchedulesOutput } from '../../src/actions/calendar/get-schedules';
import type { ListEventsOutput } from '../../src/actions/calendar/list-events';
import { DelegateError } from '../../src/engine/errors';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

// The sandbox's now is Wednesday 5 March 2025; its seed covers that week and the three after.
const nextWeek = { start: '2025-03-10T00:00:00Z', end: '2025-03-15T00:00:00Z', timeZone: 'UTC' };
const ISAIAH = 'isaiahl@example.com';
const LYNNE = 'lynner@example.com';

const list = async (input: Record<string, unknown>, ctx = {}): Promise<ListEventsOutput> =>
  (await sandbox().run('calendar.listEvents', input, ctx)).output as ListEventsOutput;

describe('calendar.listEvents against the sandbox', () => {
  it("lists next week's meetings earliest first, past the first page, with wall-clock times in the Prefer zone", async () => {
    const { events, truncated } = await list({ ...nextWeek, timeZone: 'America/New_York' });
    // More than one calendarView page (10 by default) of meetings, so paging was followed.
    expect(events.length).toBeGreaterThan(10);
    expect(truncated).toBe(false);
    const starts = events.map((e) => Date.parse(e.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const sync = events.find((e) => e.subject === 'Marketing weekly sync');
    // 10:00 UTC on Monday 10 March is 06:00 in New York (daylight time started on 9 March).
    expect(sync).toMatchObject({
      start: '2025-03-10T10:00:00Z',
      startLocal: '2025-03-10T06:00:00',
      isOrganizer: false,
      myResponse: 'accepted',
    });
    expect(sync?.organizer.address).toBe(megan.upn);
  });

  it('keeps only the meetings asked for: subject, people, organised by me, awaiting my answer', async () => {
    const range = { start: '2025-03-05T00:00:00Z', end: '2025-03-29T00:00:00Z', timeZone: 'UTC' };
    const ones = await list({ ...range, subjectContains: '1:1', with: [megan.upn] });
    expect(ones.events.map((e) => e.start)).toEqual([
      '2025-03-06T15:00:00Z',
      '2025-03-13T15:00:00Z',
      '2025-03-20T15:00:00Z',
      '2025-03-27T15:00:00Z',
    ]);
    const mine = await list({ ...range, organizedByMe: true, with: [megan.upn] });
    expect(mine.events.map((e) => e.subject)).toEqual(
      expect.arrayContaining(['Newsletter planning', 'Brand refresh kickoff', 'Website copy review']),
    );
    expect(mine.events.every((e) => e.isOrganizer)).toBe(true);
    const pending = await list({ ...range, awaitingMyResponse: true });
    expect(pending.events.map((e) => e.subject)).toEqual([
      'Spring campaign retrospective',
      'East coast sales kickoff',
      'Berlin store opening prep',
    ]);
  });

  it('says clearly when nothing matches and mustFind is set', async () => {
    const error = await rejectionOf(list({ ...nextWeek, subjectContains: 'Board of directors', mustFind: true }));
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ kind: 'user_input', code: 'no_matching_events' });
    expect((await list({ ...nextWeek, subjectContains: 'Board of directors' })).events).toEqual([]);
  });

  it("refuses someone else's calendar", async () => {
    const error = await rejectionOf(list(nextWeek, { actor: { ...megan, upn: alex.upn } }));
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('reports an unknown calendar as not found', async () => {
    const error = await rejectionOf(list(nextWeek, { actor: { ...alex, id: '00000000-0000-0000-0000-000000000000' } }));
    expect(error).toMatchObject({ code: 'graph_not_found' });
  });

  it('rides out a 429 with Retry-After', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: 'calendarView' });
    const started = Date.now();
    const { events } = await list(nextWeek);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events.length).toBeGreaterThan(0);
  });

  it('keeps only the meetings that start at the instant asked for ("the 3pm")', async () => {
    const day = { start: '2025-03-06T00:00:00Z', end: '2025-03-07T00:00:00Z', timeZone: 'UTC' };
    const all = await list(day);
    const at = all.events.find((e) => e.subject.includes('1:1'))?.start;
    expect(at).toBe('2025-03-06T15:00:00Z');
    const found = await list({ ...day, startsAt: '2025-03-06T15:00:00Z' });
    expect(found.events.length).toBeGreaterThan(0);
    expect(found.events.length).toBeLessThan(all.events.length);
    for (const e of found.events) expect(e.start).toBe('2025-03-06T15:00:00Z');
    await expect(
      sandbox().run('calendar.listEvents', { ...day, startsAt: '2025-03-06T15:07:00Z', mustFind: true }),
    ).rejects.toThrow(/starting at Thu 6 Mar 2025, 15:07/);
  });

  it('refuses a range over 93 days before calling Graph', () => {
    expect(() =>
      sandbox()
        .action('calendar.listEvents')
        .input.parse({ start: '2025-03-01T00:00:00Z', end: '2025-07-01T00:00:00Z', timeZone: 'UTC' }),
    ).toThrow(/93 days/);
  });
});

describe('calendar.getSchedules against the sandbox', () => {
  const day = { start: '2025-03-19T00:00:00Z', end: '2025-03-20T00:00:00Z', timeZone: 'UTC' };

  it("returns each person's busy times and working hours in their own zone", async () => {
    const { output } = await sandbox().run('calendar.getSchedules', {
      people: [megan.upn, ISAIAH, LYNNE, 'ghost@example.com'],
      ...day,
      intervalMinutes: 60,
    });
    const [m, isaiah, lynne, ghost] = (output as GetSchedulesOutput).schedules;
    expect(m).toMatchObject({
      address: megan.upn,
      workingHours: { startTime: '09:00', endTime: '17:00', timeZone: 'UTC' },
    });
    expect(m?.busy).toContainEqual({
      start: '2025-03-19T11:00:00Z',
      end: '2025-03-19T11:30:00Z',
      status: 'busy',
      subject: 'Website copy review',
    });
    expect(m?.availabilityView.length).toBe(24);
    expect(m?.availabilityView[11]).toBe('2');
    expect(isaiah?.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00',
      endTime: '17:00',
      timeZone: 'America/New_York',
    });
    // Retail planning at 09:00 in Berlin is 08:00 UTC.
    expect(lynne?.workingHours?.timeZone).toBe('Europe/Berlin');
    expect(lynne?.busy).toContainEqual(
      expect.objectContaining({ start: '2025-03-19T08:00:00Z', subject: 'Retail planning' }),
    );
    expect(ghost?.error).toMatch(/could not be found/);
  });

  it('rides out a 429 with Retry-After', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: 'getSchedule' });
    const { output } = await sandbox().run('calendar.getSchedules', { people: [megan.upn], ...day });
    expect((output as GetSchedulesOutput).schedules).toHaveLength(1);
  });

  it('refuses to ask as someone else and reports an unknown mailbox as not found', async () => {
    await expect(
      sandbox().run('calendar.getSchedules', { people: [megan.upn], ...day }, { actor: { ...megan, upn: alex.upn } }),
    ).rejects.toMatchObject({ code: 'graph_forbidden' });
    await expect(
      sandbox().run(
        'calendar.getSchedules',
        { people: [megan.upn], ...day },
        { actor: { ...alex, id: '00000000-0000-0000-0000-000000000000' } },
      ),
    ).rejects.toMatchObject({ code: 'graph_not_found' });
  });
});

describe('calendar.findMeetingTimes across time zones', () => {
  it('suggests only times inside the working hours of Alex (UTC), Isaiah (New York) and Lynne (Berlin)', async () => {
    // Week of 24 March 2025: New York is UTC-4, Berlin UTC+1. Shared hours: 13:00–15:30 UTC.
    const { output } = await sandbox().run('calendar.findMeetingTimes', {
      attendees: [ISAIAH, LYNNE],
      durationMinutes: 30,
      windowStart: '2025-03-24T00:00:00Z',
      windowEnd: '2025-03-29T00:00:00Z',
      timeZone: 'Europe/Berlin',
    });
    const { suggestions } = output as FindMeetingTimesOutput;
    expect(suggestions.length).toBeGreaterThan(0);
    for (const { start, end } of suggestions) {
      const from = new Date(start).getUTCHours() * 60 + new Date(start).getUTCMinutes();
      const to = new Date(end).getUTCHours() * 60 + new Date(end).getUTCMinutes();
      expect(from).toBeGreaterThanOrEqual(13 * 60);
      expect(to).toBeLessThanOrEqual(15 * 60 + 30);
    }
  });

  it('finds nothing when two people share no working hour', async () => {
    // Alex works 09:00–17:00 UTC and Isaiah 09:00–17:00 in New York (13:00–21:00 UTC): nothing before 13:00 suits both.
    const error = await rejectionOf(
      sandbox().run('calendar.findMeetingTimes', {
        attendees: [ISAIAH],
        durationMinutes: 30,
        windowStart: '2025-03-24T09:00:00Z',
        windowEnd: '2025-03-24T13:00:00Z',
        timeZone: 'UTC',
      }),
    );
    expect(error).toMatchObject({ code: 'no_meeting_times' });
  });
});
