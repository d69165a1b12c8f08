import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import { planOf } from './playground';

/**
 * The planner and the actions are written by different people: this checks that what the
 * planner proposes, once references are filled with outputs of the right shape, is accepted by
 * each action's own input schema.
 */
const catalogue = createCatalogue({} as GraphGateway);

const message = {
  id: 'm1',
  subject: 'Launch',
  from: { name: 'Dana', address: 'dana@contoso.com' },
  receivedDateTime: '2026-11-24T10:00:00Z',
  bodyPreview: 'Hello',
  isRead: false,
};

function outputAt(ref: string): unknown {
  if (ref.endsWith('.messages')) return [message];
  if (ref.endsWith('.summary')) return 'A summary.';
  if (ref.endsWith('.suggestions.0.start')) return '2026-11-30T09:00:00Z';
  if (ref.endsWith('.suggestions.0.end')) return '2026-11-30T09:30:00Z';
  throw new Error(`unexpected reference ${ref}`);
}

function fill(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fill);
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') return outputAt(ref);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
}

describe('RulePlanner plans fit the action catalogue', () => {
  it.each([
    ['Email Megan Bowen a summary of my unread mail from Contoso', 'UTC'],
    ["Post a summary of this week's mail from Contoso to the General channel", 'America/Los_Angeles'],
    ['Email dana@contoso.com and me a recap of unread emails about the budget with subject "Q3"', 'UTC'],
    ['Set up a 30 minute meeting with Megan and Adele next week about the launch', 'America/Los_Angeles'],
    ['book a 45-minute call with Patti on Friday, then summarise my last 10 emails and send them to Lynne', 'UTC'],
    [`Set up a meeting with Megan about ${'a very long agenda item '.repeat(20)}`, 'UTC'],
  ])('"%s" (%s)', async (outcome, timeZone) => {
    const result = await planOf(outcome, { timeZone });
    if (result.kind !== 'plan') throw new Error(JSON.stringify(result));
    for (const step of result.steps) {
      const spec = catalogue.get(step.action);
      expect(spec).toBeDefined();
      const parsed = spec?.input.safeParse(fill(step.input));
      expect(parsed?.error?.issues ?? []).toEqual([]);
    }
  });
});
