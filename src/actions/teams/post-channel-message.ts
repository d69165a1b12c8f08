import { z } from 'zod';
import type { ActionContext, ActionSpec } from '../../engine/catalogue';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { display } from '../common/display';
import { channelDestination, channelFields, channelMessagesPath, place } from './channel-fields';
import { findEarlierPost } from './reconcile-post';
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

/** The chatMessage to POST: the text as HTML, with @mentions when asked. */
export function chatMessageBody(text: string, mentions: PostChannelMessageInput['mentions']): Record<string, unknown> {
  const tagged = withMentions(text, mentions);
  return {
    body: { contentType: 'html', content: tagged.html },
    ...(tagged.mentions.length > 0 ? { mentions: tagged.mentions } : {}),
  };
}

/**
 * Post once per step: on a retry, the message an earlier attempt posted (same author, same text,
 * recent; see {@link findEarlierPost}) is the result; otherwise post.
 */
export async function postOnce(
  graph: GraphPort,
  path: string,
  ctx: ActionContext,
  what: string,
  message: Record<string, unknown>,
): Promise<ChatMessage> {
  const html = (message.body as { content: string }).content;
  const earlier = ctx.attempt > 1 ? await findEarlierPost(graph, path, ctx, what, html) : undefined;
  return earlier ?? (await graph.post<ChatMessage>(path, message, { signal: ctx.signal, what }));
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
      const message = await postOnce(graph, path, ctx, 'the channel', chatMessageBody(input.text, input.mentions));
      return { output: { messageId: message.id, webUrl: message.webUrl ?? '' }, provenance: [] };
    },
  };
}
