import type { MailMessage } from '../common/schemas';
import { untrustedBlock } from '../../llm/spotlight';

/** At most this many messages go into one prompt: the most recent ones. */
export const MAX_SOURCES = 25;
/** Per-message caps, so that one long mail cannot crowd out the rest or blow the prompt. */
export const MAX_PREVIEW_CHARS = 1000;
export const MAX_SUBJECT_CHARS = 200;
const MAX_SENDER_CHARS = 200;
/** The block's own cap, above what {@link sourceText} can reach: a second line of defence. */
const MAX_BLOCK_CHARS = MAX_PREVIEW_CHARS + MAX_SENDER_CHARS + 100;

/** A titled source as cards show it. */
export interface SourceRef {
  readonly id: string;
  readonly title: string;
}

function clip(text: string, max: number): string {
  const clean = text.trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The messages a prompt may show: newest first, at most {@link MAX_SOURCES}, ids unique. */
export function capSources(items: readonly MailMessage[]): MailMessage[] {
  const time = (m: MailMessage): number => Date.parse(m.receivedDateTime) || 0;
  const unique = [...new Map(items.map((m) => [m.id, m])).values()];
  return unique.sort((a, b) => time(b) - time(a) || a.id.localeCompare(b.id)).slice(0, MAX_SOURCES);
}

function sender(m: MailMessage): string {
  const name = m.from.name.trim();
  const address = m.from.address.trim();
  return clip(name && address ? `${name} <${address}>` : name || address || 'Unknown sender', MAX_SENDER_CHARS);
}

/**
 * What the model reads of one message. Sender, date and preview are all mail content (a
 * display name is chosen by whoever sent it), so all of it goes inside the block.
 */
export function sourceText(m: MailMessage): string {
  return [
    `From: ${sender(m)}`,
    `Received: ${m.receivedDateTime}`,
    '',
    clip(m.bodyPreview, MAX_PREVIEW_CHARS) || '(no preview)',
  ].join('\n');
}

/** One message as a spotlighted untrusted block, named by its id and subject. */
export function sourceBlock(m: MailMessage): string {
  return untrustedBlock(m.id, clip(m.subject, MAX_SUBJECT_CHARS) || '(no subject)', sourceText(m), {
    maxChars: MAX_BLOCK_CHARS,
  });
}

/** "<subject> — <sender name>", as a card lists a source. */
export function sourceTitle(m: MailMessage): string {
  const subject = clip(m.subject, MAX_SUBJECT_CHARS) || '(no subject)';
  return `${subject} — ${m.from.name.trim() || m.from.address.trim() || 'Unknown sender'}`;
}

/**
 * The ids the model says it used, kept only when they name a message it was shown (in the
 * model's order, without repeats): anything else is invented or smuggled in by a mail.
 */
export function usedIds(claimed: readonly string[], shown: readonly MailMessage[]): string[] {
  const allowed = new Set(shown.map((m) => m.id));
  return [...new Set(claimed)].filter((id) => allowed.has(id));
}

/** Titled sources for the ids used, in the same order. */
export function sourceRefs(ids: readonly string[], shown: readonly MailMessage[]): SourceRef[] {
  const byId = new Map(shown.map((m) => [m.id, m]));
  return ids.flatMap((id) => {
    const m = byId.get(id);
    return m ? [{ id, title: sourceTitle(m) }] : [];
  });
}
