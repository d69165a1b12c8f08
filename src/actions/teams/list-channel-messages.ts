import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { GraphError } from '../../graph/errors';
import type { BatchResponse, GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { isoInstant, mailMessage, type MailMessage } from '../common/schemas';
import { channelFields, channelMessagesPath, place } from './channel-fields';
import { authorOf, isReadable, plainText, type GraphChatMessage } from './message-text';

export const listChannelMessagesInput = z.object({
  ...channelFields,
  /** Most recent posts to read (Teams pages hold at most 50). */
  top: z.number().int().min(1).max(50).default(10),
  /** Replies read per post, newest kept; 0 reads posts only. */
  repliesPerPost: z.number().int().min(0).max(50).default(10),
  /** Only posts created at or after this instant. */
  since: isoInstant.optional(),
  /** Only posts created at or before this instant. */
  until: isoInstant.optional(),
});
export type ListChannelMessagesInput = z.infer<typeof listChannelMessagesInput>;

const reply = z.object({ id: z.string(), author: z.string(), createdDateTime: z.string(), text: z.string() });
const post = reply.extend({ webUrl: z.string(), replies: z.array(reply) });
export type ChannelPost = z.infer<typeof post>;

export const listChannelMessagesOutput = z.object({
  /** Newest first; each post's replies oldest first, as a thread reads. */
  posts: z.array(post),
  /** The newest post, or null when there is none (what "the latest post" means). */
  latest: post.nullable(),
  /** Posts and replies as message items (a reply's subject is "Re: " its post's), ready for text.summarise. */
  items: z.array(mailMessage),
  count: z.number().int(),
});
export type ListChannelMessagesOutput = z.infer<typeof listChannelMessagesOutput>;

const SUBJECT_LENGTH = 80;
const PREVIEW_LENGTH = 255;

function clipTo(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function asItems(p: ChannelPost): MailMessage[] {
  const subject = clipTo(p.text.split('\n')[0] ?? '', SUBJECT_LENGTH) || '(no text)';
  const item = (m: z.infer<typeof reply>, s: string): MailMessage => ({
    id: m.id,
    subject: s,
    from: { name: m.author, address: '' },
    receivedDateTime: m.createdDateTime,
    bodyPreview: clipTo(m.text, PREVIEW_LENGTH),
    isRead: true,
    ...(p.webUrl ? { webLink: p.webUrl } : {}),
  });
  return [item(p, subject), ...p.replies.map((r) => item(r, `Re: ${subject}`))];
}

function toReply(m: GraphChatMessage): z.infer<typeof reply> {
  return { id: m.id, author: authorOf(m), createdDateTime: m.createdDateTime ?? '', text: plainText(m.body) };
}

/** The replies of one post from its batch answer; a failed sub-request fails the read like a direct call would. */
function repliesFrom(
  answer: BatchResponse<{ value?: GraphChatMessage[] }> | undefined,
  what: string,
): GraphChatMessage[] {
  if (answer && answer.status >= 200 && answer.status < 300) return answer.body?.value ?? [];
  const graphCode = (answer?.body as { error?: { code?: string } } | undefined)?.error?.code;
  throw new GraphError({
    status: answer?.status ?? 0,
    graphCode,
    clientRequestId: '',
    ambiguous: false,
    what,
    identity: 'user',
    requestId: answer?.headers['request-id'],
  });
}

export function listChannelMessages(
  gateway: GraphGateway,
): ActionSpec<ListChannelMessagesInput, ListChannelMessagesOutput> {
  return {
    name: 'teams.listChannelMessages',
    description:
      'Read the most recent posts of a Teams channel the requester belongs to (top, at most 50; optionally only between since and until), each with its latest replies (repliesPerPost). Output: posts (newest first), latest (the newest post, its id for teams.replyToMessage) and items (for text.summarise).',
    input: listChannelMessagesInput,
    output: listChannelMessagesOutput,
    risk: 'read',
    permissions: { delegated: ['ChannelMessage.Read.All'], application: ['ChannelMessage.Read.All'] },
    editable: [{ name: 'top', label: 'Posts to read', kind: 'number' }],
    describe(input) {
      const since = `${input.since !== undefined ? ` since ${display(input.since)}` : ''}${input.until !== undefined ? ` until ${display(input.until)}` : ''}`;
      const top = typeof input.top === 'number' ? input.top : 10;
      return {
        title: `Read recent posts in ${place(input)}`,
        target: place(input),
        reads: `The ${top} most recent posts${since} in ${place(input)}, with their replies`,
        fields: [
          { label: 'Channel', value: place(input) },
          { label: 'Posts', value: `${top} most recent${since}` },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const path = channelMessagesPath(input);
      const what = `${input.channelName || 'the channel'}`;
      const page = await graph.get<{ value?: GraphChatMessage[] }>(
        path,
        { $top: input.top },
        { signal: ctx.signal, what },
      );
      const since = input.since ? Date.parse(input.since) : -Infinity;
      const until = input.until ? Date.parse(input.until) : Infinity;
      const inRange = (m: GraphChatMessage): boolean => {
        const created = Date.parse(m.createdDateTime ?? '');
        return created >= since && created <= until;
      };
      const roots = (page?.value ?? []).filter((m) => isReadable(m) && inRange(m)).slice(0, input.top);
      const answers =
        input.repliesPerPost > 0 && roots.length > 0
          ? await graph.batch<{ value?: GraphChatMessage[] }>(
              roots.map((m) => ({ url: `${path}/${encodeURIComponent(m.id)}/replies?$top=${input.repliesPerPost}` })),
              { signal: ctx.signal, what },
            )
          : [];
      const posts: ChannelPost[] = roots.map((m, i) => ({
        ...toReply(m),
        webUrl: m.webUrl ?? '',
        replies:
          input.repliesPerPost > 0 ? repliesFrom(answers[i], what).filter(isReadable).map(toReply).reverse() : [],
      }));
      const provenance = posts.flatMap((p) => [p.id, ...p.replies.map((r) => r.id)]);
      return {
        output: { posts, latest: posts[0] ?? null, items: posts.flatMap(asItems), count: posts.length },
        provenance,
      };
    },
  };
}
