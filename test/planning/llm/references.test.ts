import { hasOutputPath, outputPaths } from '../../../src/planning/llm/output-paths';
import { catalogue, requestFor, setup, stepsOf, SUMMARY_TO_MEGAN } from './harness';

/** SUMMARY_TO_MEGAN with the summary step reading `ref` instead of `s1.messages`. */
function withReference(ref: string): object {
  const steps = SUMMARY_TO_MEGAN.steps.map((step, i) =>
    i === 1 ? { ...step, input: { ...step.input, items: { $ref: ref } } } : step,
  );
  return { ...SUMMARY_TO_MEGAN, steps };
}

describe('references to earlier outputs, checked at planning', () => {
  it('a reference to a path the earlier action does not output is refused, naming the paths it has', async () => {
    const { planner, llm } = setup([withReference('s1.nosuchfield'), withReference('s1.nosuchfield')]);

    const result = await planner.plan(requestFor('Email Megan Bowen a summary of my unread mail from Contoso'));

    expect(result.kind).toBe('unplannable');
    expect(llm.requests).toHaveLength(2);
    const repair = llm.requests[1]?.messages.at(-1)?.content ?? '';
    expect(repair).toContain('s2: "s1.nosuchfield" is not in the output of mail.search (s1)');
    expect(repair).toContain('messages[].id');
  });

  it('the repair with a real path is accepted', async () => {
    const { planner } = setup([withReference('s1.messages.id'), withReference('s1.messages')]);

    const result = await planner.plan(requestFor('Email Megan Bowen a summary of my unread mail from Contoso'));

    expect(stepsOf(result)[1]?.input).toEqual({ items: { $ref: 's1.messages' }, title: 'Unread mail from Contoso' });
  });

  it('paths follow the output schema: names, array indexes, and anything under a free-form value', () => {
    const search = catalogue.get('mail.search');
    const times = catalogue.get('calendar.findMeetingTimes');
    if (!search || !times) throw new Error('catalogue changed');
    expect(hasOutputPath(search, ['messages'])).toBe(true);
    expect(hasOutputPath(search, ['messages', '0', 'from', 'address'])).toBe(true);
    expect(hasOutputPath(search, ['messages', 'id'])).toBe(false);
    expect(hasOutputPath(search, ['nosuchfield'])).toBe(false);
    expect(hasOutputPath(times, ['suggestions', '0', 'start'])).toBe(true);
    expect(outputPaths(times)).toEqual(['suggestions[].start', 'suggestions[].end']);
  });
});
