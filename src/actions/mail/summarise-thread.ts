import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { odataLiteral, userRoot } from '../common/keys';
import { summarise } from '../text/summarise';
import { IMMUTABLE_IDS, toMailMessage, type GraphMessage } from './message';
import { messagePath } from './read';

export const summariseThreadInput = z.object({
  /** Any message of the thread, e.g. mail.search's `messages.0.id`. */
  messageId: z.string().min(1),
  maxItems: z.number().int().min(1).max(50).default(20),
  /** That message's subject, for the card. */
  subject: z.string().optional(),
});
export type SummariseThreadInput = z.infer<typeof summariseThreadInput>;

export const summariseThreadOutput = z.object({
  summary: z.string(),
  subject: z.string(),
  conversationId: z.string(),
  count: z.number().int(),
  sourceIds: z.array(z.string()),
});
export type SummariseThreadOutput = z.infer<typeof summariseThreadOutput>;

const SELECT = 'id,subject,from,receivedDateTime,bodyPreview,isRead,webLink,isDraft,conversationId';
const PAGE_SIZE = 50;
const MAX_PAGES = 2;
const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|tr)\s*:\s*)+/i;

export function mailSummariseThread(gateway: GraphGateway): ActionSpec<SummariseThreadInput, SummariseThreadOutput> {
  return {
    name: 'mail.summariseThread',
    description:
      "Summarise a whole mail conversation: given one message (messageId, e.g. mail.search's messages.0.id), read every message of its thread in the requester's mailbox (sent ones included) and produce the same extractive summary as text.summarise (sender, date, first meaningful sentence each). No side effect.",
    input: summariseThreadInput,
    output: summariseThreadOutput,
    risk: 'read',
    permissions: { delegated: ['Mail.Read'], application: ['Mail.Read'] },
    editable: [{ name: 'maxItems', label: 'At most (messages)', kind: 'number' }],
    describe(input) {
      const thread =
        input.subject === undefined
          ? `the thread of message ${display(input.messageId)}`
          : `the thread "${display(input.subject)}"`;
      return {
        title: input.subject === undefined ? 'Summarise a mail thread' : `Summarise ${thread}`,
        target: 'A summary for you (nothing is sent)',
        reads: `Sender, date, subject and preview of every message in ${thread}`,
        fields: [
          { label: 'Thread', value: input.subject === undefined ? display(input.messageId) : display(input.subject) },
          { label: 'At most', value: display(input.maxItems ?? 20) },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const options = { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'the message' };
      const anchor = await graph.get<GraphMessage>(
        messagePath(ctx.actor.id, input.messageId),
        { $select: 'id,subject,conversationId' },
        options,
      );
      const conversationId = anchor.conversationId ?? '';
      // Graph cannot order a conversationId filter by date; the summary orders the messages itself.
      const found = conversationId
        ? await graph.getAll<GraphMessage>(`${userRoot(ctx.actor.id)}/messages`, {
            query: { $filter: `conversationId eq ${odataLiteral(conversationId)}`, $select: SELECT, $top: PAGE_SIZE },
            maxPages: MAX_PAGES,
            headers: IMMUTABLE_IDS,
            signal: ctx.signal,
            what: 'the thread',
          })
        : [anchor];
      const items = found.filter((m) => m.isDraft !== true).map(toMailMessage);
      const subject = (anchor.subject ?? '').replace(REPLY_PREFIX, '').trim() || '(no subject)';
      const { summary, sourceIds } = summarise({ items, title: `Thread: ${subject}`, maxItems: input.maxItems });
      return {
        output: { summary, subject, conversationId, count: items.length, sourceIds },
        provenance: [...new Set([anchor.id, ...sourceIds])],
        sources: items
          .filter((m) => sourceIds.includes(m.id))
          .map((m) => ({ id: m.id, title: `${m.from.name || m.from.address}: ${m.subject}` })),
      };
    },
  };
}
