import { baseVerb } from '../../src/planning/text/normalise';
import { actionsOf, inputOf, refusalOf, stepsOf } from './playground';

describe('RulePlanner: polite and indirect framings', () => {
  it.each([
    ['letting', 'let'],
    ['sharing', 'share'],
    ['setting', 'set'],
    ['booking', 'book'],
    ['scheduling', 'schedule'],
    ['wombling', 'wombling'],
  ])('"%s" is asked as "%s"', (gerund, verb) => {
    expect(baseVerb(gerund)).toBe(verb);
  });

  it.each([
    ['would you mind letting isaiah know on teams that im running late', 'teams.sendChatMessage'],
    ['i was wondering if you could book a call with patti tomorrow', 'calendar.createEvent'],
    ['forward the latest email from dana to lynne when you get a chance', 'mail.forward'],
    ['can you tell me who adeles manager is', 'people.manager'],
  ])('"%s" is planned like the plain request', async (outcome, action) => {
    expect(actionsOf(await stepsOf(outcome))).toContain(action);
  });

  it('reads "everything from X", "the newsletters from X" and "the emails X sent me" as mail from X', async () => {
    expect(inputOf(await stepsOf('could you mark everything from contoso as read'), 'mail.search')).toMatchObject({
      from: 'contoso',
    });
    expect(inputOf(await stepsOf('archive the newsletters from litware'), 'mail.move')).toMatchObject({
      folder: 'Archive',
    });
    expect(inputOf(await stepsOf('get me the emails adele sent me yesterday'), 'mail.search')).toMatchObject({
      from: 'adelev@example.com',
    });
  });

  it('keeps a role that ends in s: "the contoso sales manager training"', async () => {
    expect(inputOf(await stepsOf('cancel the contoso sales manager training'), 'calendar.listEvents')).toMatchObject({
      subjectContains: 'contoso sales manager training',
    });
  });
});

describe('RulePlanner: a step that depends on another step’s result', () => {
  it.each([
    ['Check if Megan is free and if so message her on Teams that the deck is ready', 'Megan is free'],
    ['check if lynne is free tomorrow at 2 and if she is book a meeting with her', 'lynne is free tomorrow at 2'],
    ['if dana replies forward it to megan', 'dana replies'],
    ['if the invoice has come in, forward it to Lynne', 'the invoice has come in'],
    ['send Megan the deck unless Adele objects', 'Adele objects'],
  ])('"%s" is not planned without its condition, and the answer names it', async (outcome, condition) => {
    const message = await refusalOf(outcome);
    expect(message).toContain(`whether ${condition}`);
  });

  it('still plans a plain availability check', async () => {
    expect(actionsOf(await stepsOf('check if Megan is free'))).toEqual(['people.presence']);
  });
});

describe('RulePlanner: "for me and X" in a meeting and elsewhere', () => {
  it('is a meeting with X when a meeting is asked for', async () => {
    const steps = await stepsOf('find time for me and Isaiah next week');
    expect(inputOf(steps, 'calendar.findMeetingTimes')).toMatchObject({ attendees: ['isaiahl@example.com'] });
  });

  it('is not turned into "with X" elsewhere: the person is asked about, not dropped and not met', async () => {
    const result = await refusalOf('summarise my unread mail for me and Adele');
    expect(result).toContain('Adele');
  });
});

describe('RulePlanner: more everyday wordings', () => {
  it('plans "add a task to the X plan for Y to Z by Friday"', async () => {
    const steps = await stepsOf('add a task to the spring launch plan for lynne to order the shelving by friday');
    expect(inputOf(steps, 'planner.createTask')).toMatchObject({
      plan: 'spring launch',
      title: 'order the shelving',
      assignees: ['lynner@example.com'],
    });
  });

  it.each([
    ['what did fabrikam email me about last week', ['mail.search', 'text.summarise']],
    ['what has contoso sent me this month', ['mail.search', 'text.summarise']],
    [
      'let everyone in general know what fabrikam emailed about this week, summarised',
      ['mail.search', 'text.summarise', 'teams.postChannelMessage'],
    ],
    [
      'let isaiah know what contoso said this week - just a short summary by email',
      ['mail.search', 'text.summarise', 'mail.send'],
    ],
  ])('"%s" is a summary of that mail', async (outcome, actions) => {
    expect(actionsOf(await stepsOf(outcome))).toEqual(actions);
  });
});
