import type { StepDraft } from '../../src/engine/ports';
import { PLANNER_ACTIONS } from '../../src/planning';
import { planOf } from './playground';

const OUTCOMES = [
  'Email Megan Bowen a summary of my unread mail from Contoso',
  "send Adele a summary of this week's mail from Fabrikam",
  'mail meganb@example.com a recap of unread emails about the budget',
  'Set up a 30 minute meeting with Megan and Adele next week about the launch',
  'schedule an hour with Isaiah tomorrow to review the budget',
  'book a 45-minute call with Patti on Friday',
  "Post a summary of this week's mail from Contoso to the General channel",
  'share a recap of unread mail from Fabrikam in Announcements',
  "summarise this week's mail from Contoso and set up a 30-minute review with Megan next week",
  "Email me a summary of last week's messages from dana@contoso.com",
  'Summarise my unread Contoso emails and post it to General, then book a call with Lynne on Monday',
  "Give me a summary of yesterday's mail",
  'read the spring launch brief and email Megan a summary of it',
  'find the fabrikam invoice email, forward it to lynne and move it to the archive',
  'summarise the travel policy and post it in General',
  'reply to Raj saying thanks and flag his email',
];

/** Every `$ref` in a value, as strings. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== 'object' || value === null) return [];
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') return [ref];
  return Object.values(value).flatMap(refs);
}

describe('RulePlanner: every plan is well formed', () => {
  it.each(
    OUTCOMES.flatMap((outcome) => [
      [outcome, 'UTC'],
      [outcome, 'America/Los_Angeles'],
    ]),
  )('"%s" (%s) uses only catalogue actions, backward references and UTC instants', async (outcome, timeZone) => {
    const result = await planOf(outcome, { timeZone });
    if (result.kind !== 'plan') throw new Error(JSON.stringify(result));
    expect(result.title.length).toBeGreaterThan(0);
    expect(result.steps.length).toBeGreaterThan(0);
    result.steps.forEach((step: StepDraft, index) => {
      expect(PLANNER_ACTIONS).toContain(step.action);
      expect(step.rationale.length).toBeGreaterThan(0);
      for (const ref of refs(step.input)) {
        const match = /^s(\d+)\.[A-Za-z0-9_.]+$/.exec(ref);
        expect(match).not.toBeNull();
        expect(Number(match?.[1])).toBeGreaterThanOrEqual(1);
        expect(Number(match?.[1])).toBeLessThanOrEqual(index);
      }
      for (const key of ['since', 'until', 'windowStart', 'windowEnd']) {
        const value = step.input[key];
        if (value !== undefined) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      expect(Object.values(step.input)).not.toContain(undefined);
    });
  });
});
