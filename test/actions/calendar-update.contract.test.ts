import type { UpdateEventOutput } from '../../src/actions/calendar/update-event';
import { DelegateError } from '../../src/engine/errors';
import { eventOf, eventsOf, inboxMail } from './calendar-helpers';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const ADELE = 'adelev@example.com';

// Seeded: Alex organises "Website copy review" with Megan, Wednesday 19 March 2025 11:00–11:30 UTC.
const SUBJECT = 'Website copy review';
const idOf = async (subject = SUBJECT, upn = alex.upn): Promise<string> => (await eventOf(sandbox(), upn, subject)).id;

describe('calendar.updateEvent against the sandbox', () => {
  it("moves the meeting keeping its length, and Megan's copy moves with it", async () => {
    const eventId = await idOf();
    const { output } = await sandbox().run('calendar.updateEvent', {
      eventId,
      start: '2025-03-21T15:00:00+01:00',
      timeZone: 'Europe/Paris',
    });
    expect(output as UpdateEventOutput).toMatchObject({
      changed: true,
      event: { start: '2025-03-21T14:00:00Z', end: '2025-03-21T14:30:00Z' },
    });
    const megansCopy = await eventOf(sandbox(), megan.upn, SUBJECT);
    expect(megansCopy.start.dateTime).toBe('2025-03-21T14:00:00.0000000');
    expect(megansCopy.end.dateTime).toBe('2025-03-21T14:30:00.0000000');
    // A new time needs a new answer.
    expect(megansCopy.responseStatus.response).toBe('none');
    expect(await inboxMail(sandbox(), megan.upn, SUBJECT)).toHaveLength(1);
  });

  it('renames it and invites Adele, who gets a copy and an invitation', async () => {
    const eventId = await idOf();
    await sandbox().run('calendar.updateEvent', {
      eventId,
      subject: 'Website copy sign-off',
      addAttendees: [ADELE],
      timeZone: 'UTC',
    });
    const adeles = await eventOf(sandbox(), ADELE, 'Website copy sign-off');
    expect(adeles.isOrganizer).toBe(false);
    expect(
      (await eventOf(sandbox(), alex.upn, 'Website copy sign-off')).attendees.map((a) => a.emailAddress.address),
    ).toEqual([megan.upn, ADELE]);
    expect(await eventsOf(sandbox(), megan.upn, SUBJECT)).toEqual([]);
    expect(await inboxMail(sandbox(), ADELE, 'Website copy sign-off')).toHaveLength(1);
  });

  it('changes nothing more when run again (attempt 2 after a lost answer)', async () => {
    const eventId = await idOf();
    const input = { eventId, start: '2025-03-21T14:00:00Z', timeZone: 'UTC' };
    await sandbox().run('calendar.updateEvent', input, { idempotencyKey: 'move-1', attempt: 1 });
    const again = await sandbox().run('calendar.updateEvent', input, { idempotencyKey: 'move-1', attempt: 2 });
    expect((again.output as UpdateEventOutput).changed).toBe(false);
    expect(await inboxMail(sandbox(), megan.upn, SUBJECT)).toHaveLength(1);
  });

  it("refuses to move a meeting Alex doesn't organise", async () => {
    const eventId = (await eventsOf(sandbox(), alex.upn, 'Alex / Megan 1:1'))[0]?.id ?? '';
    const error = await rejectionOf(
      sandbox().run('calendar.updateEvent', { eventId, start: '2025-03-21T14:00:00Z', timeZone: 'UTC' }),
    );
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ kind: 'user_input', code: 'not_organizer' });
    expect((error as DelegateError).userMessage).toMatch(/^Only Megan Bowen/);
  });

  it('says the meeting is gone when it is not there', async () => {
    const error = await rejectionOf(
      sandbox().run('calendar.updateEvent', {
        eventId: 'AAMkAGI2TG93AAA=',
        start: '2025-03-21T14:00:00Z',
        timeZone: 'UTC',
      }),
    );
    expect(error).toMatchObject({ code: 'meeting_not_found' });
  });

  it("refuses someone else's calendar", async () => {
    const eventId = await idOf();
    const error = await rejectionOf(
      sandbox().run(
        'calendar.updateEvent',
        { eventId, start: '2025-03-21T14:00:00Z', timeZone: 'UTC' },
        { actor: { ...megan, upn: alex.upn } },
      ),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out a 429 with Retry-After', async () => {
    const eventId = await idOf();
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/events/' });
    await sandbox().run('calendar.updateEvent', { eventId, start: '2025-03-21T14:00:00Z', timeZone: 'UTC' });
    expect((await eventOf(sandbox(), megan.upn, SUBJECT)).start.dateTime).toBe('2025-03-21T14:00:00.0000000');
  });

  it('declares added attendees as destinations and previews the move', () => {
    const spec = sandbox().action('calendar.updateEvent');
    expect(spec.destinations?.({ eventId: 'x', addAttendees: ['dana@contoso.com'], timeZone: 'UTC' })).toEqual([
      { kind: 'attendee', value: 'dana@contoso.com', field: 'addAttendees' },
    ]);
    const preview = spec.describe({
      eventId: { $ref: 's1.events.0.id' },
      meetingSubject: { $ref: 's1.events.0.subject' },
      start: '2025-03-21T14:00:00Z',
      timeZone: 'Europe/London',
    });
    expect(preview.title).toBe('Move "(from step 1)" to Fri 21 Mar 2025, 14:00 (Europe/London)');
  });
});
