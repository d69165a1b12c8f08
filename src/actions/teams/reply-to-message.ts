import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { chatMessageBody, postOnce } from './post-channel-message';
import { channelDestination, channelFields, channelMessagesPath, place } from './channel-fields';
import { mentionDestinations, mentionNames, mentionsInput } from './mentions';

export const replyToMessageInput = z.object({
  ...channelFields,
  /** The id of the post (thread root) to reply to. */
  messageId: z.string().min(1),
  /** A short excerpt of that post, for the card. */
  postPreview: z.string().optional(),
  text: z.string().min(1).max(20_000),
  mentions: mentionsInput,
});
export type ReplyToMessageInput = z.infer<typeof replyToMessageInput>;

export const replyToMessageOutput = z.object({ messageId: z.string(), replyToId: z.string(), webUrl: z.string() });
export type ReplyToMessageOutput = z.infer<typeof replyToMessageOutput>;

/** How much of the post the card quotes. */
const PREVIEW = 200;

function repliesPath(input: ReplyToMessageInput): string {
  return `${channelMessagesPath(input)}/${encodeURIComponent(input.messageId)}/replies`;
}

export function replyToMessage(gateway: GraphGateway): ActionSpec<ReplyToMessageInput, ReplyToMessageOutput> {
  return {
    name: 'teams.replyToMessage',
    description:
      "Reply in the thread of a post (messageId, e.g. teams.listChannelMessages' latest.id) in a Teams channel the requester belongs to, as the requester; plain text, optional @mentions. Replies exactly once per step, even when retried.",
    input: replyToMessageInput,
    output: replyToMessageOutput,
    risk: 'write-internal',
    permissions: { delegated: ['ChannelMessage.Send', 'ChannelMessage.Read.All'], application: [] },
    destinations: (input) => [...channelDestination(input), ...mentionDestinations(input)],
    contentFields: ['text'],
    literalFields: ['mentions'],
    editable: [{ name: 'text', label: 'Reply', kind: 'multiline' }],
    describe(input) {
      const mentioned = mentionNames(input.mentions);
      const full = display(input.postPreview);
      const post = full.length > PREVIEW ? `${full.slice(0, PREVIEW - 1).trimEnd()}…` : full;
      return {
        title: `Reply in ${place(input)}`,
        target: place(input),
        reads:
          typeof input.text === 'string'
            ? 'Nothing: the reply is posted as written below'
            : `The text produced ${display(input.text)}`,
        fields: [
          { label: 'Channel', value: place(input) },
          { label: 'In reply to', value: post || `post ${display(input.messageId)}` },
          ...(mentioned ? [{ label: 'Mentions', value: mentioned }] : []),
          { label: 'Reply', value: display(input.text) },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const path = repliesPath(input);
      const reply = await postOnce(graph, path, ctx, 'the thread', chatMessageBody(input.text, input.mentions));
      return {
        output: { messageId: reply.id, replyToId: input.messageId, webUrl: reply.webUrl ?? '' },
        provenance: [input.messageId],
      };
    },
  };
}
