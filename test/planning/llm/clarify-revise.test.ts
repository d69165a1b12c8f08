import type { StepDraft } from '../../../src/engine/ports';
import { MEGAN_SMITH, playgroundDirectory } from '../playground';
import { requestFor, setup, stepsOf } from './harness';

const MEETING = 'Set up a 30 minute meeting with Megan next week about the launch';

const question = {
  kind: 'question',
  question: 'Which Megan do you mean?',
  options: ['Megan Bowen (meganb@example.com)', 'Megan Smith (megans@example.com)'],
  // Fields of other kinds, as models often send them, are ignored.
  title: '',
  steps: [],
  message: null,
};

const meetingWith = (attendees: string[], minutes = 30): object => ({
  kind: 'plan',
  title: 'Meeting about the launch',
  steps: [
    {
      action: 'calendar.findMeetingTimes',
      input: {
        attendees,
        durationMinutes: minutes,
        windowStart: '2026-11-30T08:00:00-08:00',
        windowEnd: '2026-12-04T17:00:00-08:00',
        timeZone: 'America/Los_Angeles',
      },
      rationale: 'Find a time when everyone is free.',
    },
    {
      action: 'calendar.createEvent',
      input: {
        subject: 'Launch',
        attendees,
        start: { $ref: 's1.suggestions.0.start' },
        end: { $ref: 's1.suggestions.0.end' },
        timeZone: 'America/Los_Angeles',
      },
      rationale: 'Book it.',
    },
  ],
});

describe('LlmPlanner: clarification', () => {
  it("returns the model's question and options, with every candidate in the prompt", async () => {
    const { llm, planner } = setup([question], playgroundDirectory([MEGAN_SMITH]));
    const result = await planner.plan(requestFor(MEETING));
    expect(result).toEqual({
      kind: 'question',
      question: 'Which Megan do you mean?',
      options: ['Megan Bowen (meganb@example.com)', 'Megan Smith (megans@example.com)'],
      usage: { promptTokens: 100, completionTokens: 20, calls: 1 },
    });
    expect(llm.system()).toContain('- "Megan Bowen" <meganb@example.com>');
    expect(llm.system()).toContain('- "Megan Smith" <megans@example.com>');
    expect(llm.requests).toHaveLength(1);
  });

  it('plans from the answer on the next call, with the question and answer in the prompt', async () => {
    const { llm, planner } = setup([meetingWith(['meganb@example.com'])], playgroundDirectory([MEGAN_SMITH]));
    const clarifications = [{ question: 'Which Megan do you mean?', answer: 'Megan Bowen' }];
    const result = await planner.plan(requestFor(MEETING, { clarifications }));
    expect(stepsOf(result).map((s) => s.action)).toEqual(['calendar.findMeetingTimes', 'calendar.createEvent']);
    expect(llm.message(1, 1)).toBe(
      `Request: ${MEETING}\n\nYou asked, and the requester answered:\nQ: Which Megan do you mean?\nA: Megan Bowen`,
    );
    expect(llm.requests).toHaveLength(1);
  });

  it('looks up people named only in an answer', async () => {
    const { llm, planner } = setup([meetingWith(['adelev@example.com'])]);
    const clarifications = [{ question: 'Who should I invite?', answer: 'adele' }];
    const result = await planner.plan(requestFor('Set up a meeting next week about the launch', { clarifications }));
    expect(llm.system()).toContain('"Adele Vance" <adelev@example.com>');
    expect(result.kind).toBe('plan');
  });

  it('repairs a question without text', async () => {
    const { llm, planner } = setup(
      [{ kind: 'question', question: '  ' }, question],
      playgroundDirectory([MEGAN_SMITH]),
    );
    expect((await planner.plan(requestFor(MEETING))).kind).toBe('question');
    expect(llm.last(2)).toContain('a question answer needs a non-empty "question"');
  });
});

describe('LlmPlanner: revision', () => {
  const previousSteps: StepDraft[] = (meetingWith(['meganb@example.com']) as { steps: StepDraft[] }).steps;
  const revision = {
    previousTitle: 'Meeting about the launch',
    previousSteps,
    instruction: 'make it 45 minutes and add Adele',
  };

  it('sends the previous plan and the instruction, and returns the full new plan', async () => {
    const revised = meetingWith(['meganb@example.com', 'adelev@example.com'], 45);
    const { llm, planner } = setup([revised]);
    const result = await planner.plan(requestFor(MEETING, { revision }));
    expect(stepsOf(result)).toEqual((revised as { steps: StepDraft[] }).steps);
    const user = llm.message(1, 1);
    expect(user).toContain(`Request: ${MEETING}`);
    expect(user).toContain('The requester was shown this plan:\nTitle: Meeting about the launch');
    expect(user).toContain(
      `s1: ${JSON.stringify({ action: previousSteps[0]?.action, input: previousSteps[0]?.input, rationale: previousSteps[0]?.rationale })}`,
    );
    expect(user).toContain(
      `s2: ${JSON.stringify({ action: previousSteps[1]?.action, input: previousSteps[1]?.input, rationale: previousSteps[1]?.rationale })}`,
    );
    expect(user).toContain('They want it changed: make it 45 minutes and add Adele');
    expect(user).toContain('complete new plan');
    // People named in the instruction are looked up too.
    expect(llm.system()).toContain('"Adele Vance" <adelev@example.com>');
    expect(llm.requests).toHaveLength(1);
  });

  it("keeps addresses of the previous plan (the requester's own edits) traceable", async () => {
    const edited = (meetingWith(['partner@fabrikam.com']) as { steps: StepDraft[] }).steps;
    const { llm, planner } = setup([meetingWith(['partner@fabrikam.com'], 45)]);
    const result = await planner.plan(
      requestFor(MEETING, { revision: { ...revision, previousSteps: edited, instruction: 'make it 45 minutes' } }),
    );
    expect(result.kind).toBe('plan');
    expect(llm.requests).toHaveLength(1);
  });
});
