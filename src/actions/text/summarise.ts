import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { display } from '../common/display';
import { mailMessage, type MailMessage } from '../common/schemas';

export const summariseInput = z.object({
  items: z.array(mailMessage),
  title: z.string().min(1).optional(),
  maxItems: z.number().int().min(1).max(50).default(10),
});
export type SummariseInput = z.infer<typeof summariseInput>;

export const summariseOutput = z.object({ summary: z.string(), sourceIds: z.array(z.string()) });
export type SummariseOutput = z.infer<typeof summariseOutput>;

// A salutation up to its comma ("Hi Alex,", "Dear Megan,", "Hello team!"); never past a sentence end.
const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b[^,.!?:\n]{0,40}[,!:\n-]\s*/i;
const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|tr)\s*:\s*)+/i;
const MAX_SENTENCE = 160;

/** The thread a subject belongs to: reply and forward prefixes removed, case ignored. */
export function threadKey(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim().toLowerCase();
}

/** The first sentence of a preview that says something (greetings skipped), at most 160 characters. */
export function firstSentence(preview: string): string {
  let text = preview.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2 && GREETING.test(text); i += 1) text = text.replace(GREETING, '').trim();
  const sentence = (/^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text).trim();
  if (sentence.length === 0) return '(no preview)';
  return sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1).trimEnd()}…` : sentence;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A deterministic extractive summary: newest first, grouped by thread (ordered by each
 * thread's newest message), one line per message with sender, date and its first meaningful
 * sentence. Nothing is invented and nothing in the mail is treated as an instruction.
 */
export function summarise(input: SummariseInput): SummariseOutput {
  const heading = input.title ? `${input.title}\n` : '';
  if (input.items.length === 0) return { summary: `${heading}No matching mail.`, sourceIds: [] };
  const time = (m: MailMessage): number => Date.parse(m.receivedDateTime) || 0;
  const sorted = [...input.items].sort((a, b) => time(b) - time(a) || a.id.localeCompare(b.id));
  const used = sorted.slice(0, input.maxItems);
  const threads = new Map<string, MailMessage[]>();
  for (const message of used) {
    const key = threadKey(message.subject);
    threads.set(key, [...(threads.get(key) ?? []), message]);
  }
  const senders = new Set(used.map((m) => (m.from.address || m.from.name).toLowerCase()));
  const shown = used.length < input.items.length ? ` (the ${used.length} most recent of ${input.items.length})` : '';
  const lines = [
    `${plural(used.length, 'message')} from ${plural(senders.size, 'sender')} in ${plural(threads.size, 'thread')}${shown}.`,
  ];
  for (const messages of threads.values()) {
    const subject = messages[0]?.subject.replace(REPLY_PREFIX, '').trim() || '(no subject)';
    lines.push('', `${subject}:`);
    for (const m of messages) {
      const who = m.from.name || m.from.address || 'Unknown sender';
      lines.push(`- ${who}, ${m.receivedDateTime.slice(0, 10)}: ${firstSentence(m.bodyPreview)}`);
    }
  }
  return { summary: `${heading}${lines.join('\n')}`, sourceIds: used.map((m) => m.id) };
}

export function textSummarise(): ActionSpec<SummariseInput, SummariseOutput> {
  return {
    name: 'text.summarise',
    description:
      'Summarise a list of mail messages (as returned by mail.search) into short text: a count line, then per thread each sender, date and first meaningful sentence. No Microsoft 365 call; no side effect.',
    input: summariseInput,
    output: summariseOutput,
    risk: 'compose',
    permissions: { delegated: [], application: [] },
    editable: [
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'maxItems', label: 'At most (messages)', kind: 'number' },
    ],
    describe(input) {
      const items = input.items;
      const source = Array.isArray(items) ? `${items.length} messages` : `the messages ${display(items)}`;
      return {
        title: `Summarise ${source}`,
        target: 'A summary for you (nothing is sent)',
        reads: `Sender, date, subject and preview of ${source}`,
        fields: [
          { label: 'Messages', value: Array.isArray(items) ? String(items.length) : display(items) },
          ...(input.title !== undefined ? [{ label: 'Title', value: display(input.title) }] : []),
          { label: 'At most', value: display(input.maxItems ?? 10) },
        ],
      };
    },
    async run(input) {
      const output = summarise(input);
      return { output, provenance: output.sourceIds };
    },
  };
}
