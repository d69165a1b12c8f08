import type { MailFilter } from '../../extract/mail-filter';
import { joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { unquote } from '../teams/wording';
import { searchInput } from './mail-criteria';
import { latestFrom, mailRef, oneMessage } from './mail-ref';
import { senderFilter } from './sender';
import { forwardFound, searchMail } from './steps';
import { NO_FORWARD_TO, NOTE } from './wording';

interface ForwardSpec {
  readonly mail: MailFilter;
  readonly to: readonly string[];
  readonly note?: string;
}

/** "forward X to Y", "fwd X to Y", "pass X on to Y", "send X on to Y" (send needs "on"/"over" or a mail). */
const FORWARD = /^(?:forward|fwd|fw|pass|send|bounce)\s+(.+?)\s+(?:(?:on|over|along|across)\s+)?to\s+(.+)$/i;
const NOTE_AT = new RegExp(NOTE, 'i');

/**
 * "Forward the latest mail from Contoso to Megan", "fwd dana's last email to adele", "pass
 * Raj's SSO questions email on to Isaiah", "forward the Fabrikam invoice email to Lynne with
 * a note saying …": find that mail (the newest that matches), then forward it (attachments too).
 */
export const forwardLatestMail = domainIntent<ForwardSpec>({
  name: 'mail.forward',
  finds: 'mail',
  people: { get: (spec) => spec.to, set: (spec, to) => ({ ...spec, to }) },
  parse(clause, now) {
    const said = clause.trim();
    const match = FORWARD.exec(said);
    if (!match) return undefined;
    const verb = said.split(/\s+/)[0]?.toLowerCase() ?? '';
    const which = match[1] ?? '';
    // "send Megan the summary", "pass the salt": only mail is forwarded.
    if ((verb === 'send' || verb === 'pass') && !/\b(?:e-?mails?|mails?|messages?|latest|last)\b/i.test(which))
      return undefined;
    if (verb === 'send' && /\b(?:summary|recap|digest|note|line)\b/i.test(which)) return undefined;
    const mail = mailRef(which, now);
    if (!mail) return undefined;
    if (!mail.ok) return mail;
    let recipients = match[2] ?? '';
    let note = '';
    const noteAt = NOTE_AT.exec(recipients);
    if (noteAt) {
      note = unquote(recipients.slice(noteAt.index + noteAt[0].length).replace(/^(?:saying|that\s+says|:)\s*/i, ''));
      recipients = recipients.slice(0, noteAt.index);
    }
    const to = splitNames(recipients);
    if (to.length === 0) return refuse(NO_FORWARD_TO);
    return ok({ mail: oneMessage(mail.value), to, ...(note ? { note } : {}) });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = spec.mail.from ? await senderFilter(spec.mail.from, ctx) : ok(undefined);
    if (!from.ok) return from;
    const people = await resolvePeople(spec.to, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    if (people.value.length === 0) return refuse(NO_FORWARD_TO);
    const who = joinNames(people.value.map((p) => p.displayName));
    const addresses = people.value.map((p) => p.mail || p.userPrincipalName);
    const which = latestFrom(spec.mail);
    return ok({
      title: `Forward ${which} to ${who}`,
      steps: [
        searchMail(searchInput(spec.mail, from.value), `Find ${which}.`),
        forwardFound(1, addresses, spec.note, `Forward it to ${who}, with its attachments.`),
      ],
    });
  },
});
