import type { DateTime } from 'luxon';
import { describeMail } from '../../extract/describe-mail';
import { MAIL_NOUN, parseMailFilter, type MailFilter } from '../../extract/mail-filter';
import { refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { NO_MAIL_CRITERIA } from './wording';

/** Things that come by mail, named before their sender: "the newsletters from Litware". */
const FROM_SENDER =
  /^(?:(?:the|my|all(?:\s+(?:of\s+)?the)?|any)\s+)?(?:newsletters?|notifications?|alerts?|receipts?|invoices?|updates?|circulars?|mailshots?|promotions?|marketing|spam)(?=\s+(?:from|sent\s+by)\s+\S)/i;

/** Most messages one flag or move step changes (mail.search's own limit). */
const MAX_MESSAGES = 50;

/** A description of mail ("my unread mail from Fabrikam"), or undefined when it does not talk about mail at all. */
export function mailCriteria(said: string, now: DateTime): Result<MailFilter> | undefined {
  // "archive the newsletters from Litware": what comes from a sender by mail is mail.
  const text = said.replace(FROM_SENDER, 'the mail');
  if (!MAIL_NOUN.test(text.toLowerCase())) return undefined;
  const filter = parseMailFilter(new Phrase(text), now);
  if (!filter.ok) return filter;
  const f = filter.value;
  // "Flag all my mail" is too broad to be meant: ask which.
  if (!f.from && !f.subject && !f.query && !f.unread && !f.range && f.top === undefined)
    return refuse(NO_MAIL_CRITERIA);
  return filter;
}

/** mail.search's input for a filter (in one folder when given). */
export function searchInput(filter: MailFilter, from: string | undefined, folder?: string): Record<string, unknown> {
  return {
    from,
    subject: filter.subject,
    query: filter.query,
    unread: filter.unread ? true : undefined,
    hasAttachments: filter.hasAttachments,
    since: filter.range?.since,
    until: filter.range?.until,
    folder,
    top: filter.top ?? MAX_MESSAGES,
  };
}

/** "your unread mail from Fabrikam" for titles. */
export function yourMail(filter: MailFilter): string {
  const said = describeMail(filter);
  return filter.range?.possessive || filter.top !== undefined ? said : `your ${said}`;
}
