import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { display } from '../common/display';
import { mailMessage, type MailMessage } from '../common/schemas';

export const summariseInput = z
  .object({
    /** Mail messages (mail.search's messages, or a channel's items). */
    items: z.array(mailMessage).optional(),
    /** Or the text of one document (files.readText's text). */
    text: z.string().optional(),
    /** The document's id, for provenance (files.readText's itemId). */
    sourceId: z.string().optional(),
    title: z.string().min(1).optional(),
    /** At most this many messages, or lines of a document. */
    maxItems: z.number().int().min(1).max(50).default(10),
  })
  .refine((i) => (i.items === undefined) !== (i.text === undefined), {
    message: 'give either items (messages) or text (a document)',
  });
export type SummariseInput = z.infer<typeof summariseInput>;
/** A summary of messages. */
export type MessagesInput = Omit<SummariseInput, 'items' | 'text' | 'sourceId'> & { items: MailMessage[] };

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
export function summarise(input: MessagesInput): SummariseOutput {
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

/** Lines that carry no content of their own: rules, page numbers, empty table cells. */
const FILLER = /^[\s\-_=*#|\d.]*$/;

/**
 * A deterministic extractive summary of a document: the first meaningful sentence of each of
 * its first paragraphs (headings kept as they are), at most `maxItems` lines. Nothing is invented.
 */
export function summariseDocument(input: {
  text: string;
  title?: string | undefined;
  maxItems: number;
  sourceId?: string | undefined;
}): SummariseOutput {
  const heading = input.title ? `${input.title}\n` : '';
  const paragraphs = input.text
    .split(/\n\s*\n|\r?\n(?=[-*•]|\d+[.)]\s)/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0 && !FILLER.test(p));
  const sourceIds = input.sourceId ? [input.sourceId] : [];
  if (paragraphs.length === 0) return { summary: `${heading}The document has no text.`, sourceIds };
  const lines = paragraphs.slice(0, input.maxItems).map((p) => `- ${firstSentence(p)}`);
  const shown =
    paragraphs.length > input.maxItems ? ` (the first ${input.maxItems} of ${paragraphs.length} paragraphs)` : '';
  return { summary: `${heading}${plural(paragraphs.length, 'paragraph')}${shown}.\n\n${lines.join('\n')}`, sourceIds };
}

export function textSummarise(): ActionSpec<SummariseInput, SummariseOutput> {
  return {
    name: 'text.summarise',
    description:
      'Summarise a list of mail messages (items, as returned by mail.search) into short text: a count line, then per thread each sender, date and first meaningful sentence. Or summarise one document (text, as returned by files.readText): the first meaningful sentence of each of its first paragraphs. No Microsoft 365 call; no side effect.',
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
      if (input.text !== undefined) {
        const doc = input.title !== undefined ? `"${display(input.title)}"` : 'a document';
        return {
          title: `Summarise ${doc}`,
          target: 'A summary for you (nothing is sent)',
          reads: `The text of ${doc}`,
          fields: [
            { label: 'Document', value: input.title !== undefined ? display(input.title) : 'The document read' },
            { label: 'At most (lines)', value: display(input.maxItems ?? 10) },
          ],
        };
      }
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
      const output =
        input.text !== undefined
          ? summariseDocument({ ...input, text: input.text })
          : summarise({ ...input, items: input.items ?? [] });
      return { output, provenance: output.sourceIds };
    },
  };
}
