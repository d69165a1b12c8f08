import { DateTime } from 'luxon';
import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import { calendarIntents } from '../../src/planning/intents/domains/calendar';
import { actionsOf, inputOf, NOW, planOf, refusalOf, stepsOf } from './playground';

// The playground's now: Wednesday 25 November 2026, 15:00 UTC (07:00 in Los Angeles).
const LA = 'America/Los_Angeles';
const FOUND = { eventId: { $ref: 's1.events.0.id' }, meetingSubject: { $ref: 's1.events.0.subject' } };

describe('RulePlanner: reading the calendar', () => {
  it.each([
    ["What's on my calendar tomorrow?", '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'],
    ['List my meetings next week', '2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z'],
    ['what meetings do I have today', '2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z'],
    ['Show me my calendar for Friday', '2026-11-27T00:00:00Z', '2026-11-28T00:00:00Z'],
    ['What does my week look like', '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z'],
  ])('"%s" lists the events from %s to %s', async (outcome, start, end) => {
    const steps = await stepsOf(outcome);
    expect(steps).toEqual([
      { action: 'calendar.listEvents', input: { start, end, timeZone: 'UTC' }, rationale: expect.any(String) },
    ]);
  });

  it("reads days in the requester's zone and keeps only meetings with the people named", async () => {
    const result = await planOf('show my meetings with Megan tomorrow', { timeZone: LA });
    expect(result).toMatchObject({ kind: 'plan', title: 'List your meetings with Megan Bowen tomorrow' });
    const steps = result.kind === 'plan' ? result.steps : [];
    expect(inputOf(steps, 'calendar.listEvents')).toEqual({
      start: '2026-11-26T08:00:00Z',
      end: '2026-11-27T08:00:00Z',
      timeZone: LA,
      with: ['meganb@example.com'],
    });
  });
});

describe('RulePlanner: changing meetings', () => {
  it.each([
    // Now is 15:00 UTC: "the 4pm" is still ahead today, "the 9am" has passed, so it is tomorrow's.
    ['decline the 4pm', '2026-11-25T16:00:00Z', '2026-11-25T00:00:00Z'],
    ['decline the 9am', '2026-11-26T09:00:00Z', '2026-11-26T00:00:00Z'],
    ['decline my 2:30 on friday', '2026-11-27T14:30:00Z', '2026-11-27T00:00:00Z'],
    ['decline the 10.15am standup tomorrow', '2026-11-26T10:15:00Z', '2026-11-26T00:00:00Z'],
    ["decline the 3 o'clock tomorrow", '2026-11-26T15:00:00Z', '2026-11-26T00:00:00Z'],
  ])(
    '"%s" finds the meeting starting at %s, on that day, not one whose subject says the time',
    async (outcome, at, day) => {
      const steps = await stepsOf(outcome);
      const input = inputOf(steps, 'calendar.listEvents');
      expect(input).toMatchObject({ startsAt: at, start: day });
      expect(String(input?.subjectContains ?? '')).not.toMatch(/\d/);
    },
  );

  it("reads the start time in the requester's zone", async () => {
    const steps = await stepsOf('decline the 3pm tomorrow', { timeZone: LA });
    // 15:00 on Thu 26 Nov in Los Angeles is 23:00 UTC; the day runs from 08:00 UTC.
    expect(inputOf(steps, 'calendar.listEvents')).toMatchObject({
      start: '2026-11-26T08:00:00Z',
      startsAt: '2026-11-26T23:00:00Z',
      timeZone: LA,
    });
  });

  it('a time without a day moves a meeting within the day it was named on', async () => {
    const steps = await stepsOf('move my 2:30 tomorrow to 4pm');
    expect(inputOf(steps, 'calendar.listEvents')).toMatchObject({ startsAt: '2026-11-26T14:30:00Z' });
    expect(inputOf(steps, 'calendar.updateEvent')).toMatchObject({ start: '2026-11-26T16:00:00Z' });
  });

  it('moves "my 1:1 with Megan" to Friday at 3pm: find it, then update it keeping its length', async () => {
    const result = await planOf('Move my 1:1 with Megan to Friday at 3pm');
    expect(result).toMatchObject({ kind: 'plan', title: 'Move the 1:1 with Megan to Friday 27 November at 15:00' });
    const steps = result.kind === 'plan' ? result.steps : [];
    expect(actionsOf(steps)).toEqual(['calendar.listEvents', 'calendar.updateEvent']);
    expect(inputOf(steps, 'calendar.listEvents')).toEqual({
      start: '2026-11-25T15:00:00Z',
      end: '2026-12-23T15:00:00Z',
      timeZone: 'UTC',
      subjectContains: '1:1',
      with: ['meganb@example.com'],
      maxEvents: 5,
      mustFind: true,
    });
    expect(inputOf(steps, 'calendar.updateEvent')).toEqual({
      ...FOUND,
      currentStart: { $ref: 's1.events.0.start' },
      start: '2026-11-27T15:00:00Z',
      timeZone: 'UTC',
    });
  });

  it('reschedules in the requester zone and asks for a time when none is given', async () => {
    const steps = await stepsOf('reschedule the Website copy review to tomorrow at 10:30', { timeZone: LA });
    expect(inputOf(steps, 'calendar.updateEvent')).toMatchObject({ start: '2026-11-26T18:30:00Z', timeZone: LA });
    expect(inputOf(steps, 'calendar.listEvents')).toMatchObject({ subjectContains: 'Website copy review' });
    expect(await refusalOf('move my 1:1 with Megan to Friday')).toMatch(/^What time should it move to\?/);
    expect(await refusalOf('move my 1:1 with Megan to yesterday at 3pm')).toMatch(/already passed/);
  });

  it('cancels the meeting named on a day, telling them why', async () => {
    const result = await planOf(
      'Cancel the Brand refresh kickoff meeting on Thursday and tell them the agency needs another week',
    );
    expect(result).toMatchObject({ kind: 'plan', title: 'Cancel "Brand refresh kickoff" on Thursday 26 November' });
    const steps = result.kind === 'plan' ? result.steps : [];
    expect(inputOf(steps, 'calendar.listEvents')).toMatchObject({
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-27T00:00:00Z',
      subjectContains: 'Brand refresh kickoff',
      organizedByMe: true,
      mustFind: true,
    });
    expect(inputOf(steps, 'calendar.cancelEvent')).toEqual({
      ...FOUND,
      currentStart: { $ref: 's1.events.0.start' },
      timeZone: 'UTC',
      comment: 'The agency needs another week.',
    });
  });

  it('cancels without a message, and with "because"', async () => {
    expect(
      inputOf(await stepsOf('call off the newsletter planning meeting'), 'calendar.cancelEvent'),
    ).not.toHaveProperty('comment');
    expect(
      inputOf(await stepsOf('cancel my 1:1 with Megan next week because I am on leave'), 'calendar.cancelEvent'),
    ).toMatchObject({ comment: 'Because I am on leave.' });
  });
});

