import type { RespondOutput } from '../../src/actions/calendar/respond';
import { eventOf, eventsOf, inboxMail } from './calendar-helpers';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

// Seeded: Megan invited Alex to "Spring campaign retrospective" (18 March 2025); he has not answered.
const SUBJECT = 'Spring campaign retrospective';
const idOf = async (): Promise<string> => (await eventOf(sandbox(), alex.upn, SUBJECT)).id;
const alexOn = async (upn: string) =>
  (await eventOf(sandbox(), upn, SUBJECT)).attendees.find((a) => a.emailAddress.address === alex.upn)?.status.response;

describe('calendar.respond against the sandbox', () => {
  it("accepts: Alex's copy says so, Megan's attendee list shows it, and Megan gets the comment", async () => {
    const { output } = await sandbox().run('calendar.respond', {
      eventId: await idOf(),
      response: 'accept',
      comment: 'See you there.',
    });
    expect(output as RespondOutput).toMatchObject({
      response: 'accepted',
      organizer: megan.upn,
      alreadyAnswered: false,
    });
    expect((await eventOf(sandbox(), alex.upn, SUBJECT)).responseStatus.response).toBe('accepted');
    expect(await alexOn(megan.upn)).toBe('accepted');
    const [reply] = await inboxMail(sandbox(), megan.upn, `Accepted: ${SUBJECT}`);
    expect(reply?.body.content).toContain('See you there.');
  });

  it('declines quietly when sendResponse is false: the meeting leaves his calendar, no mail', async () => {
    await sandbox().run('calendar.respond', { eventId: await idOf(), response: 'decline', sendResponse: false });
    expect(await eventsOf(sandbox(), alex.upn, SUBJECT)).toEqual([]);
    expect(await alexOn(megan.upn)).toBe('declined');
    expect(await inboxMail(sandbox(), megan.upn, `Declined: ${SUBJECT}`)).toEqual([]);
  });

  it('answers once when run again: one mail to the organizer', async () => {
    const input = { eventId: await idOf(), response: 'tentativelyAccept' };
    await sandbox().run('calendar.respond', input, { idempotencyKey: 'rsvp-1', attempt: 1 });
    const again = await sandbox().run('calendar.respond', input, { idempotencyKey: 'rsvp-1', attempt: 2 });
    expect((again.output as RespondOutput).alreadyAnswered).toBe(true);
    expect(await inboxMail(sandbox(), megan.upn, `Tentative: ${SUBJECT}`)).toHaveLength(1);
    const declineInput = { eventId: input.eventId, response: 'decline' };
    await sandbox().run('calendar.respond', declineInput, { idempotencyKey: 'rsvp-2', attempt: 1 });
    await sandbox().run('calendar.respond', declineInput, { idempotencyKey: 'rsvp-2', attempt: 2 });
    expect(await inboxMail(sandbox(), megan.upn, `Declined: ${SUBJECT}`)).toHaveLength(1);
  });

  it('refuses to answer a meeting Alex organises', async () => {
    const eventId = (await eventOf(sandbox(), alex.upn, 'Website copy review')).id;
    await expect(sandbox().run('calendar.respond', { eventId, response: 'accept' })).rejects.toMatchObject({
      kind: 'user_input',
      code: 'own_meeting',
    });
  });

  it('says the invitation is gone when it is not there', async () => {
    await expect(
      sandbox().run('calendar.respond', { eventId: 'AAMkAGI2TG93AAA=', response: 'accept' }),
    ).rejects.toMatchObject({ code: 'meeting_not_found' });
  });

  it("refuses someone else's calendar", async () => {
    const error = await rejectionOf(
      sandbox().run(
        'calendar.respond',
        { eventId: await idOf(), response: 'accept' },
        { actor: { ...megan, upn: alex.upn } },
      ),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    expect(await alexOn(megan.upn)).toBe('none');
  });

  it('rides out a 429 with Retry-After', async () => {
    const eventId = await idOf();
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/accept' });
    const started = Date.now();
    await sandbox().run('calendar.respond', { eventId, response: 'accept' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await alexOn(megan.upn)).toBe('accepted');
  });
});
