import type { PlanRequest, PlanResult } from '../../src/engine/ports';
import { RulePlanner } from '../../src/planning';
import { NOW, PERSONAL, playgroundDirectory, REQUESTER } from './playground';

const planner = new RulePlanner({ directory: playgroundDirectory() });
const ask = (outcome: string, more: Partial<PlanRequest> = {}): Promise<PlanResult> =>
  planner.plan({ outcome, requester: REQUESTER, scope: PERSONAL, now: NOW, timeZone: 'UTC', ...more });

async function revised(outcome: string, instruction: string): Promise<PlanResult> {
  const first = await ask(outcome);
  if (first.kind !== 'plan') throw new Error(`no plan for ${outcome}`);
  return ask(outcome, { revision: { previousTitle: first.title, previousSteps: first.steps, instruction } });
}

function stepInput(result: PlanResult, action: string): Record<string, unknown> | undefined {
  return result.kind === 'plan' ? result.steps.find((s) => s.action === action)?.input : undefined;
}

describe('RulePlanner: a missing part is a question, and the answer completes the request', () => {
  it('asks what time a meeting should move to, then moves it there', async () => {
    const question = await ask('Move my 1:1 with Megan to Friday');
    expect(question).toEqual({
      kind: 'question',
      question: expect.stringContaining('What time should it move to?'),
      options: [],
    });
    const answered = await ask('Move my 1:1 with Megan to Friday', {
      clarifications: [{ question: question.kind === 'question' ? question.question : '', answer: '3pm' }],
    });
    expect(stepInput(answered, 'calendar.updateEvent')).toMatchObject({ start: '2026-11-27T15:00:00Z' });
  });

  it('asks which day for a time without one (the meeting may be next week), then moves it there', async () => {
    const outcome = 'move the budget review to 4pm';
    const question = await ask(outcome);
    expect(question).toEqual({ kind: 'question', question: expect.stringContaining('Which day'), options: [] });
    const asked = question.kind === 'question' ? question.question : '';
    for (const [answer, start] of [
      ['today', '2026-11-25T16:00:00Z'],
      ['Friday', '2026-11-27T16:00:00Z'],
      ['on Monday', '2026-11-30T16:00:00Z'],
    ] as const) {
      const answered = await ask(outcome, { clarifications: [{ question: asked, answer }] });
      expect(stepInput(answered, 'calendar.updateEvent')).toMatchObject({ start });
    }
  });

  it('asks who to invite, then invites them', async () => {
    const question = await ask('Set up a meeting tomorrow');
    expect(question.kind).toBe('question');
    const answered = await ask('Set up a meeting tomorrow', {
      clarifications: [{ question: question.kind === 'question' ? question.question : '', answer: 'Megan' }],
    });
    expect(stepInput(answered, 'calendar.createEvent')).toMatchObject({ attendees: ['meganb@example.com'] });
  });

  it('asks what an email should say, then sends it with the topic as subject', async () => {
    const question = await ask('Email Megan about the launch');
    const answered = await ask('Email Megan about the launch', {
      clarifications: [
        { question: question.kind === 'question' ? question.question : '', answer: 'the date moved to May' },
      ],
    });
    expect(stepInput(answered, 'mail.send')).toEqual({
      to: ['meganb@example.com'],
      subject: 'Launch',
      body: 'the date moved to May',
    });
  });
});

describe('RulePlanner: a follow-up changes the plan awaiting approval', () => {
  const LUNCH = 'Schedule lunch with Adele on Friday at noon';
  const SUMMARY = "Write to Lynne with a summary of this week's Fabrikam mail";

  it('"make it 45 minutes" shortens the meeting and its slot', async () => {
    const result = await revised(LUNCH, 'make it 45 minutes');
    expect(stepInput(result, 'calendar.findMeetingTimes')).toMatchObject({
      durationMinutes: 45,
      windowStart: '2026-11-27T12:00:00Z',
      windowEnd: '2026-11-27T12:45:00Z',
    });
    expect(result.kind === 'plan' && result.title).toContain('45-minute');
  });

  it('"make it 1pm" and "Thursday instead" move the slot, keeping what was not said', async () => {
    expect(stepInput(await revised(LUNCH, 'make it 1pm'), 'calendar.findMeetingTimes')).toMatchObject({
      windowStart: '2026-11-27T13:00:00Z',
    });
    expect(stepInput(await revised(LUNCH, 'actually Thursday instead'), 'calendar.findMeetingTimes')).toMatchObject({
      windowStart: '2026-11-26T12:00:00Z',
    });
  });

  it('"cc Megan too" copies Megan; "send it to Adele instead" readdresses the mail', async () => {
    expect(stepInput(await revised(SUMMARY, 'cc Megan too'), 'mail.send')).toMatchObject({
      to: ['lynner@example.com'],
      cc: ['meganb@example.com'],
    });
    const readdressed = await revised(SUMMARY, 'send it to Adele instead');
    expect(stepInput(readdressed, 'mail.send')).toMatchObject({ to: ['adelev@example.com'] });
    expect(readdressed.kind === 'plan' && readdressed.title).toContain('Adele Vance');
  });

  it('"with Megan instead" changes who is invited; "call it Team lunch" the subject', async () => {
    expect(stepInput(await revised(LUNCH, 'with Megan instead'), 'calendar.createEvent')).toMatchObject({
      attendees: ['meganb@example.com'],
    });
    expect(stepInput(await revised(LUNCH, 'call it Team lunch'), 'calendar.createEvent')).toMatchObject({
      subject: 'Team lunch',
    });
  });

  it('says when a follow-up is not a change it can make', async () => {
    const result = await revised(LUNCH, 'what is the weather');
    expect(result).toMatchObject({ kind: 'unplannable', message: expect.stringContaining("couldn't apply") });
  });
});
