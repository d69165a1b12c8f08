import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { quoteOf, unquote } from '../teams/wording';
import { senderFilter } from './sender';
import { readFound, replyToFound, searchMail } from './steps';
import { LATEST, NO_REPLY_TEXT, ONE_MAIL, POLITE, POSSESSIVE, SAYING } from './wording';

interface ReplySpec {
  readonly sender: string;
  readonly text: string;
  readonly replyAll: boolean;
}

const VERB = '(reply(?:\\s+all)?|respond|answer)';
const FORMS: readonly RegExp[] = [
  // "reply to Dana's latest mail saying …"
  new RegExp(`^${POLITE}${VERB}\\s+to\\s+(.+?)${POSSESSIVE}\\s+${LATEST}\\s+${ONE_MAIL}${SAYING}([\\s\\S]*)$`, 'i'),
  // "reply to the latest mail from Dana saying …"
  new RegExp(
    `^${POLITE}${VERB}\\s+to\\s+(?:the|my)\\s+${LATEST}\\s+${ONE_MAIL}\\s+from\\s+(.+?)${SAYING}([\\s\\S]*)$`,
    'i',
  ),
];

/** "Reply to Dana's latest mail saying we accept": find that mail, then reply (all) to it in its conversation. */
export const replyToLatestMail = domainIntent<ReplySpec>({
  name: 'mail.replyLatest',
  parse(clause) {
    for (const form of FORMS) {
      const match = form.exec(clause.trim());
      if (!match) continue;
      const sender = (match[2] ?? '').replace(/^(?:the|my)\s+/i, '').trim();
      if (sender === '' || /\b(?:post|channel)\b/i.test(sender)) return undefined;
      const text = unquote(match[3] ?? '');
      if (!text) return refuse(NO_REPLY_TEXT);
      return ok({ sender, text, replyAll: /\ball\b/i.test(match[1] ?? '') });
    }
    return undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = await senderFilter(spec.sender, ctx);
    if (!from.ok) return from;
    const verb = spec.replyAll ? 'Reply all' : 'Reply';
    const find = searchMail({ from: from.value, top: 1 }, `Find the latest mail from ${spec.sender}.`);
    const steps = spec.replyAll
      ? [
          find,
          readFound(1, 'See who else the mail went to.'),
          replyToFound(1, spec.text, { readStep: 2 }, `Reply to everyone on ${spec.sender}'s mail.`),
        ]
      : [find, replyToFound(1, spec.text, undefined, `Reply to ${spec.sender} in the same conversation.`)];
    return ok({ title: `${verb} to ${spec.sender}'s latest mail: ${quoteOf(spec.text)}`, steps });
  },
});
