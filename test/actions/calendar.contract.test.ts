import type { CreateEventOutput } from '../../src/actions/calendar/create-event';
import type { FindMeetingTimesOutput } from '../../src/actions/calendar/find-meeting-times';
import { DelegateError } from '../../src/engine/errors';
import { GraphError } from '../../src/graph/errors';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

/** Next week, Monday to Friday, as a window (the sandbox's now is Wednesday 5 March 2025). */
const nextWeek = { windowStart: '2025-03-10T00:00:00Z', windowEnd: '2025-03-15T00:00:00Z', timeZone: 'Europe/London' };

interface Events {
  value: Array<{ id: string; subject: string; start: { dateTime: string; timeZone: string } }>;
}

async function eventsOf(user: { id: string; upn: string }, subject: string): Promise<Events['value']> {
  const filter = encodeURIComponent(`subject eq '${subject}'`);
  return (await sandbox().read<Events>(user.upn, `/users/${user.id}/events?$filter=${filter}`)).value;
}

const event = (subject: string) => ({
  subject,
  attendees: [megan.upn],
  start: '2025-03-11T14:00:00Z',
  end: '2025-03-11T14:30:00Z',
  body: 'Review of the Contoso renewal.',
  isOnlineMeeting: true,
  timeZone: 'Europe/London',
});

describe('calendar.findMeetingTimes against the sandbox', () => {
  it('suggests free 30-minute slots inside the window as UTC instants', async () => {
    const { output } = await sandbox().run('calendar.findMeetingTimes', {
      attendees: [megan.upn],
      durationMinutes: 30,
      ...nextWeek,
    });
    const { suggestions } = output as FindMeetingTimesOutput;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    for (const { start, end } of suggestions) {
      expect(start).toMatch(/Z$/);
      expect(Date.parse(end) - Date.parse(start)).toBe(30 * 60_000);
      expect(Date.parse(start)).toBeGreaterThanOrEqual(Date.parse(nextWeek.windowStart));
      expect(Date.parse(end)).toBeLessThanOrEqual(Date.parse(nextWeek.windowEnd));
    }
  });

  it('says nobody is free when no slot fits', async () => {
    const error = await rejectionOf(
      sandbox().run('calendar.findMeetingTimes', {
        attendees: [megan.upn],
        durationMinutes: 30,
        windowStart: '2025-03-08T09:00:00Z',
        windowEnd: '2025-03-08T12:00:00Z',
        timeZone: 'Europe/London',
      }),
    );
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ kind: 'user_input', code: 'no_meeting_times' });
    expect((error as DelegateError).userMessage).toMatch(/^Nobody is free/);
  });

  it("refuses someone else's calendar", async () => {
    const error = await rejectionOf(
      sandbox().run(
        'calendar.findMeetingTimes',
        { attendees: [alex.upn], durationMinutes: 30, ...nextWeek },
        { actor: { ...megan, upn: alex.upn } },
      ),
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_forbidden' });
  });

  it('rides out a 503 with Retry-After', async () => {
    await sandbox().fault({ status: 503, retryAfterSeconds: 1, count: 1, pathContains: 'findMeetingTimes' });
    const started = Date.now();
    const { output } = await sandbox().run('calendar.findMeetingTimes', {
      attendees: [megan.upn],
      durationMinutes: 30,
      ...nextWeek,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((output as FindMeetingTimesOutput).suggestions.length).toBeGreaterThan(0);
  });
});

describe('calendar.createEvent against the sandbox', () => {
  it("creates the meeting in Alex's calendar and invites Megan", async () => {
    const { output } = await sandbox().run('calendar.createEvent', event('Renewal review'));
    const created = output as CreateEventOutput;
    expect(created).toMatchObject({ start: '2025-03-11T14:00:00Z', end: '2025-03-11T14:30:00Z' });
    expect(created.webLink).not.toBe('');
    expect((await eventsOf(alex, 'Renewal review')).map((e) => e.id)).toEqual([created.eventId]);
    expect(await eventsOf(megan, 'Renewal review')).toHaveLength(1);
  });

  it('creates one event when the step runs again with the same key (transactionId)', async () => {
    const ctx = { idempotencyKey: 'step-event-1' };
    const first = await sandbox().run('calendar.createEvent', event('Only one meeting'), { ...ctx, attempt: 1 });
    const second = await sandbox().run('calendar.createEvent', event('Only one meeting'), { ...ctx, attempt: 2 });
    expect((second.output as CreateEventOutput).eventId).toBe((first.output as CreateEventOutput).eventId);
    expect(await eventsOf(alex, 'Only one meeting')).toHaveLength(1);
    expect(await eventsOf(megan, 'Only one meeting')).toHaveLength(1);
  });

  it('rides out throttling', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/events' });
    await sandbox().run('calendar.createEvent', event('Throttled meeting'));
    expect(await eventsOf(alex, 'Throttled meeting')).toHaveLength(1);
  });

  it("refuses someone else's calendar and creates nothing", async () => {
    const error = await rejectionOf(
      sandbox().run('calendar.createEvent', event('Not my calendar'), { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    expect(await eventsOf(megan, 'Not my calendar')).toEqual([]);
  });

  it('reports an unknown calendar as not found', async () => {
    const error = await rejectionOf(
      sandbox().run('calendar.createEvent', event('Nowhere'), {
        actor: { ...alex, id: '00000000-0000-0000-0000-000000000000' },
      }),
    );
    expect(error).toMatchObject({ code: 'graph_not_found' });
  });

  it('previews attendees and times in the requester zone, and references as "from step N"', () => {
    const spec = sandbox().action('calendar.createEvent');
    const preview = spec.describe({ ...event('Review'), start: { $ref: 's3.suggestions.0.start' } });
    expect(preview.title).toBe('Create the meeting "Review" with meganb@example.com');
    expect(preview.fields).toContainEqual({ label: 'Start', value: '(from step 3)' });
    expect(preview.fields).toContainEqual({ label: 'End', value: 'Tue 11 Mar 2025, 14:30 (Europe/London)' });
  });
});
