import { joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { unquote } from '../teams/wording';
import { senderFilter } from './sender';
import { forwardFound, searchMail } from './steps';
import { LATEST, NO_FORWARD_TO, NOTE, ONE_MAIL, POLITE, POSSESSIVE } from './wording';

interface ForwardSpec {
  readonly sender: string;
  readonly to: readonly string[];
  readonly note?: string;
}

const FORMS: readonly RegExp[] = [
  // "forward the latest mail from Contoso to Megan (with a note: …)"
  new RegExp(
    `^${POLITE}forward\\s+(?:the|my)\\s+${LATEST}\\s+${ONE_MAIL}\\s+from\\s+(.+?)\\s+to\\s+(.+?)(?:${NOTE}([\\s\\S]+))?$`,
    'i',
  ),
  // "forward Dana's latest mail to Megan"
  new RegExp(
    `^${POLITE}forward\\s+(.+?)${POSSESSIVE}\\s+${LATEST}\\s+${ONE_MAIL}\\s+to\\s+(.+?)(?:${NOTE}([\\s\\S]+))?$`,
    'i',
  ),
];

/** "Forward the latest mail from Contoso to Megan": find that mail, then forward it (attachments too). */
export const forwardLatestMail = domainIntent<ForwardSpec>({
  name: 'mail.forwardLatest',
  parse(clause) {
    for (const form of FORMS) {
      const match = form.exec(clause.trim());
      if (!match) continue;
      const sender = (match[1] ?? '').replace(/^(?:the|my)\s+/i, '').trim();
      const to = splitNames(match[2] ?? '');
      if (sender === '') return undefined;
      if (to.length === 0) return refuse(NO_FORWARD_TO);
      const note = unquote(match[3] ?? '');
      return ok({ sender, to, ...(note ? { note } : {}) });
    }
    return undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = await senderFilter(spec.sender, ctx);
    if (!from.ok) return from;
    const people = await resolvePeople(spec.to, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    if (people.value.length === 0) return refuse(NO_FORWARD_TO);
    const who = joinNames(people.value.map((p) => p.displayName));
    const addresses = people.value.map((p) => p.mail || p.userPrincipalName);
    return ok({
      title: `Forward the latest mail from ${spec.sender} to ${who}`,
      steps: [
        searchMail({ from: from.value, top: 1 }, `Find the latest mail from ${spec.sender}.`),
        forwardFound(1, addresses, spec.note, `Forward it to ${who}, with its attachments.`),
      ],
    });
  },
});
