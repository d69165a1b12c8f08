import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { RiskClass } from '../../engine/model';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { display } from '../common/display';
import { email } from '../common/schemas';
import { chatMessageBody, postOnce } from './post-channel-message';

export const sendChatMessageInput = z.object({
  /** The person's address (mail or UPN). */
  to: email,
  /** How the person is called, for the card. */
  toName: z.string().optional(),
  text: z.string().min(1).max(20_000),
});
export type SendChatMessageInput = z.infer<typeof sendChatMessageInput>;

export const sendChatMessageOutput = z.object({ chatId: z.string(), messageId: z.string(), webUrl: z.string() });
export type SendChatMessageOutput = z.infer<typeof sendChatMessageOutput>;

interface GraphChat {
  readonly id: string;
  readonly webUrl?: string | null;
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** External (another domain, or a guest) as soon as the person is not in the requester's domain. */
export function chatSendRisk(input: { to?: unknown }, requesterUpn: string | undefined): RiskClass {
  const home = requesterUpn?.includes('@') ? domainOf(requesterUpn) : '';
  const to = typeof input.to === 'string' ? input.to : '';
  return home !== '' && to.includes('@') && domainOf(to) === home && !/#ext#/i.test(to)
    ? 'write-internal'
    : 'write-external';
}

const userBind = (key: string): string => `https://graph.microsoft.com/v1.0/users('${key.replace(/'/g, "''")}')`;

/** The one-on-one chat with the person: Graph answers with the existing one, so this is safe to repeat. */
function openChat(graph: GraphPort, actorId: string, to: string, signal?: AbortSignal): Promise<GraphChat> {
  const member = (key: string) => ({
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': userBind(key),
  });
  return graph.post<GraphChat>(
    '/chats',
    { chatType: 'oneOnOne', members: [member(actorId), member(to)] },
    { signal, idempotent: true, what: `your chat with ${to}` },
  );
}

function who(input: Record<string, unknown>): string {
  const name = display(input.toName);
  const address = display(input.to);
  return name && name !== address ? `${name} <${address}>` : address || '(nobody)';
}

export function sendChatMessage(gateway: GraphGateway): ActionSpec<SendChatMessageInput, SendChatMessageOutput> {
  return {
    name: 'teams.sendChatMessage',
    description:
      'Send a Teams chat message (plain text) to one person (to: their address) in the one-on-one chat with them, as the requester; the chat is created when they have none yet. Sends exactly once per step, even when retried.',
    input: sendChatMessageInput,
    output: sendChatMessageOutput,
    // Internal by default; chatSendRisk tells when the person is outside the requester's domain (or a guest).
    risk: 'write-internal',
    riskFor: (input, requester) => chatSendRisk(input, requester.upn),
    // Chat.Read, not Chat.ReadBasic: the reconcile lists the chat's messages before sending again.
    permissions: { delegated: ['Chat.Create', 'ChatMessage.Send', 'Chat.Read'], application: [] },
    destinations: (input) =>
      typeof input.to === 'string'
        ? [
            {
              kind: 'recipient',
              value: input.to,
              label: typeof input.toName === 'string' ? input.toName : undefined,
              field: 'to',
            },
          ]
        : [],
    contentFields: ['text'],
    literalFields: ['to'],
    editable: [{ name: 'text', label: 'Message', kind: 'multiline' }],
    describe(input) {
      return {
        title: `Send a Teams chat message to ${display(input.toName) || display(input.to) || '(nobody)'}`,
        target: who(input),
        reads:
          typeof input.text === 'string'
            ? 'Nothing: the message is sent as written below'
            : `The text produced ${display(input.text)}`,
        fields: [
          { label: 'To', value: who(input) },
          { label: 'Message', value: display(input.text) },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const chat = await openChat(graph, ctx.actor.id, input.to, ctx.signal);
      const path = `/chats/${encodeURIComponent(chat.id)}/messages`;
      const what = `your chat with ${input.toName ?? input.to}`;
      const message = await postOnce(graph, path, ctx, what, chatMessageBody(input.text, undefined));
      return { output: { chatId: chat.id, messageId: message.id, webUrl: chat.webUrl ?? '' }, provenance: [] };
    },
  };
}
