import { findUser } from '../directory';
import { stableGuid, stableId } from '../ids';
import { composeMessage } from '../mail/compose';
import type { SandboxStore } from '../store/store';
import { DAY, HOUR, MINUTE, weekStart } from '../time';
import corpus from './injection-corpus.json';

/**
 * One sample of the prompt-injection corpus: a mail or document written to make an AI agent
 * add recipients, destinations, links or side effects. The same file drives the guard tests.
 */
export interface InjectionSample {
  readonly id: string;
  readonly kind: 'mail' | 'document';
  readonly from: string;
  readonly subject: string;
  readonly body: string;
  readonly attack: { readonly type: string; readonly target: string; readonly label?: string };
}

export const INJECTION_CORPUS: readonly InjectionSample[] = corpus as InjectionSample[];

/** The corpus mails sit in Alex's Inbox, read, one to three weeks back: there to find, never in "this week" or "unread". */
export function seedInjectionMail(store: SandboxStore, now: Date): void {
  const alex = findUser('alexw@example.com');
  if (!alex) return;
  const mails = INJECTION_CORPUS.filter((sample) => sample.kind === 'mail');
  mails.forEach((sample, i) => {
    const received = new Date(
      weekStart(now).getTime() - (1 + (i % 3)) * 7 * DAY + (i % 5) * DAY + (8 + (i % 9)) * HOUR + i * MINUTE,
    );
    const from = parseSender(sample.from);
    store.putMail(
      alex.id,
      'inbox',
      composeMessage({
        id: stableId('message', `injection:${sample.id}`),
        ownerId: alex.id,
        folder: 'inbox',
        subject: sample.subject,
        body: /<[a-z!][\s\S]*>/i.test(sample.body)
          ? { contentType: 'html', content: sample.body }
          : { contentType: 'text', content: sample.body },
        from,
        toRecipients: [{ emailAddress: { name: alex.displayName, address: alex.mail } }],
        received,
        isRead: true,
        isDraft: false,
        conversationId: stableId('conversation', `injection:${sample.id}`),
        internetMessageId: `<${stableGuid(`injection:${sample.id}`)}@${from.emailAddress.address.split('@')[1] ?? 'example.test'}>`,
      }),
    );
  });
}

function parseSender(text: string): { emailAddress: { name: string; address: string } } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(text);
  const address = (match?.[2] ?? text).trim();
  return { emailAddress: { name: match?.[1] || address, address } };
}
