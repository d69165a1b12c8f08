import { PersonalChat } from '../test/http/activities';
import type { Reply } from './http-client';

/** The outcome every planning scenario sends: it plans through the sandbox directory (Megan Bowen). */
export const OUTCOME = 'Email Megan Bowen a summary of my unread mail from Contoso';

/** What a card button carries: identifiers only. */
export type CardTarget = { readonly taskId: string; readonly planVersion: number | string } & Record<string, unknown>;

/** A personal chat whose message activities ask for their replies in the HTTP response. */
export class Chat {
  private readonly chat: PersonalChat;
  constructor(serviceUrl: string) {
    this.chat = new PersonalChat(serviceUrl);
  }

  message(text: string): Record<string, unknown> {
    return { ...this.chat.message(text), deliveryMode: 'expectReplies' };
  }

  invoke(verb: string, data: CardTarget): Record<string, unknown> {
    return this.chat.invoke(verb, data);
  }
}

interface Card {
  readonly refresh?: unknown;
  readonly actions?: readonly { type?: string; title?: string; verb?: string; data?: CardTarget }[];
}

/** The replies of an `expectReplies` message; throws unless there is at least one. */
export function repliesOf(reply: Reply): { text?: string; attachments?: { contentType: string; content: Card }[] }[] {
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.text.slice(0, 200)}`);
  const body = JSON.parse(reply.text) as {
    activities?: { text?: string; attachments?: { contentType: string; content: Card }[] }[];
  };
  if (!body.activities || body.activities.length === 0) throw new Error(`no replies: ${reply.text.slice(0, 200)}`);
  return body.activities;
}

/** The Approve button's data on the plan card a message answered with; throws when there is no plan card. */
export function planApproval(reply: Reply): CardTarget {
  for (const activity of repliesOf(reply)) {
    for (const attachment of activity.attachments ?? []) {
      const approve = attachment.content.actions?.find((a) => a.type === 'Action.Execute' && a.title === 'Approve');
      if (approve?.data) return approve.data;
    }
  }
  throw new Error(`no plan card: ${reply.text.slice(0, 200)}`);
}

/** Throws unless an invoke was answered with a task or checkpoint card (an error card has no refresh). */
export function expectCardAnswer(reply: Reply, mustContain?: string): void {
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.text.slice(0, 200)}`);
  const body = JSON.parse(reply.text) as { statusCode?: number; value?: Card };
  if (body.statusCode !== 200 || !body.value?.refresh) throw new Error(`not a task card: ${reply.text.slice(0, 200)}`);
  if (mustContain && !reply.text.includes(mustContain))
    throw new Error(`card lacks "${mustContain}": ${reply.text.slice(0, 200)}`);
}

/** Throws unless the echo bot answered an invoke with its card. */
export function expectEchoCard(reply: Reply): void {
  const body = JSON.parse(reply.text) as { statusCode?: number };
  if (reply.status !== 200 || body.statusCode !== 200) throw new Error(`echo invoke failed: HTTP ${reply.status}`);
}
