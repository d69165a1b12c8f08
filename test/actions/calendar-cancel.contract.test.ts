import type { CancelEventOutput } from '../../src/actions/calendar/cancel-event';
import { DelegateError } from '../../src/engine/errors';
import { eventOf, eventsOf, inboxMail } from './calendar-helpers';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const ADELE = 'adelev@example.com';

// Seeded: Alex organises "Brand refresh kickoff" with Megan and Adele, Monday 17 March 2025 14:00 UTC.
const SUBJECT = 'Brand refresh kickoff';
const idOf = async (): Promise<string> => (await eventOf(sandbox(), alex.upn, SUBJECT)).id;
const reason = 'The agency needs another week.';

describe('calendar.cancelEvent against the sandbox', () => {
  it('cancels for everyone: gone from Alex, cancelled for Megan and Adele, who get the reason', async () => {
    const { output } = await sandbox().run('calendar.cancelEvent', { eventId: await idOf(), comment: reason });
    expect(output as CancelEventOutput).toMatchObject({ subject: SUBJECT, attendeesTold: 2, alreadyCancelled: false });
    expect(await eventsOf(sandbox(), alex.upn, SUBJECT)).toEqual([]);
    for (const upn of [megan.upn, ADELE]) {
      expect(await eventOf(sandbox(), upn, `Canceled: ${SUBJECT}`)).toMatchObject({ isCancelled: true });
      const [notice, ...more] = await inboxMail(sandbox(), upn, `Canceled: ${SUBJECT}`);
      expect(more).toEqual([]);
      expect(notice?.meetingMessageType).toBe('meetingCancelled');
      expect(notice?.body.content).toContain(reason);
    }
  });

  it('sends one cancellation when the step runs again after a lost answer', async () => {
    const input = { eventId: await idOf(), comment: reason };
    await sandbox().run('calendar.cancelEvent', input, { idempotencyKey: 'cancel-1', attempt: 1 });
    const again = await sandbox().run('calendar.cancelEvent', input, { idempotencyKey: 'cancel-1', attempt: 2 });
    expect((again.output as CancelEventOutput).alreadyCancelled).toBe(true);
    expect(await inboxMail(sandbox(), megan.upn, `Canceled: ${SUBJECT}`)).toHaveLength(1);
  });

  it("refuses to cancel a meeting Alex doesn't organise, and cancels nothing", async () => {
    const eventId = (await eventsOf(sandbox(), alex.upn, 'Spring campaign retrospective'))[0]?.id ?? '';
    const error = await rejectionOf(sandbox().run('calendar.cancelEvent', { eventId }));
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ code: 'not_organizer' });
    expect(await eventOf(sandbox(), megan.upn, 'Spring campaign retrospective')).toMatchObject({ isCancelled: false });
  });

  it('says the meeting is gone on a first attempt that finds nothing', async () => {
    await expect(sandbox().run('calendar.cancelEvent', { eventId: 'AAMkAGI2TG93AAA=' })).rejects.toMatchObject({
      code: 'meeting_not_found',
    });
  });

  it("refuses someone else's calendar", async () => {
    const error = await rejectionOf(
      sandbox().run('calendar.cancelEvent', { eventId: await idOf() }, { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    expect(await eventsOf(sandbox(), alex.upn, SUBJECT)).toHaveLength(1);
  });

  it('rides out a 429 with Retry-After', async () => {
    const eventId = await idOf();
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/cancel' });
    const started = Date.now();
    await sandbox().run('calendar.cancelEvent', { eventId, comment: reason });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await inboxMail(sandbox(), megan.upn, `Canceled: ${SUBJECT}`)).toHaveLength(1);
  });

  it('is destructive, says so, and previews the message', () => {
    const spec = sandbox().action('calendar.cancelEvent');
    expect(spec.risk).toBe('destructive');
    expect(spec.description).toMatch(/off unless the policy allows/);
    const preview = spec.describe({ eventId: { $ref: 's1.events.0.id' }, meetingSubject: SUBJECT, comment: reason });
    expect(preview.title).toBe(`Cancel "${SUBJECT}" and tell everyone invited`);
    expect(preview.fields).toContainEqual({ label: 'Message', value: reason });
  });
});
