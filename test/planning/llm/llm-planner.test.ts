import { buildPlan } from '../../../src/engine/plan-builder';
import { ANSWER_SCHEMA_NAME, LlmPlanner } from '../../../src/planning/llm';
import { planAnswerSchema } from '../../../src/planning/llm/strict-schema';
import { NOW, playgroundDirectory } from '../playground';
import { catalogue, requestFor, sendTo, setup, stepsOf, SUMMARY_TO_MEGAN } from './harness';

const OUTCOME = 'Email Megan Bowen a summary of my unread mail from Contoso';

describe('LlmPlanner: one call per plan', () => {
  it('says it revises plans', () => {
    expect(setup([]).planner.revises).toBe(true);
  });

  it('turns a valid answer into the plan, with one model call and its usage', async () => {
    const { llm, planner } = setup([{ content: SUMMARY_TO_MEGAN, promptTokens: 1200, completionTokens: 150 }]);
    const result = await planner.plan(requestFor(OUTCOME));
    expect(result).toEqual({
      kind: 'plan',
      title: SUMMARY_TO_MEGAN.title,
      steps: SUMMARY_TO_MEGAN.steps,
      usage: { promptTokens: 1200, completionTokens: 150, calls: 1 },
    });
    expect(llm.requests).toHaveLength(1);
    // The engine accepts what the planner returns.
    expect(buildPlan(stepsOf(result), 1, catalogue, { taskId: () => 't', uuid: () => 'u' }, NOW).steps).toHaveLength(3);
  });

  it('asks for structured output, deterministically, with the outcome as the user message', async () => {
    const { llm, planner } = setup([SUMMARY_TO_MEGAN]);
    await planner.plan(requestFor(`  ${OUTCOME}  `));
    const request = llm.requests[0];
    expect(request?.jsonSchema).toEqual({
      name: ANSWER_SCHEMA_NAME,
      schema: planAnswerSchema(catalogue),
      strict: true,
    });
    expect(request?.temperature).toBe(0);
    expect(request?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(llm.message(1, 1)).toBe(`Request: ${OUTCOME}`);
  });

  it('sends no temperature when configured with null (models that reject one)', async () => {
    const { llm, logger } = setup([SUMMARY_TO_MEGAN]);
    const planner = new LlmPlanner({
      llm,
      catalogue,
      directory: playgroundDirectory(),
      logger,
      temperature: null,
      maxTokens: 900,
    });
    await planner.plan(requestFor(OUTCOME));
    expect(llm.requests[0]).not.toHaveProperty('temperature');
    expect(llm.requests[0]?.maxTokens).toBe(900);
  });

  it('accepts an answer wrapped in a Markdown fence', async () => {
    const { llm, planner } = setup(['```json\n' + JSON.stringify(SUMMARY_TO_MEGAN) + '\n```']);
    expect(stepsOf(await planner.plan(requestFor(OUTCOME)))).toHaveLength(3);
    expect(llm.requests).toHaveLength(1);
  });

  it("passes the model's own refusal through", async () => {
    const { llm, planner } = setup([
      { kind: 'unplannable', message: "I can't book flights. I can email, summarise mail and set up meetings." },
    ]);
    const result = await planner.plan(requestFor('Book me a flight to Seattle'));
    expect(result).toEqual({
      kind: 'unplannable',
      message: "I can't book flights. I can email, summarise mail and set up meetings.",
      usage: { promptTokens: 100, completionTokens: 20, calls: 1 },
    });
    expect(llm.requests).toHaveLength(1);
  });

  it('refuses an empty or oversized request without calling the model', async () => {
    const { llm, planner } = setup([]);
    expect((await planner.plan(requestFor('   '))).kind).toBe('unplannable');
    expect((await planner.plan(requestFor('x'.repeat(5000)))).kind).toBe('unplannable');
    expect(llm.requests).toHaveLength(0);
  });

  it('lets a model failure propagate for the engine to report', async () => {
    const failing = setup([]);
    await expect(failing.planner.plan(requestFor(OUTCOME))).rejects.toThrow('unexpected model call #1');
  });

  it('logs counts and usage, never the request or the answer', async () => {
    const { planner, logger } = setup(['not json', SUMMARY_TO_MEGAN]);
    await planner.plan(requestFor(OUTCOME));
    const logged = JSON.stringify(logger.lines);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logged).not.toContain('Contoso');
    expect(logged).not.toContain('meganb@example.com');
    expect(logged).not.toContain('not json');
    expect(logger.lines.some((line) => line.msg === 'planned' && (line.obj as { calls?: number }).calls === 2)).toBe(
      true,
    );
  });
});

