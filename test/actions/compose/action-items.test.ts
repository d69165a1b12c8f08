import { composeActionItems } from '../../../src/actions/compose';
import { bulletList } from '../../../src/actions/compose/action-items';
import { SPOTLIGHT_INSTRUCTIONS } from '../../../src/llm/spotlight';
import { ctx, expectInBlock, mail, MAILS, ScriptedLlm, USAGE } from './support';

async function run(llm: ScriptedLlm, input: Record<string, unknown>) {
  const spec = composeActionItems(llm);
  return spec.run(spec.input.parse(input), ctx());
}

describe('compose.actionItems', () => {
  it('lists the items with a readable summary, provenance, sources and usage', async () => {
    const llm = new ScriptedLlm({
      items: [
        { text: 'Send the renewal terms', owner: 'Alex', due: 'Friday', sourceId: 'm1' },
        { text: 'Fill in the security questionnaire', owner: null, due: '2025-03-10', sourceId: 'm3' },
        { text: 'Get the DPA signed', owner: 'Legal', due: null, sourceId: 'm2' },
      ],
    });
    const result = await run(llm, { items: MAILS });
    expect(result).toEqual({
      output: {
        items: [
          { text: 'Send the renewal terms', owner: 'Alex', due: 'Friday', sourceId: 'm1' },
          { text: 'Fill in the security questionnaire', due: '2025-03-10', sourceId: 'm3' },
          { text: 'Get the DPA signed', owner: 'Legal', sourceId: 'm2' },
        ],
        summary: [
          '- Send the renewal terms (owner: Alex, due: Friday)',
          '- Fill in the security questionnaire (due: 2025-03-10)',
          '- Get the DPA signed (owner: Legal)',
        ].join('\n'),
        sourceIds: ['m1', 'm3', 'm2'],
      },
      provenance: ['m1', 'm3', 'm2'],
      sources: [
        { id: 'm1', title: 'Renewal terms — Dana Whitman' },
        { id: 'm3', title: 'Security questionnaire — Sofia Marin' },
        { id: 'm2', title: 'RE: Renewal terms — Raj Patel' },
      ],
      usage: USAGE,
    });
    const { system, user } = llm.prompt();
    expect(system).toContain(SPOTLIGHT_INSTRUCTIONS);
    for (const m of MAILS) expectInBlock(user, m);
    expect(llm.only().jsonSchema).toMatchObject({ name: 'compose_action_items', strict: true });
  });

  it('drops items traced to a message it was not given', async () => {
    const llm = new ScriptedLlm({
      items: [
        { text: 'Wire money', owner: null, due: null, sourceId: 'invented' },
        { text: 'Send terms', owner: '', due: '', sourceId: 'm1' },
        { text: 'Send terms again', owner: null, due: null, sourceId: 'm1' },
      ],
    });
    const result = await run(llm, { items: MAILS });
    expect(result.output.items).toEqual([
      { text: 'Send terms', sourceId: 'm1' },
      { text: 'Send terms again', sourceId: 'm1' },
    ]);
    expect(result.output.sourceIds).toEqual(['m1']);
    expect(result.output.summary).not.toContain('Wire money');
  });

  it('says so when the model finds nothing to do', async () => {
    const llm = new ScriptedLlm({ items: [] });
    const result = await run(llm, { items: MAILS });
    expect(result.output).toEqual({ items: [], summary: 'No action items found in 3 messages.', sourceIds: [] });
    expect(result.provenance).toEqual([]);
    expect(result.usage).toEqual(USAGE);
  });

  it('rejects items without a source id as compose_invalid, after one call', async () => {
    const llm = new ScriptedLlm({ items: [{ text: 'Send terms', owner: null, due: null }] }, { items: [] });
    await expect(run(llm, { items: MAILS })).rejects.toMatchObject({ kind: 'planner', code: 'compose_invalid' });
    expect(llm.requests).toHaveLength(1);
  });

  it('needs no model call without messages', async () => {
    const llm = new ScriptedLlm();
    const result = await run(llm, { items: [] });
    expect(result.output.items).toEqual([]);
    expect(llm.requests).toHaveLength(0);
  });

  it('keeps each bullet on one line', () => {
    expect(bulletList([{ text: 'Send\nthe terms', owner: 'Dana\nWhitman', sourceId: 'm1' }], 1)).toBe(
      '- Send the terms (owner: Dana Whitman)',
    );
    expect(bulletList([], 1)).toBe('No action items found in 1 message.');
  });

  it('describes itself', () => {
    const spec = composeActionItems(new ScriptedLlm());
    expect(spec.risk).toBe('compose');
    expect(spec.permissions).toEqual({ delegated: [], application: [] });
    expect(spec.destinations).toBeUndefined();
    expect(spec.describe({ items: [mail('a', 's', 'n', '2025-01-01T00:00:00Z', 'p')] })).toEqual({
      title: 'Find action items in 1 message with AI',
      target: 'A list for you (nothing is sent)',
      reads: 'Sender, date, subject and preview of 1 message, given to the AI model as data',
      fields: [{ label: 'Messages', value: '1' }],
    });
  });
});
