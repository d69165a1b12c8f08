import { z } from 'zod';
import type { ActionContext, ActionSpec } from '../../engine/catalogue';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { display } from '../common/display';
import { escapeHtml, textToHtml } from '../common/html';
import { channelDestination, channelFields, channelMessagesPath, place } from './channel-fields';
import { mentionDestinations, mentionNames, mentionsInput, withMentions } from './mentions';

export const postChannelMessageInput = z.object({
  ...channelFields,
  text: z.string().min(1).max(20_000),
  /** People to @mention: tagged where the text names them, else at the start. */
  mentions: mentionsInput,
});
export type PostChannelMessageInput = z.infer<typeof postChannelMessageInput>;

export const postChannelMessageOutput = z.object({ messageId: z.string(), webUrl: z.string() });
export type PostChannelMessageOutput = z.infer<typeof postChannelMessageOutput>;

/** The part of a Graph chatMessage the Teams actions read back. */
export interface ChatMessage {
  readonly id: string;
  readonly webUrl?: string | null;
  readonly body?: { readonly content?: string | null } | null;
}

/** Channel messages looked at when reconciling a retry: Teams pages are at most 50. */
export const RECONCILE_PAGE = 50;
export const RECONCILE_PAGES = 2;

/** The invisible marker that ties a post to the step that made it. */
export function keyMarker(key: string): string {
  return `<span data-delegate-key="${escapeHtml(key)}"></span>`;
}

/** The HTML body of a post: the text as paragraphs, then the step's marker. */
export function postBody(text: string, key: string): string {
  return `${textToHtml(text)}${keyMarker(key)}`;
}

/** The message (in a page of recent ones at `path`) carrying this step's marker, if a previous attempt already posted. */
export async function findStamped(
  graph: GraphPort,
  path: string,
  ctx: ActionContext,
  what: string,
): Promise<ChatMessage | undefined> {
  const recent = await graph.getAll<ChatMessage>(path, {
    query: { $top: RECONCILE_PAGE },
    maxPages: RECONCILE_PAGES,
    signal: ctx.signal,
    what,
  });
  const marker = keyMarker(ctx.idempotencyKey);
  return recent.find((m) => (m.body?.content ?? '').includes(marker));
}

/** The chatMessage to POST: the text (with @mentions when asked), stamped with the step's key. */
export function stampedMessage(
  text: string,
  mentions: PostChannelMessageInput['mentions'],
  key: string,
): Record<string, unknown> {
  const tagged = withMentions(text, mentions);
  return {
    body: { contentType: 'html', content: `${tagged.html}${keyMarker(key)}` },
    ...(tagged.mentions.length > 0 ? { mentions: tagged.mentions } : {}),
  };
}

export function postChannelMessage(
  gateway: GraphGateway,
): ActionSpec<PostChannelMessageInput, PostChannelMessageOutput> {
  return {
    name: 'teams.postChannelMessage',
    description:
      'Post a new message (plain text; blank lines start paragraphs) in a Teams channel the requester belongs to, as the requester. Optionally @mentions people (mentions: userId, displayName, address of each): their name in the text becomes the mention, otherwise they are tagged at the start. Posts exactly once per step, even when retried.',
    input: postChannelMessageInput,
    output: postChannelMessageOutput,
    risk: 'write-internal',
    // Posting as a user needs delegated permission; Graph lets applications post only for migration.
    permissions: { delegated: ['ChannelMessage.Send', 'ChannelMessage.Read.All'], application: [] },
    destinations: (input) => [...channelDestination(input), ...mentionDestinations(input)],
    contentFields: ['text'],
    // Who gets notified is the requester's decision, never another step's output.
    literalFields: ['mentions'],
    editable: [
      { name: 'channelId', label: 'Channel', kind: 'channel', required: true },
      { name: 'text', label: 'Message', kind: 'multiline' },
    ],
    describe(input) {
      const mentioned = mentionNames(input.mentions);
      return {
        title: `Post in ${place(input)}`,
        target: place(input),
        reads:
          typeof input.text === 'string'
            ? 'Nothing: the message is posted as written below'
            : `The text produced ${display(input.text)}`,
        fields: [
          { label: 'Channel', value: place(input) },
          ...(mentioned ? [{ label: 'Mentions', value: mentioned }] : []),
          { label: 'Message', value: display(input.text) },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const path = channelMessagesPath(input);
      const existing = ctx.attempt > 1 ? await findStamped(graph, path, ctx, 'the channel') : undefined;
      const message =
        existing ??
        (await graph.post<ChatMessage>(path, stampedMessage(input.text, input.mentions, ctx.idempotencyKey), {
          signal: ctx.signal,
          what: 'the channel',
        }));
      return { output: { messageId: message.id, webUrl: message.webUrl ?? '' }, provenance: [] };
    },
  };
}
