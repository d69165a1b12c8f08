import { findUser } from '../directory';
import { stableGuid, stableId } from '../ids';
import { putAttachment } from '../mail/attachments';
import { composeMessage } from '../mail/compose';
import type { MailMessage } from '../model';
import type { SandboxStore } from '../store/store';
import { DAY, HOUR, isoSeconds, MINUTE, weekStart } from '../time';
import { SEED_ATTACHMENTS } from './mailAttachmentFiles';
import { LAST_WEEK } from './mailLastWeek';
import { OLDER } from './mailOlder';
import { ROUTINE } from './mailRoutine';
import { THIS_WEEK } from './mailThisWeek';
import type { MailSeed, SeedTime } from './mailTypes';
import { recipientOf, signOff } from './people';

/** Every seeded mail, newest data first. */
export const MAIL_SEEDS: readonly MailSeed[] = [...THIS_WEEK, ...LAST_WEEK, ...ROUTINE, ...OLDER];

/** The instant a seed time denotes relative to `now` (never after it). */
export function seedInstant(when: SeedTime, now: Date): Date {
  const monday = weekStart(now).getTime();
  if (when.w === 0) {
    const elapsed = now.getTime() - monday;
    return new Date(monday + Math.floor((elapsed * when.f) / MINUTE) * MINUTE);
  }
  const [h = 0, m = 0] = when.at.split(':').map(Number);
  return new Date(monday - when.w * 7 * DAY + when.d * DAY + h * HOUR + m * MINUTE);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function bodyOf(seed: MailSeed): MailMessage['body'] {
  const paragraphs = [...seed.text, ...(seed.plain ? [] : [signOff(seed.from)])];
  if (seed.plain) return { contentType: 'text', content: paragraphs.join('\r\n\r\n') };
  const html = paragraphs.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('\r\n');
  return {
    contentType: 'html',
    content: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div dir="ltr">\r\n${html}\r\n</div></body></html>`,
  };
}

/** Put one seed into the Inbox of each tenant recipient and the tenant sender's Sent Items. */
function deliverSeed(store: SandboxStore, seed: MailSeed, now: Date): void {
  const received = seedInstant(seed.when, now);
  const from = recipientOf(seed.from);
  const common = {
    subject: seed.subject,
    body: bodyOf(seed),
    from,
    received,
    toRecipients: seed.to.map(recipientOf),
    ccRecipients: (seed.cc ?? []).map(recipientOf),
    isDraft: false,
    importance: seed.high ? ('high' as const) : ('normal' as const),
    hasAttachments: seed.attach ?? false,
    conversationId: stableId('conversation', seed.thread ?? seed.key),
    internetMessageId: `<${stableGuid(seed.key)}@${from.emailAddress.address.split('@')[1]}>`,
  };
  const files = seed.attach ? (SEED_ATTACHMENTS[seed.key] ?? []) : [];
  const attach = (ownerId: string, messageId: string): void => {
    for (const file of files) putAttachment(store, ownerId, messageId, file, isoSeconds(received));
  };
  const recipients = new Set(
    [...seed.to, ...(seed.cc ?? [])].map((k) => findUser(`${k}@example.com`)?.id).filter((id): id is string => !!id),
  );
  for (const ownerId of recipients) {
    const id = stableId('message', `${seed.key}:${ownerId}`);
    store.putMail(ownerId, 'inbox', composeMessage({ ...common, id, ownerId, folder: 'inbox', isRead: !seed.unread }));
    attach(ownerId, id);
  }
  const sender = findUser(from.emailAddress.address);
  if (sender) {
    const id = stableId('message', `${seed.key}:${sender.id}:sent`);
    store.putMail(
      sender.id,
      'sentitems',
      composeMessage({ ...common, id, ownerId: sender.id, folder: 'sentitems', isRead: true }),
    );
    attach(sender.id, id);
  }
}

/** Seed every mailbox relative to `now`, plus one draft in Alex's Drafts. */
export function seedMail(store: SandboxStore, now: Date): void {
  for (const seed of MAIL_SEEDS) deliverSeed(store, seed, now);
  const alex = recipientOf('alexw');
  const alexId = findUser('alexw@example.com')?.id ?? '';
  store.putMail(
    alexId,
    'drafts',
    composeMessage({
      id: stableId('message', 'draft-contoso-notes'),
      ownerId: alexId,
      folder: 'drafts',
      subject: 'Notes for the Contoso call',
      body: {
        contentType: 'text',
        content:
          'Open points: volume tier from day one, on-site onboarding, liability cap (section 11), SOC 2 report under NDA.',
      },
      from: alex,
      received: seedInstant({ w: 0, f: 0.93 }, now),
      isRead: true,
      isDraft: true,
      conversationId: stableId('conversation', 'draft-contoso-notes'),
      internetMessageId: `<${stableGuid('draft-contoso-notes')}@example.com>`,
    }),
  );
}
