import { z } from 'zod';
import type { ActionContext, ActionSpec } from '../engine/catalogue';
import type { GraphGateway, GraphPort } from '../graph/types';
import { display } from './common/display';
import { escapeHtml, textToHtml } from './common/html';


export const postChannelMessageInput = z.object({
  teamId: z.string().min(1),
  channelId: z.string().min(1),
  channelName: z.string(),
  teamName: z.string(),
  text: z.string().min(1).max(20_000),
});
export type PostChannelMessageInput = z.infer<typeof postChannelMessageInput>;

export const postChannelMessageOutput = z.object({ messageId: z.string(), webUrl: z.string() });
export type PostChannelMessageOutput = z.infer<typeof postChannelMessageOutput>;

interface ChatMessage {
  readonly id: string;
  readonly webUrl?: string | null;
  readonly body?: { readonly content?: string | null } | null;
}

/** Channel messages looked at when reconciling a retry: Teams pages are at most 50. */
const RECONCILE_PAGE = 50;
const RECONCILE_PAGES = 2;

/** The invisible marker that ties a post to the step that made it. */
export function keyMarker(key: string): string {
  return `<span data-delegate-key="${escapeHtml(key)}"></span>`;
}

/** The HTML body of a post: the text as paragraphs, then the step's marker. */
export function postBody(text: string, key: string): string {
  return `${textToHtml(text)}${keyMarker(key)}`;
}

function channelPath(input: PostChannelMessageInput): string {
  return `/teams/${encodeURIComponent(input.teamId)}/channels/${encodeURIComponent(input.channelId)}/messages`;
}

/** A recent post carrying this step's marker, if a previous attempt already posted. */
async function findPosted(graph: GraphPort, input: PostChannelMessageInput, ctx: ActionContext): Promise<ChatMessage | undefined> {
  const recent = await graph.getAll<ChatMessage>(channelPath(input), {
    query: { $top: RECONCILE_PAGE },
    maxPages: RECONCILE_PAGES,
    signal: ctx.signal,
    what: 'the channel',
  });
  const marker = keyMarker(ctx.idempotencyKey);
  return recent.find((m) => (m.body?.content ?? '').includes(marker));
}

function place(input: Record<string, unknown>): string {
  return `${display(input.teamName) || 'the team'} › ${display(input.channelName) || 'the channel'}`;
}

export function postChannelMessage(gateway: GraphGateway): ActionSpec<PostChannelMessageInput, PostChannelMessageOutput> {
  return {
    name: 'teams.postChannelMessage',
    description:
      'Post a new message (plain text; blank lines start paragraphs) in a Teams channel the requester belongs to, as the requester. Posts exactly once per step, even when retried.',
    input: postChannelMessageInput,
    output: postChannelMessageOutput,
    risk: 'write-internal',
    // Posting as a user needs delegated permission; Graph lets applications post only for migration.
    permissions: { delegated: ['ChannelMessage.Send', 'ChannelMessage.Read.All'], application: [] },
    destinations: (input) =>
      typeof input.teamId === 'string' && typeof input.channelId === 'string'
        ? [{ kind: 'channel', value: `${input.teamId}/${input.channelId}`, label: typeof input.channelName === 'string' ? input.channelName : undefined, field: 'channelId' }]
        : [],
    contentFields: ['text'],
    editable: [{ name: 'text', label: 'Message', kind: 'multiline' }],
    describe(input) {
      return {
        title: `Post in ${place(input)}`,
        target: place(input),
        reads: typeof input.text === 'string' ? 'Nothing: the message is posted as written below' : `The text produced ${display(input.text)}`,
        fields: [
          { label: 'Channel', value: place(input) },
          { label: 'Message', value: display(input.text) },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const existing = ctx.attempt > 1 ? await findPosted(graph, input, ctx) : undefined;
      const message =
        existing ??
        (await graph.post<ChatMessage>(
          channelPath(input),
          { body: { contentType: 'html', content: postBody(input.text, ctx.idempotencyKey) } },
          { signal: ctx.signal, what: 'the channel' },
        ));
      return { output: { messageId: message.id, webUrl: message.webUrl ?? '' }, provenance: [] };
    },
  };
}
