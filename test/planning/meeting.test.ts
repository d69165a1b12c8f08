import { actionsOf, inputOf, planOf, refusalOf, stepsOf } from './playground';

const slot = { start: { $ref: 's1.suggestions.0.start' }, end: { $ref: 's1.suggestions.0.end' } };
const LA = 'America/Los_Angeles';

describe('RulePlanner: meetings', () => {
  it('plans findMeetingTimes → createEvent for the canonical phrasing', async () => {
    const result = await planOf('Set up a 30 minute meeting with Megan and Adele next week about the launch');
    expect(result).toEqual({
      kind: 'plan',
      title: 'Set up a 30-minute meeting with Megan Bowen and Adele Vance next week: Launch',
      steps: [
        {
          action: 'calendar.findMeetingTimes',
          input: {
            attendees: ['meganb@example.com', 'adelev@example.com'],
            durationMinutes: 30,
            windowStart: '2026-11-30T00:00:00Z',
            windowEnd: '2026-12-05T00:00:00Z',
            timeZone: 'UTC',
          },
          rationale: expect.any(String),
        },
        {
          action: 'calendar.createEvent',
          input: {
            subject: 'Launch',
            attendees: ['meganb@example.com', 'adelev@example.com'],
            ...slot,
            isOnlineMeeting: true,
            timeZone: 'UTC',
          },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('computes "next week" as Monday to Saturday 00:00 in the requester\'s zone', async () => {
    const steps = await stepsOf('Set up a 30 minute meeting with Megan and Adele next week about the launch', {
      timeZone: LA,
    });
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toEqual({
      attendees: ['meganb@example.com', 'adelev@example.com'],
      durationMinutes: 30,
      windowStart: '2026-11-30T08:00:00Z',
      windowEnd: '2026-12-05T08:00:00Z',
      timeZone: LA,
    });
    expect(inputOf(steps, 'calendar.createEvent')).toMatchObject({ timeZone: LA });
  });

  it('schedules "an hour … tomorrow to review the budget"', async () => {
    const steps = await stepsOf('schedule an hour with Isaiah tomorrow to review the budget', { timeZone: LA });
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toEqual({
      attendees: ['isaiahl@example.com'],
      durationMinutes: 60,
      windowStart: '2026-11-26T08:00:00Z',
      windowEnd: '2026-11-27T08:00:00Z',
      timeZone: LA,
    });
    expect(inputOf(steps, 'calendar.createEvent')).toEqual({
      subject: 'Budget review',
      attendees: ['isaiahl@example.com'],
      ...slot,
      isOnlineMeeting: true,
      timeZone: LA,
    });
  });

  it('books "a 45-minute call with Patti on Friday" on the coming Friday with a default subject', async () => {
    const result = await planOf('book a 45-minute call with Patti on Friday');
    expect(result.kind === 'plan' && result.title).toBe(
      'Set up a 45-minute call with Patti Fernandez on Friday 27 November',
    );
    const steps = await stepsOf('book a 45-minute call with Patti on Friday');
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({
      attendees: ['pattif@example.com'],
      durationMinutes: 45,
      windowStart: '2026-11-27T00:00:00Z',
      windowEnd: '2026-11-28T00:00:00Z',
    });
    expect(inputOf(steps, 'calendar.createEvent')).toMatchObject({ subject: 'Call with Patti Fernandez' });
  });

  it.each([
    ['30 minute', 30],
    ['30 minutes', 30],
    ['30 min', 30],
    ['30 mins', 30],
    ['30-minute', 30],
    ['15min', 15],
    ['an hour', 60],
    ['1 hour', 60],
    ['one-hour', 60],
    ['90 minutes', 90],
    ['half an hour', 30],
    ['an hour and a half', 90],
    ['1.5 hours', 90],
    ['1 hour 15 minutes', 75],
    ['two hours', 120],
    ['forty-five minute', 45],
  ])('reads "%s" as %i minutes', async (words, minutes) => {
    const steps = await stepsOf(`Set up ${words} with Megan tomorrow`);
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({ durationMinutes: minutes });
  });

  it('defaults to 30 minutes over the rest of today and the next five working days', async () => {
    const steps = await stepsOf('Set up a meeting with Megan');
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({
      durationMinutes: 30,
      windowStart: '2026-11-25T15:00:00Z',
      windowEnd: '2026-12-03T00:00:00Z',
    });
  });

  it.each([
    ['this week', 'UTC', '2026-11-25T15:00:00Z', '2026-11-28T00:00:00Z'],
    ['this week', LA, '2026-11-25T15:00:00Z', '2026-11-28T08:00:00Z'],
    ['today', 'UTC', '2026-11-25T15:00:00Z', '2026-11-26T00:00:00Z'],
    ['today', LA, '2026-11-25T15:00:00Z', '2026-11-26T08:00:00Z'],
    ['tomorrow', 'UTC', '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'],
    ['on Monday', LA, '2026-11-30T08:00:00Z', '2026-12-01T08:00:00Z'],
    ['on Wednesday', 'UTC', '2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z'],
    ['next Friday', 'UTC', '2026-12-04T00:00:00Z', '2026-12-05T00:00:00Z'],
    ['on 3 December', 'UTC', '2026-12-03T00:00:00Z', '2026-12-04T00:00:00Z'],
    ['the week after next', 'UTC', '2026-12-07T00:00:00Z', '2026-12-12T00:00:00Z'],
    ['by Friday', 'UTC', '2026-11-25T15:00:00Z', '2026-11-28T00:00:00Z'],
    ['tomorrow at 3pm', LA, '2026-11-26T23:00:00Z', '2026-11-26T23:30:00Z'],
    ['tomorrow morning', LA, '2026-11-26T16:00:00Z', '2026-11-26T20:00:00Z'],
    ['at 3pm', LA, '2026-11-25T23:00:00Z', '2026-11-25T23:30:00Z'],
  ])('searches "%s" (%s) from %s to %s', async (when, timeZone, windowStart, windowEnd) => {
    const steps = await stepsOf(`Set up a meeting with Megan ${when}`, { timeZone });
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({ windowStart, windowEnd, timeZone });
  });

  it.each([
    ['Set up a meeting with Megan about the Q3 roadmap', 'Q3 roadmap'],
    ['Set up a call with Megan to discuss the launch', 'Launch'],
    ['Set up a call with Megan on Q3 planning', 'Q3 planning'],
    ['Set up a meeting with Megan re: hiring', 'Hiring'],
    ['Set up a meeting with Megan to finalise the contract', 'Finalise the contract'],
    ['Set up a meeting about the launch next week with Megan', 'Launch'],
    ['Set up a call with Megan on Teams about integration with SAP', 'Integration with SAP'],
    ['Set up a launch meeting with Megan', 'Launch meeting'],
    ['Set up a 1:1 with Megan', '1:1 with Megan Bowen'],
    ['Schedule some time with Megan and Adele', 'Meeting with Megan Bowen and Adele Vance'],
    ['Invite Megan and Adele to a call tomorrow about the launch', 'Launch'],
  ])('takes the subject of "%s" as "%s"', async (outcome, subject) => {
    const steps = await stepsOf(outcome);
    expect(inputOf(steps, 'calendar.createEvent')).toMatchObject({ subject });
  });

  it('resolves full names and addresses, and leaves the requester (the organiser) out', async () => {
    const steps = await stepsOf(
      'Schedule a 90 minutes meeting with Lynne Robbins, isaiahl@example.com and me on Monday to discuss Q3 planning',
    );
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({
      attendees: ['lynner@example.com', 'isaiahl@example.com'],
      durationMinutes: 90,
    });
    expect(inputOf(steps, 'calendar.createEvent')).toMatchObject({
      subject: 'Q3 planning',
      attendees: ['lynner@example.com', 'isaiahl@example.com'],
    });
  });

  it.each([['Find the call recording'], ['schedule the report'], ['Review the quarterly report']])(
    'does not read "%s" as a meeting',
    async (outcome) => {
      expect(await refusalOf(outcome)).toContain(`Sorry, I didn't understand "${outcome}".`);
    },
  );

  it('ignores filler such as "sometime" and finds people named in lower case', async () => {
    const steps = await stepsOf('arrange a catch up with adele sometime next week');
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({
      attendees: ['adelev@example.com'],
      windowStart: '2026-11-30T00:00:00Z',
    });
  });

  it('does not mistake a name starting with "the" for an article', async () => {
    expect(await refusalOf('Set up a call with Theo tomorrow')).toContain("couldn't find anyone called Theo");
  });

  it('marks an in-person meeting as not online', async () => {
    const steps = await stepsOf('set up a catch-up with Adele in person tomorrow afternoon');
    expect(actionsOf(steps)).toEqual(['calendar.findMeetingTimes', 'calendar.createEvent']);
    expect(inputOf(steps, 'calendar.createEvent')).toMatchObject({
      subject: 'Catch-up with Adele Vance',
      isOnlineMeeting: false,
    });
  });

  it.each([
    ['Set up a meeting next week about the launch', 'Who should I invite?'],
    ['Set up a meeting with me tomorrow', 'Who should I invite?'],
    ['Set up a 10 hour meeting with Megan', 'between 5 minutes and 8 hours'],
    ['Set up a meeting with Megan last week', 'already passed'],
    ['Set up a meeting with Megan today at 9am', 'already passed'],
    ['Set up a meeting with Megan next week at 3pm', 'single day'],
    ['Set up a meeting with Megan on 31 February', "couldn't make sense of that date"],
  ])('answers "%s" with a question, not a plan', async (outcome, expected) => {
    expect(await refusalOf(outcome)).toContain(expected);
  });

  it('says when no working days are left this week', async () => {
    const saturday = new Date('2026-11-28T12:00:00Z');
    expect(await refusalOf('Set up a meeting with Megan this week', { now: saturday })).toContain('next week');
  });
});