describe('LlmPlanner: one repair call for an unusable answer', () => {
  it('repairs an invalid answer, naming the errors, and sums usage over both calls', async () => {
    const invalid = sendTo(['Megan'], { subject: '' });
    const { llm, planner } = setup([
      { content: invalid, promptTokens: 1000, completionTokens: 80 },
      { content: sendTo(['meganb@example.com']), promptTokens: 1300, completionTokens: 90 },
    ]);
    const result = await planner.plan(requestFor('Email Megan Bowen to say hello'));
    expect(stepsOf(result)[0]?.input).toEqual({ to: ['meganb@example.com'], subject: 'Hello', body: 'Hi there' });
    expect(result.usage).toEqual({ promptTokens: 2300, completionTokens: 170, calls: 2 });
    expect(llm.requests).toHaveLength(2);
    // The repair call continues the conversation: the same prompt, the bad answer, then the errors.
    const repair = llm.requests[1]?.messages ?? [];
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[0]?.content).toBe(llm.system(1));
    expect(repair[2]?.content).toBe(JSON.stringify(invalid));
    expect(llm.last(2)).toContain('s1: to.0: Invalid email address');
    expect(llm.last(2)).toContain('s1: subject: Too small');
  });

  it('gives up after the second invalid answer with a plain-words refusal', async () => {
    const { llm, planner } = setup([sendTo(['Megan']), sendTo(['Megan'])]);
    const result = await planner.plan(requestFor('Email Megan to say hello'));
    expect(result.kind).toBe('unplannable');
    if (result.kind !== 'unplannable') return;
    expect(result.message).toMatch(
      /^I couldn't make a valid plan for that\. What was wrong: step 1: to\.0: Invalid email address\./,
    );
    expect(result.usage).toEqual({ promptTokens: 200, completionTokens: 40, calls: 2 });
    expect(llm.requests).toHaveLength(2);
  });

  it('repairs an unknown action', async () => {
    const unknown = {
      kind: 'plan',
      title: 'Clean up',
      steps: [{ action: 'mail.delete', input: { from: 'Contoso' }, rationale: 'Delete it.' }],
    };
    const { llm, planner } = setup([unknown, { kind: 'unplannable', message: "I can't delete mail." }]);
    const result = await planner.plan(requestFor('Delete all mail from Contoso'));
    expect(llm.last(2)).toContain('s1: "mail.delete" is not a catalogue action');
    expect(result).toMatchObject({ kind: 'unplannable', message: "I can't delete mail.", usage: { calls: 2 } });
  });

  it('names an unknown action in plain words when the repair fails too', async () => {
    const unknown = {
      kind: 'plan',
      title: 'Clean up',
      steps: [{ action: 'mail.delete', input: {}, rationale: 'Delete it.' }],
    };
    const { llm, planner } = setup([unknown, unknown]);
    const result = await planner.plan(requestFor('Delete all mail from Contoso'));
    expect(result).toMatchObject({ kind: 'unplannable', usage: { calls: 2 } });
    expect(result.kind === 'unplannable' && result.message).toContain(
      'step 1: "mail.delete" is not something I can do',
    );
    expect(llm.requests).toHaveLength(2);
  });

  it('repairs an answer that is not JSON, or not a known kind', async () => {
    for (const bad of [
      'Sure! Here is your plan: send mail.',
      { kind: 'maybe' },
      { kind: 'plan', title: 'Nothing', steps: [] },
    ]) {
      const { llm, planner } = setup([bad, SUMMARY_TO_MEGAN]);
      expect(stepsOf(await planner.plan(requestFor(OUTCOME)))).toHaveLength(3);
      expect(llm.requests).toHaveLength(2);
      expect(llm.last(2)).toMatch(/^Your answer cannot be used:\n- /);
    }
  });

  it('repairs a reference to a later step', async () => {
    const forward = {
      kind: 'plan',
      title: 'Summary',
      steps: [
        { action: 'text.summarise', input: { items: { $ref: 's2.messages' } }, rationale: 'Summarise.' },
        { action: 'mail.search', input: { from: 'Contoso' }, rationale: 'Find mail.' },
      ],
    };
    const { llm, planner } = setup([forward, SUMMARY_TO_MEGAN]);
    await planner.plan(requestFor(OUTCOME));
    expect(llm.last(2)).toContain('s1: reference "s2.messages" must name an earlier step');
  });

  it('lists every problem at once in the repair note', async () => {
    const many = {
      kind: 'plan',
      title: 'Many problems',
      steps: [
        {
          action: 'calendar.findMeetingTimes',
          input: {
            attendees: ['meganb@example.com'],
            durationMinutes: 2,
            windowStart: 'soon',
            windowEnd: '2026-11-30T17:00:00Z',
            timeZone: 'America/Los_Angeles',
          },
          rationale: 'Find.',
        },
        { action: 'files.teleport', input: {}, rationale: 'Share.' },
      ],
    };
    const { llm, planner } = setup([many, many]);
    await planner.plan(requestFor('Find time with Megan'));
    const note = llm.last(2);
    expect(note).toContain('s1: durationMinutes');
    expect(note).toContain('s1: windowStart: must be an ISO-8601 date and time');
    expect(note).toContain('s2: "files.teleport" is not a catalogue action');
  });

  it('honours maxRepairs', async () => {
    const { llm, logger } = setup([sendTo(['Megan'])]);
    const planner = new LlmPlanner({ llm, catalogue, directory: playgroundDirectory(), logger, maxRepairs: 0 });
    const result = await planner.plan(requestFor('Email Megan to say hello'));
    expect(result).toMatchObject({ kind: 'unplannable', usage: { calls: 1 } });
    expect(llm.requests).toHaveLength(1);
  });
});
