import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import { actionsOf, inputOf, MEGAN_SMITH, planOf, playgroundDirectory, questionOf, stepsOf } from './playground';

const hit = (field: string) => ({ $ref: `s1.items.0.${field}` });

describe('RulePlanner: OneDrive files', () => {
  it.each([
    ['find the Q3 planning workbook', 'Q3 planning workbook'],
    ['Where is the travel and expense policy?', 'travel and expense policy'],
    ['search my OneDrive for the Contoso proposal', 'Contoso proposal'],
    ['look for the spring launch brief document', 'spring launch brief'],
    ['find "Meeting notes"', 'Meeting notes'],
  ])('"%s" searches OneDrive for "%s"', async (outcome, query) => {
    const result = await planOf(outcome);
    expect(result).toEqual({
      kind: 'plan',
      title: `Find "${query}" in your OneDrive`,
      steps: [{ action: 'files.search', input: { query, top: 5 }, rationale: expect.any(String) }],
    });
  });

  it.each([
    ["what's in the spring launch brief", 'spring launch brief'],
    ['What does the travel and expense policy say about meals?', 'travel and expense policy'],
    ['read the meeting notes', 'meeting notes'],
  ])('"%s" finds then reads "%s"', async (outcome, query) => {
    const steps = await stepsOf(outcome);
    expect(actionsOf(steps)).toEqual(['files.search', 'files.readText']);
    expect(inputOf(steps, 'files.search')).toEqual({ query, top: 1 });
    expect(inputOf(steps, 'files.readText')).toEqual({ itemId: hit('id') });
  });

  it.each([
    'show my recent files',
    'Which documents did I work on recently?',
    'list my recently opened files in OneDrive',
  ])('"%s" lists recent files', async (outcome) => {
    expect(await planOf(outcome)).toEqual({
      kind: 'plan',
      title: 'List your recent files',
      steps: [{ action: 'files.listRecent', input: { top: 10 }, rationale: expect.any(String) }],
    });
  });

  it('shares with a colleague as a view link for that person', async () => {
    const result = await planOf('share the Q3 planning workbook with Megan');
    expect(result).toMatchObject({ kind: 'plan', title: 'Share "Q3 planning workbook" with Megan Bowen (view)' });
    const steps = await stepsOf('share the Q3 planning workbook with Megan');
    expect(inputOf(steps, 'files.share')).toEqual({
      itemId: hit('id'),
      itemName: hit('name'),
      type: 'view',
      scope: 'users',
      recipients: ['meganb@example.com'],
    });
  });

  it('reads edit rights, the organisation and public links from the words', async () => {
    const edit = await stepsOf('share the spring launch brief with Megan and Adele so they can edit it');
    expect(inputOf(edit, 'files.share')).toMatchObject({
      type: 'edit',
      scope: 'users',
      recipients: ['meganb@example.com', 'adelev@example.com'],
    });
    const org = await stepsOf('share the travel policy document with everyone in the company');
    expect(inputOf(org, 'files.share')).toMatchObject({ type: 'view', scope: 'organization' });
    expect(inputOf(org, 'files.share')).not.toHaveProperty('recipients');
    const open = await stepsOf('share the spring launch brief with anyone');
    expect(inputOf(open, 'files.share')).toMatchObject({ scope: 'anonymous' });
  });

  it('asks which Megan rather than guessing', async () => {
    const asked = await questionOf('share the Q3 planning workbook with Megan', {
      directory: playgroundDirectory([MEGAN_SMITH]),
    });
    expect(asked.options).toEqual(['Megan Bowen (meganb@example.com)', 'Megan Smith (megans@example.com)']);
  });

  it('saves a summary of mail to OneDrive under the name asked for', async () => {
    const result = await planOf('save a summary of my unread mail from Contoso to OneDrive as Contoso summary');
    expect(result).toEqual({
      kind: 'plan',
      title: 'Save a summary of unread mail from Contoso to OneDrive as "Contoso summary.docx"',
      steps: [
        { action: 'mail.search', input: { from: 'Contoso', unread: true }, rationale: expect.any(String) },
        {
          action: 'text.summarise',
          input: { items: { $ref: 's1.messages' }, title: 'Unread mail from Contoso' },
          rationale: expect.any(String),
        },
        {
          action: 'files.create',
          input: { path: 'Contoso summary.docx', content: { $ref: 's2.summary' }, conflictBehavior: 'rename' },
          rationale: expect.any(String),
        },
      ],
    });
    const text = await stepsOf("put a summary of this week's mail from Fabrikam in my OneDrive as a text file");
    expect(inputOf(text, 'files.create')).toMatchObject({ path: "Summary of this week's mail from Fabrikam.txt" });
  });

  it.each([
    'find a time for Megan and me next week',
    'Email Megan Bowen a summary of my unread mail from Contoso',
    'find my unread mail from Contoso',
    'share it with Megan',
    "what's in my inbox",
    'read my mail from Contoso',
    "Post a summary of this week's mail from Contoso to the General channel",
  ])('leaves "%s" to the other intents', async (outcome) => {
    const result = await planOf(outcome);
    const actions = result.kind === 'plan' ? actionsOf(result.steps) : [];
    expect(actions.some((a) => a.startsWith('files.'))).toBe(false);
  });

  it('proposes inputs the files actions accept', async () => {
    const catalogue = createCatalogue({} as GraphGateway);
    const outputs: Record<string, unknown> = {
      's1.items.0.id': '01ABC',
      's1.items.0.name': 'Q3 planning workbook.xlsx',
      's2.summary': 'A summary.',
    };
    for (const outcome of [
      'share the Q3 planning workbook with Megan',
      "what's in the spring launch brief",
      'save a summary of my unread mail from Contoso to OneDrive as Contoso summary',
    ]) {
      for (const s of await stepsOf(outcome)) {
        if (!s.action.startsWith('files.')) continue;
        const input = Object.fromEntries(
          Object.entries(s.input).map(([k, v]) => [
            k,
            typeof v === 'object' && v !== null && '$ref' in v ? outputs[String((v as { $ref: string }).$ref)] : v,
          ]),
        );
        expect(catalogue.get(s.action)?.input.safeParse(input).success).toBe(true);
      }
    }
  });
});
