import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import { MEGAN_SMITH, inputOf, planOf, playgroundDirectory, refusalOf, stepsOf } from './playground';

const catalogue = createCatalogue({} as GraphGateway);

async function only(outcome: string): Promise<{ action: string; input: Record<string, unknown> }> {
  const steps = await stepsOf(outcome);
  expect(steps).toHaveLength(1);
  const step = steps[0]!;
  expect(() => catalogue.get(step.action)?.input.parse(step.input)).not.toThrow();
  return { action: step.action, input: step.input };
}

describe('RulePlanner: questions about people', () => {
  it.each([
    ["who is Megan's manager", 'people.manager', { person: 'meganb@example.com' }],
    ['who is my manager', 'people.manager', { person: 'alexw@example.com' }],
    ['who does Adele report to', 'people.manager', { person: 'adelev@example.com' }],
    ['who reports to Patti', 'people.directReports', { person: 'pattif@example.com' }],
    ["who are Patti's direct reports", 'people.directReports', { person: 'pattif@example.com' }],
    ['is Megan available', 'people.presence', { people: ['meganb@example.com'] }],
    [
      'are Megan and Adele available right now',
      'people.presence',
      { people: ['meganb@example.com', 'adelev@example.com'] },
    ],
    ["what's Lynne's status", 'people.presence', { people: ['lynner@example.com'] }],
    ["what are Adele's working hours", 'people.mailboxSettings', { person: 'adelev@example.com' }],
    ['what time zone is Lynne in', 'people.mailboxSettings', { person: 'lynner@example.com' }],
    ['is Megan out of office', 'people.mailboxSettings', { person: 'meganb@example.com' }],
    ['who is Megan', 'people.resolve', { query: 'Megan' }],
    ['look up Adele', 'people.resolve', { query: 'Adele' }],
  ])('"%s" → %s', async (outcome, action, input) => {
    expect(await only(outcome)).toEqual({ action, input });
  });

  it('leaves calendar questions to the calendar', async () => {
    const result = await planOf('is Megan free on Friday');
    expect(result.kind === 'plan' && result.steps.some((s) => s.action.startsWith('people.'))).toBe(false);
    expect(await refusalOf('who is the president')).not.toContain("couldn't find anyone called the president");
  });

  it('asks which Megan, and a directory look-up lists both instead', async () => {
    const two = { directory: playgroundDirectory([MEGAN_SMITH]) };
    const asked = await planOf("who is Megan's manager", two);
    expect(asked.kind === 'question' ? asked.question : asked.kind === 'unplannable' ? asked.message : '').toContain(
      'several people called Megan',
    );
    expect(inputOf(await stepsOf('who is Megan', two), 'people.resolve')).toEqual({ query: 'Megan' });
    expect(await refusalOf('is Zed available')).toContain("couldn't find anyone called Zed");
  });
});
