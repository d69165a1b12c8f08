import type { MailFilter } from '../../extract/mail-filter';
import { capitalise } from '../../extract/describe-mail';
import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { searchInput, yourMail } from './mail-criteria';
import { latestFrom, mailRef, oneMessage } from './mail-ref';
import { senderFilter } from './sender';
import { readFound, searchMail } from './steps';

interface FindSpec {
  readonly mail: MailFilter;
  /** One message, to be read in full ("read me Dana's latest mail"); else a list of what matches. */
  readonly read: boolean;
}

/** Verbs that ask to see mail. */
const SHOW =
  /^(?:find|search(?:\s+for)?|look\s+(?:for|up)|show(?:\s+me)?|list|get(?:\s+me)?|fetch|pull\s+up|bring\s+up|display|check(?:\s+for)?|any|are\s+there\s+any|is\s+there\s+(?:an?|any)|do\s+i\s+have\s+any|have\s+i\s+(?:got|had)\s+any|did\s+i\s+get\s+(?:an?|any))\s+(.+)$/i;
/** Verbs that ask to read one mail. */
const READ = /^(?:read(?:\s+(?:me|out))?|open(?:\s+up)?|what's\s+in|what\s+(?:is|was)\s+in)\s+(.+)$/i;
/** "what did raj say in his last email", "what did Dana write in her latest mail". */
const SAID_IN =
  /^what\s+(?:did|has)\s+(.+?)\s+(?:say|said|write|written|send|sent)(?:\s+me)?\s+(?:in|with)\s+(?:his|her|their)\s+(.+)$/i;
/** "find the invoice email, forward it to Lynne": more than finding, not understood here. */
const MORE_TO_DO = /[,;]\s*(?:and\s+)?(?:then\s+)?[a-z]+\s+(?:it|them)\b/i;
const MAIL_WORD = /\b(?:e-?mails?|mails?|messages?|inbox)\b|\b(?:latest|last|newest)$/i;
/** One message: a singular mail noun, or "latest". */
const SINGULAR = /\b(?:e-?mail|mail|message|note)\b(?!s)|\b(?:latest|last|newest)$/i;
/** Mail in general ("my mail", "my inbox") is too broad to read one message from. */
const PLURAL = /\b(?:e-?mails|mails|messages|inbox|correspondence)\b|\b(?:all|any)\b/i;

/**
 * "Find the emails from Tom about the shipping delay", "any unread emails from Contoso?": list
 * the mail that matches. "Read me the latest mail from Dana", "show me Sofia's email about the
 * MSA", "what did raj say in his last email?": find that one message and read it.
 */
export const findMail = domainIntent<FindSpec>({
  name: 'mail.find',
  finds: 'mail',
  parse(clause, now) {
    const said = clause.trim().replace(/[?.!]+$/, '');
    const saidIn = SAID_IN.exec(said);
    if (saidIn) {
      const mail = mailRef(saidIn[2] ?? '', now);
      if (!mail) return undefined;
      if (!mail.ok) return mail;
      return ok({ mail: oneMessage({ ...mail.value, from: saidIn[1] ?? '' }), read: true });
    }
    const read = READ.exec(said);
    const show = read ? undefined : SHOW.exec(said);
    const which = read?.[1] ?? show?.[1];
    // Only mail: "look up Adele" and "show my recent files" are other requests.
    if (which === undefined || !MAIL_WORD.test(which) || MORE_TO_DO.test(which)) return undefined;
    const mail = mailRef(which, now);
    if (!mail) return undefined;
    if (!mail.ok) return mail;
    const one = mail.value.top === 1 || (SINGULAR.test(which) && !PLURAL.test(which));
    if (read || (one && /^(?:show|open|pull|bring|display|get|fetch)/i.test(said)))
      return ok({ mail: oneMessage(mail.value), read: true });
    return ok({ mail: mail.value, read: false });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = spec.mail.from ? await senderFilter(spec.mail.from, ctx) : ok(undefined);
    if (!from.ok) return from;
    if (spec.read) {
      const which = latestFrom(spec.mail);
      return ok({
        title: `Read ${which}`,
        steps: [searchMail(searchInput(spec.mail, from.value), `Find ${which}.`), readFound(1, 'Read it in full.')],
      });
    }
    const what = yourMail(spec.mail);
    return ok({
      title: `Find ${what}`,
      steps: [searchMail(searchInput(spec.mail, from.value), `${capitalise(`find ${what}`)}.`)],
    });
  },
});
