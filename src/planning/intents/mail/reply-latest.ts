import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import type { MailFilter } from '../../extract/mail-filter';
import { quoteOf, unquote } from '../teams/wording';
import { searchInput } from './mail-criteria';
import { latestFrom, mailRef, oneMessage } from './mail-ref';
import { senderFilter } from './sender';
import { readFound, replyToFound, searchMail } from './steps';
import { NO_REPLY_TEXT } from './wording';

interface ReplySpec {
  readonly mail: MailFilter;
  readonly text: string;
  readonly replyAll: boolean;
}

/** "reply to", "reply all to", "respond to", "answer", "write back to", "send a reply to". */
const VERB =
  /^(?:(?:send|write|draft|shoot)\s+(?:an?\s+|my\s+)?(?:quick\s+|short\s+)?)?(reply(?:[\s-]+all)?|respond|answer|write\s+back)(?:\s+(?:to|on))?\s+(.+)$/i;
/** What introduces the reply's words: ":", "saying", "and tell her (that)", "with "…"". */
const SAYING =
  /\s*:\s*|\s*,?\s+(?:saying|to\s+say|that\s+says|telling\s+(?:him|her|them)|and\s+(?:tell|let)\s+(?:him|her|them)(?:\s+know)?(?:\s+that)?|and\s+say(?:\s+that)?|with)\s+(?=\S)|\s*,\s+(?=["'])/i;

/**
 * "Reply to Dana's latest mail saying we accept", "answer Raj's last email: yes", "reply to
 * dana and tell her …", "respond to megans email about the brief saying …": find that mail
 * (the newest that matches), then reply (all) to it in its conversation.
 */
export const replyToLatestMail = domainIntent<ReplySpec>({
  name: 'mail.reply',
  finds: 'mail',
  people: { get: (spec) => (spec.mail.from ? [spec.mail.from] : []) },
  parse(clause, now) {
    const verb = VERB.exec(clause.trim());
    if (!verb) return undefined;
    const rest = verb[2] ?? '';
    const sep = SAYING.exec(rest);
    const which = sep ? rest.slice(0, sep.index) : rest;
    if (/\b(?:post|channel|thread\s+in)\b/i.test(which)) return undefined;
    const mail = mailRef(which, now);
    if (!mail) return undefined;
    if (!mail.ok) return mail;
    const text = sep ? unquote(rest.slice(sep.index + sep[0].length)) : '';
    if (!text) return refuse(NO_REPLY_TEXT);
    return ok({ mail: oneMessage(mail.value), text, replyAll: /\ball\b/i.test(verb[1] ?? '') });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = spec.mail.from ? await senderFilter(spec.mail.from, ctx) : ok(undefined);
    if (!from.ok) return from;
    const verb = spec.replyAll ? 'Reply all' : 'Reply';
    const which = latestFrom(spec.mail);
    const find = searchMail(searchInput(spec.mail, from.value), `Find ${which}.`);
    const steps = spec.replyAll
      ? [
          find,
          readFound(1, 'See who else the mail went to.'),
          replyToFound(1, spec.text, { readStep: 2 }, `Reply to everyone on ${which}.`),
        ]
      : [find, replyToFound(1, spec.text, undefined, `Reply to ${which} in the same conversation.`)];
    return ok({ title: `${verb} to ${which}: ${quoteOf(spec.text)}`, steps });
  },
});