describe('RulePlanner: answering invitations', () => {
  it.each([
    ['accept the Spring campaign retrospective invitation', 'accept', 'Spring campaign retrospective'],
    ['Decline the East coast sales kickoff meeting', 'decline', 'East coast sales kickoff'],
    ['tentatively accept the "Berlin store opening prep"', 'tentativelyAccept', 'Berlin store opening prep'],
  ])('"%s" → %s', async (outcome, response, subject) => {
    const steps = await stepsOf(outcome);
    expect(inputOf(steps, 'calendar.listEvents')).toMatchObject({
      subjectContains: subject,
      organizedByMe: false,
      mustFind: true,
    });
    expect(inputOf(steps, 'calendar.respond')).toEqual({ ...FOUND, response });
  });

  it('carries a comment, or answers quietly', async () => {
    expect(inputOf(await stepsOf("decline the retrospective because I'm travelling"), 'calendar.respond')).toEqual({
      ...FOUND,
      response: 'decline',
      comment: "Because I'm travelling.",
    });
    expect(
      inputOf(await stepsOf('decline the 1:1 with Megan next week without telling them'), 'calendar.respond'),
    ).toEqual({ ...FOUND, response: 'decline', sendResponse: false });
  });
});

describe('calendar intents leave other requests alone', () => {
  const now = DateTime.fromJSDate(NOW, { zone: 'UTC' });
  it.each([
    'Set up a 30 minute meeting with Megan next week',
    'book a 45-minute call with Patti on Friday',
    'move the budget file to the Archive folder',
    'cancel the task "Draft brief"',
    'forward the mail from Dana to Megan',
    'accept the changes in the Q3 document',
    'Email Megan Bowen a summary of my unread mail from Contoso',
  ])('"%s" is not a calendar request', (clause) => {
    expect(calendarIntents.map((intent) => intent.parse(clause, now)).filter((parsed) => parsed !== undefined)).toEqual(
      [],
    );
  });

  it('still plans a new meeting with findMeetingTimes', async () => {
    expect(actionsOf(await stepsOf('Set up a 30 minute meeting with Megan next week'))).toEqual([
      'calendar.findMeetingTimes',
      'calendar.createEvent',
    ]);
  });
});

describe('calendar plans fit the action catalogue', () => {
  const catalogue = createCatalogue({} as GraphGateway);
  const found = { id: 'AAMkAD', subject: 'Alex / Megan 1:1', start: '2026-11-26T15:00:00Z' };
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') return found[ref.split('.').at(-1) as keyof typeof found];
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
  };
  it.each([
    ["What's on my calendar tomorrow?", LA],
    ['Move my 1:1 with Megan to Friday at 3pm', LA],
    ['Cancel the Brand refresh kickoff meeting on Thursday and tell them the agency needs another week', 'UTC'],
    ['decline the 1:1 with Megan next week without telling them', 'UTC'],
  ])('"%s" (%s)', async (outcome, timeZone) => {
    for (const step of await stepsOf(outcome, { timeZone })) {
      const parsed = catalogue.get(step.action)?.input.safeParse(fill(step.input));
      expect(parsed?.error?.issues ?? []).toEqual([]);
      expect(parsed?.success).toBe(true);
    }
  });
});

describe('RulePlanner: an existing meeting made online or in person', () => {
  it.each([
    ['make the social media calendar sync a teams meeting', true],
    ['add a teams link to the budget review', true],
    ["make tomorrow's retro in person", false],
  ])('"%s"', async (outcome, online) => {
    const steps = await stepsOf(outcome);
    expect(actionsOf(steps)).toEqual(['calendar.listEvents', 'calendar.updateEvent']);
    expect(inputOf(steps, 'calendar.updateEvent')).toMatchObject({ isOnlineMeeting: online });
  });
});
