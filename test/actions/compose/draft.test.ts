import { composeDraft } from '../../../src/actions/compose';
import { SPOTLIGHT_INSTRUCTIONS } from '../../../src/llm/spotlight';
import { ctx, expectInBlock, MAILS, outsideBlocks, ScriptedLlm, USAGE } from './support';

async function run(llm: ScriptedLlm, input: Record<string, unknown>) {
  const spec = composeDraft(llm);
  return spec.run(spec.input.parse(input), ctx());
}

describe('compose.draft', () => {
  it('drafts an email from sources, with provenance, titled sources and usage', async () => {
    const llm = new ScriptedLlm({
      subject: 'Renewal: next steps',
      body: 'Hi Dana,\n\nTerms follow by Friday.\n\nAlex',
      sourceIds: ['m1'],
    });
    const result = await run(llm, {
      kind: 'email',
      instructions: 'Reply to Dana that terms come Friday',
      sources: MAILS,
      tone: 'friendly',
    });
    expect(result).toEqual({
      output: {
        subject: 'Renewal: next steps',
        body: 'Hi Dana,\n\nTerms follow by Friday.\n\nAlex',
        sourceIds: ['m1'],
      },
      provenance: ['m1'],
      sources: [{ id: 'm1', title: 'Renewal terms — Dana Whitman' }],
      usage: USAGE,
    });
    const { system, user } = llm.prompt();
    expect(system).toContain(SPOTLIGHT_INSTRUCTIONS);
    expect(llm.only().jsonSchema).toMatchObject({ name: 'compose_draft', strict: true });
    expect(user).toContain('Tone: friendly.');
    expect(user).toContain('Alex Wilber');
  });

  it('keeps the instructions outside the blocks and each source inside one', async () => {
    const llm = new ScriptedLlm({ subject: 'S', body: 'B', sourceIds: [] });
    await run(llm, { kind: 'email', instructions: 'Thank Raj for the IT review', sources: MAILS });
    const { user } = llm.prompt();
    for (const m of MAILS) expectInBlock(user, m);
    const rest = outsideBlocks(user);
    expect(rest).toContain('Thank Raj for the IT review');
    for (const m of MAILS) {
      expect(rest).not.toContain(m.subject);
      expect(rest).not.toContain(m.from.name);
      expect(rest).not.toContain(m.from.address);
    }
  });

  it("tells the model what time it is in the requester's time zone, so 'Friday' resolves", async () => {
    const llm = new ScriptedLlm({ subject: 'S', body: 'B', sourceIds: [] });
    const spec = composeDraft(llm);
    await spec.run(spec.input.parse({ kind: 'email', instructions: 'Invite Raj for Friday' }), {
      ...ctx(),
      timeZone: 'Europe/Berlin',
    });
    expect(outsideBlocks(llm.prompt().user)).toContain(
      'Now: Wednesday 5 March 2025, 13:00 in Europe/Berlin (UTC+01:00); 2025-03-05T12:00:00Z in UTC',
    );
  });

  it('drafts a post with an empty subject, whatever the model says', async () => {
    const llm = new ScriptedLlm({ subject: 'A title nobody asked for', body: 'Renewal is on track.', sourceIds: [] });
    const result = await run(llm, { kind: 'post', instructions: 'Tell the channel the renewal is on track' });
    expect(result.output).toEqual({ subject: '', body: 'Renewal is on track.', sourceIds: [] });
    expect(result.provenance).toEqual([]);
    expect(llm.prompt().user).toContain('No messages were provided.');
  });

  it('drafts a document with its title as the subject', async () => {
    const llm = new ScriptedLlm({
      subject: 'Renewal plan',
      body: 'Goals\n\nTwo-year renewal.',
      sourceIds: ['m1', 'm9'],
    });
    const result = await run(llm, { kind: 'document', instructions: 'Write a renewal plan', sources: MAILS });
    expect(result.output).toEqual({ subject: 'Renewal plan', body: 'Goals\n\nTwo-year renewal.', sourceIds: ['m1'] });
  });

  it('rejects an email without a subject as compose_invalid, after one call', async () => {
    const llm = new ScriptedLlm(
      { subject: ' ', body: 'Hi', sourceIds: [] },
      { subject: 'S', body: 'B', sourceIds: [] },
    );
    await expect(run(llm, { kind: 'email', instructions: 'Say hi' })).rejects.toMatchObject({
      kind: 'planner',
      code: 'compose_invalid',
    });
    expect(llm.requests).toHaveLength(1);
  });

  it('rejects a truncated JSON answer as compose_invalid', async () => {
    const llm = new ScriptedLlm('{"subject": "Renewal", "body": "Hi Da');
    await expect(run(llm, { kind: 'email', instructions: 'Say hi' })).rejects.toMatchObject({
      code: 'compose_invalid',
    });
    expect(llm.requests).toHaveLength(1);
  });

  it('needs instructions of 1 to 2000 characters and a known kind', () => {
    const spec = composeDraft(new ScriptedLlm());
    expect(spec.input.safeParse({ kind: 'email', instructions: '' }).success).toBe(false);
    expect(spec.input.safeParse({ kind: 'email', instructions: '   ' }).success).toBe(false);
    expect(spec.input.safeParse({ kind: 'email', instructions: 'a'.repeat(2000) }).success).toBe(true);
    expect(spec.input.safeParse({ kind: 'email', instructions: 'a'.repeat(2001) }).success).toBe(false);
    expect(spec.input.safeParse({ kind: 'tweet', instructions: 'hi' }).success).toBe(false);
    expect(spec.input.safeParse({ kind: 'post', instructions: 'hi', tone: 'angry' }).success).toBe(false);
  });

  it('describes itself with its instructions and sources', () => {
    const spec = composeDraft(new ScriptedLlm());
    expect(spec.risk).toBe('compose');
    expect(spec.permissions).toEqual({ delegated: [], application: [] });
    expect(spec.destinations).toBeUndefined();
    expect(spec.editable).toEqual([{ name: 'instructions', label: 'Instructions', kind: 'multiline' }]);
    expect(
      spec.describe({ kind: 'email', instructions: 'Reply to Dana', sources: { $ref: 's1.messages' }, tone: 'formal' }),
    ).toEqual({
      title: 'Draft an email with AI from the messages (from step 1)',
      target: 'A draft for you (nothing is sent)',
      reads:
        'Your instructions, and the sender, date, subject and preview of the messages (from step 1), given to the AI model as data',
      fields: [
        { label: 'Kind', value: 'email' },
        { label: 'Instructions', value: 'Reply to Dana' },
        { label: 'Tone', value: 'formal' },
        { label: 'Messages', value: '(from step 1)' },
      ],
    });
    const post = spec.describe({ kind: 'post', instructions: 'Announce the launch' });
    expect(post.title).toBe('Draft a channel post with AI');
    expect(post.reads).toBe('Your instructions only');
  });
});
