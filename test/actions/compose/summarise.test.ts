import { composeSummarise } from '../../../src/actions/compose';
import { MAX_PREVIEW_CHARS, MAX_SOURCES } from '../../../src/actions/compose/sources';
import { SPOTLIGHT_INSTRUCTIONS } from '../../../src/llm/spotlight';
import { DelegateError } from '../../../src/engine/errors';
import { blocksIn, ctx, expectInBlock, mail, MAILS, outsideBlocks, ScriptedLlm, USAGE } from './support';

async function run(llm: ScriptedLlm, input: Record<string, unknown>) {
  const spec = composeSummarise(llm);
  return spec.run(spec.input.parse(input), ctx());
}

describe('compose.summarise', () => {
  it('returns the model summary with provenance, titled sources and usage', async () => {
    const llm = new ScriptedLlm({
      summary: 'Contoso wants to renew for two years; legal needs the DPA.',
      sourceIds: ['m2', 'm1'],
    });
    const result = await run(llm, { items: MAILS, title: 'Contoso this week' });
    expect(result).toEqual({
      output: {
        summary: 'Contoso this week\nContoso wants to renew for two years; legal needs the DPA.',
        sourceIds: ['m2', 'm1'],
      },
      provenance: ['m2', 'm1'],
      sources: [
        { id: 'm2', title: 'RE: Renewal terms — Raj Patel' },
        { id: 'm1', title: 'Renewal terms — Dana Whitman' },
      ],
      usage: USAGE,
    });
  });

  it('makes exactly one structured-output call with the system rules and spotlighting', async () => {
    const llm = new ScriptedLlm({ summary: 'ok', sourceIds: [] });
    await run(llm, { items: MAILS, maxWords: 80 });
    const request = llm.only();
    expect(request.jsonSchema?.name).toBe('compose_summary');
    expect(request.jsonSchema?.strict).toBe(true);
    expect(request.jsonSchema?.schema).toMatchObject({
      required: ['summary', 'sourceIds'],
      additionalProperties: false,
    });
    const { system, user } = llm.prompt();
    expect(system).toContain(SPOTLIGHT_INSTRUCTIONS);
    expect(user).toContain('at most 80 words');
  });

  it('passes every mail only as an untrusted block, and the instructions outside the blocks', async () => {
    const llm = new ScriptedLlm({ summary: 'ok', sourceIds: [] });
    await run(llm, { items: MAILS, instructions: 'Focus on deadlines for legal' });
    const { system, user } = llm.prompt();
    for (const m of MAILS) {
      expectInBlock(user, m);
      expect(user).not.toContain(m.bodyPreview);
      expect(system).not.toContain(m.id);
    }
    const instructionsAt = user.indexOf('Focus on deadlines for legal');
    expect(instructionsAt).toBeGreaterThanOrEqual(0);
    expect(instructionsAt).toBeLessThan(user.indexOf('\u27E6untrusted-data'));
    expect(outsideBlocks(user)).toContain('Focus on deadlines for legal');
    expect(blocksIn(user)).toHaveLength(MAILS.length);
    for (const b of blocksIn(user)) expect(b.body).not.toContain('Focus');
  });

  it('rejects an answer that is not JSON as compose_invalid, after one call', async () => {
    const llm = new ScriptedLlm('Here is your summary: Contoso wants to renew.', {
      summary: 'never asked for',
      sourceIds: [],
    });
    const failure = run(llm, { items: MAILS });
    await expect(failure).rejects.toBeInstanceOf(DelegateError);
    await expect(failure).rejects.toMatchObject({ kind: 'planner', code: 'compose_invalid' });
    expect(llm.requests).toHaveLength(1);
  });

  it('rejects JSON of the wrong shape as compose_invalid without quoting it', async () => {
    const llm = new ScriptedLlm({ summary: '', sourceIds: 'm1', secret: 'Dana says hi' });
    const failure = run(llm, { items: MAILS });
    await expect(failure).rejects.toMatchObject({ code: 'compose_invalid' });
    const error = (await failure.catch((e: unknown) => e)) as DelegateError;
    expect(String((error.cause as Error).message)).not.toContain('Dana');
    expect(llm.requests).toHaveLength(1);
  });

  it('drops source ids that were not in the input, and repeats', async () => {
    const llm = new ScriptedLlm({ summary: 'ok', sourceIds: ['m3', 'made-up', 'm3', 'evil-1'] });
    const result = await run(llm, { items: MAILS });
    expect(result.output.sourceIds).toEqual(['m3']);
    expect(result.provenance).toEqual(['m3']);
    expect(result.sources).toEqual([{ id: 'm3', title: 'Security questionnaire — Sofia Marin' }]);
  });

  it('shows at most the 25 most recent messages, each preview truncated', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      mail(
        `id-${String(i).padStart(2, '0')}`,
        `Subject ${i}`,
        'Dana Whitman',
        new Date(Date.UTC(2025, 2, 1, 0, i)).toISOString(),
        `${'x'.repeat(5000)} tail-${i}`,
      ),
    );
    const llm = new ScriptedLlm({ summary: 'ok', sourceIds: ['id-39', 'id-00'] });
    const result = await run(llm, { items: many });
    const { user } = llm.prompt();
    const shown = many.filter((m) => user.includes(`"${m.id}"`)).map((m) => m.id);
    expect(shown).toHaveLength(MAX_SOURCES);
    expect(shown).toContain('id-39');
    expect(shown).not.toContain('id-14');
    expect(user).not.toContain('tail-');
    expect(user).not.toContain('x'.repeat(MAX_PREVIEW_CHARS));
    expect(user.length).toBeLessThan(MAX_SOURCES * (MAX_PREVIEW_CHARS + 600));
    // A message the model was never shown cannot be cited.
    expect(result.output.sourceIds).toEqual(['id-39']);
  });

  it('needs no model call when there is nothing to summarise', async () => {
    const llm = new ScriptedLlm();
    const result = await run(llm, { items: [], title: 'Contoso' });
    expect(result).toEqual({ output: { summary: 'Contoso\nNo matching mail.', sourceIds: [] }, provenance: [] });
    expect(llm.requests).toHaveLength(0);
  });

  it('passes the step signal to the model call', async () => {
    const llm = new ScriptedLlm({ summary: 'ok', sourceIds: [] });
    const spec = composeSummarise(llm);
    const controller = new AbortController();
    await spec.run(spec.input.parse({ items: MAILS }), ctx(controller.signal));
    expect(llm.only().signal).toBe(controller.signal);
  });

  it('limits instructions to 1000 characters', () => {
    const spec = composeSummarise(new ScriptedLlm());
    expect(spec.input.safeParse({ items: [], instructions: 'a'.repeat(1000) }).success).toBe(true);
    expect(spec.input.safeParse({ items: [], instructions: 'a'.repeat(1001) }).success).toBe(false);
  });

  it('describes itself: what it reads, that nothing is sent, and the focus', () => {
    const spec = composeSummarise(new ScriptedLlm());
    expect(spec.risk).toBe('compose');
    expect(spec.permissions).toEqual({ delegated: [], application: [] });
    expect(spec.destinations).toBeUndefined();
    expect(spec.editable.map((f) => f.name)).toEqual(['instructions', 'title', 'maxWords']);
    const preview = spec.describe({ items: { $ref: 's1.messages' }, instructions: 'deadlines' });
    expect(preview).toEqual({
      title: 'Summarise the messages (from step 1) with AI',
      target: 'A summary for you (nothing is sent)',
      reads: 'Sender, date, subject and preview of the messages (from step 1), given to the AI model as data',
      fields: [
        { label: 'Messages', value: '(from step 1)' },
        { label: 'Focus on', value: 'deadlines' },
        { label: 'At most', value: '200 words' },
      ],
    });
    expect(spec.describe({ items: Array.from({ length: 30 }, () => MAILS[0]) }).title).toBe(
      'Summarise the 25 most recent of 30 messages with AI',
    );
  });
});
