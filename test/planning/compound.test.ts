import { PLANNER_ACTIONS } from '../../src/planning';
import { actionsOf, inputOf, planOf, stepsOf } from './playground';

describe('RulePlanner: several requests in one message', () => {
  it('plans the design example: a summary, then a meeting, with references renumbered', async () => {
    const result = await planOf(
      "summarise this week's mail from Contoso and set up a 30-minute review with Megan next week",
    );
    expect(result).toMatchObject({
      kind: 'plan',
      title: "Summarise this week's mail from Contoso, then set up a 30-minute review with Megan Bowen next week",
    });
    const steps = result.kind === 'plan' ? result.steps : [];
    expect(actionsOf(steps)).toEqual([
      'mail.search',
      'text.summarise',
      'calendar.findMeetingTimes',
      'calendar.createEvent',
    ]);
    expect(steps[1]?.input).toMatchObject({ items: { $ref: 's1.messages' } });
    expect(steps[3]?.input).toEqual({
      subject: 'Review with Megan Bowen',
      attendees: ['meganb@example.com'],
      start: { $ref: 's3.suggestions.0.start' },
      end: { $ref: 's3.suggestions.0.end' },
      isOnlineMeeting: true,
      timeZone: 'UTC',
    });
  });

  it.each([
    ['Summarise my unread Contoso emails and post it to General', ['teams.postChannelMessage']],
    ['Summarise my unread Contoso emails, then email it to Megan', ['mail.send']],
    ['Summarise my unread Contoso emails and send Megan the summary', ['mail.send']],
    [
      'Email Megan a summary of unread mail from Contoso and post it to the Announcements channel',
      ['mail.send', 'teams.postChannelMessage'],
    ],
  ])('delivers the summary asked for just before: "%s"', async (outcome, deliveries) => {
    const steps = await stepsOf(outcome);
    expect(actionsOf(steps)).toEqual(['mail.search', 'text.summarise', ...deliveries]);
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'Contoso', unread: true });
    for (const step of steps.slice(2)) expect(JSON.stringify(step.input)).toContain('{"$ref":"s2.summary"}');
  });

  it('titles several deliveries of one summary', async () => {
    const result = await planOf(
      'Email Megan a summary of unread mail from Contoso and post it to the Announcements channel',
    );
    expect(result).toMatchObject({
      title: 'Email Megan Bowen a summary of unread mail from Contoso and post it to Announcements',
    });
  });

  it('keeps each family intact when mixed', async () => {
    const steps = await stepsOf('Email Megan a summary of mail from Contoso and book a call with Patti on Friday');
    expect(actionsOf(steps)).toEqual([
      'mail.search',
      'text.summarise',
      'mail.send',
      'calendar.findMeetingTimes',
      'calendar.createEvent',
    ]);
    expect(steps[4]?.input).toMatchObject({
      start: { $ref: 's4.suggestions.0.start' },
      end: { $ref: 's4.suggestions.0.end' },
    });
    expect(steps.every((step) => (PLANNER_ACTIONS as readonly string[]).includes(step.action))).toBe(true);
  });

  it('does not split "with Megan and Adele"', async () => {
    const steps = await stepsOf('Set up a meeting with Megan and Adele and Isaiah tomorrow');
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({
      attendees: ['meganb@example.com', 'adelev@example.com', 'isaiahl@example.com'],
    });
  });

  it('reads "her" and "them" as the people named just before', async () => {
    const meeting = await stepsOf(
      'Email Megan Bowen a summary of my unread mail from Contoso and set up a 30 minute meeting with her next week',
    );
    expect(inputOf(meeting, 'calendar.findMeetingTimes')).toMatchObject({ attendees: ['meganb@example.com'] });
    const summary = await stepsOf(
      'Set up a call with Patti and Lynne tomorrow, then send them a summary of unread mail',
    );
    expect(inputOf(summary, 'mail.send')).toMatchObject({ to: ['pattif@example.com', 'lynner@example.com'] });
  });

  it('asks who a pronoun means when nobody was named before', async () => {
    const result = await planOf('Set up a call with him tomorrow');
    expect(result).toMatchObject({
      kind: 'unplannable',
      message: expect.stringContaining("I'm not sure who you mean"),
    });
  });
});
