import { firstSentence, summarise, textSummarise, threadKey } from '../../src/actions/text/summarise';
import type { MailMessage } from '../../src/actions/common/schemas';
import { TEST_NOW } from '../support/clock';

function message(id: string, subject: string, from: string, at: string, preview: string): MailMessage {
  return {
    id,
    subject,
    from: { name: from, address: `${from.toLowerCase().split(' ')[0]}@contoso.com` },
    receivedDateTime: at,
    bodyPreview: preview,
    isRead: false,
  };
}

const mail = [
  message(
    'm1',
    'Renewal terms',
    'Dana Whitman',
    '2025-03-03T09:00:00Z',
    'Hi Alex, We would like to renew for two years. Can you send terms?',
  ),
  message(
    'm2',
    'RE: Renewal terms',
    'Raj Patel',
    '2025-03-04T10:00:00Z',
    'Hello team,\n\nThe IT review is done! Details follow.',
  ),
  message('m3', 'Security questionnaire', 'Sofia Marin', '2025-03-02T08:00:00Z', ''),
];

describe('text.summarise', () => {
  it('groups by thread, newest first, one line per message', () => {
    const { summary, sourceIds } = summarise({ items: mail, maxItems: 10, title: 'Mail from Contoso' });
    expect(summary).toBe(
      [
        'Mail from Contoso',
        '3 messages from 3 senders in 2 threads.',
        '',
        'Renewal terms:',
        '- Raj Patel, 2025-03-04: The IT review is done!',
        '- Dana Whitman, 2025-03-03: We would like to renew for two years.',
        '',
        'Security questionnaire:',
        '- Sofia Marin, 2025-03-02: (no preview)',
      ].join('\n'),
    );
    expect(sourceIds).toEqual(['m2', 'm1', 'm3']);
  });

  it('is deterministic whatever the input order', () => {
    expect(summarise({ items: [...mail].reverse(), maxItems: 10 })).toEqual(summarise({ items: mail, maxItems: 10 }));
  });

  it('keeps only the most recent maxItems and says so', () => {
    const { summary, sourceIds } = summarise({ items: mail, maxItems: 1 });
    expect(summary.split('\n')[0]).toBe('1 message from 1 sender in 1 thread (the 1 most recent of 3).');
    expect(sourceIds).toEqual(['m2']);
  });

  it('says so when there is no mail', async () => {
    const spec = textSummarise();
    const result = await spec.run(spec.input.parse({ items: [] }), {
      idempotencyKey: 'k',
      actor: { id: 'a', name: 'A' },
      attempt: 1,
      now: TEST_NOW,
    });
    expect(result).toEqual({ output: { summary: 'No matching mail.', sourceIds: [] }, provenance: [] });
  });

  it('finds the first meaningful sentence', () => {
    expect(firstSentence('Dear Megan, please find the deck attached. Thanks')).toBe('please find the deck attached.');
    expect(firstSentence('x'.repeat(300))).toHaveLength(160);
    expect(threadKey('RE: Fwd: Budget')).toBe('budget');
  });

  it('shows an unresolved reference as "from step N"', () => {
    const preview = textSummarise().describe({ items: { $ref: 's1.messages' }, title: 'Contoso' });
    expect(preview.title).toBe('Summarise the messages (from step 1)');
    expect(preview.fields).toContainEqual({ label: 'Messages', value: '(from step 1)' });
  });

  it('summarises a document: the first sentence of each paragraph, at most maxItems lines', async () => {
    const spec = textSummarise();
    const text =
      'Spring launch brief\n\nWe launch the spring range on 3 March in every store. Stock arrives a week before.\n\n---\n\n' +
      'Hi team, the budget is 40k. Half goes to social.\n\nPrint runs close on 10 February.';
    const input = spec.input.parse({ text, sourceId: 'doc-1', title: 'Summary of spring launch brief', maxItems: 3 });
    const result = await spec.run(input, {
      idempotencyKey: 'k',
      actor: { id: 'a', name: 'A' },
      attempt: 1,
      now: TEST_NOW,
    });
    expect(result.output.summary).toBe(
      [
        'Summary of spring launch brief',
        '4 paragraphs (the first 3 of 4 paragraphs).',
        '',
        '- Spring launch brief',
        '- We launch the spring range on 3 March in every store.',
        '- the budget is 40k.',
      ].join('\n'),
    );
    expect(result.provenance).toEqual(['doc-1']);
    expect(spec.describe({ text: { $ref: 's2.text' }, title: 'Summary of spring launch brief' }).title).toBe(
      'Summarise "Summary of spring launch brief"',
    );
  });

  it('takes messages or a document, not both and not neither', () => {
    const input = textSummarise().input;
    expect(input.safeParse({ items: [], text: 'x' }).success).toBe(false);
    expect(input.safeParse({ title: 'x' }).success).toBe(false);
  });
});
