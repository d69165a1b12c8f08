import type { MailFilter } from '../../extract/mail-filter';
import { capitalise } from '../../extract/describe-mail';
import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { mailCriteria, searchInput, yourMail } from './mail-criteria';
import { senderFilter } from './sender';
import { searchMail, updateFound } from './steps';
import { POLITE } from './wording';

type Change = { readonly flag?: 'flagged' | 'complete' | 'notFlagged'; readonly isRead?: boolean };

interface FlagSpec {
  readonly filter: MailFilter;
  readonly change: Change;
  /** "Flag", "Mark as read", … for the title. */
  readonly verb: string;
}

const FLAG = new RegExp(`^${POLITE}(flag|unflag)\\s+(.+?)(?:\\s+(?:for\\s+follow[\\s-]?up|as\\s+important))?$`, 'i');
const MARK = new RegExp(
  `^${POLITE}mark\\s+(.+?)\\s+as\\s+(read|unread|complete|completed|done|flagged)(?:\\s+(?:so|because|since|as|for)\\b.*)?$`,
  'i',
);

function markChange(word: string): { change: Change; verb: string } {
  switch (word.toLowerCase()) {
    case 'read':
      return { change: { isRead: true }, verb: 'Mark as read' };
    case 'unread':
      return { change: { isRead: false }, verb: 'Mark as unread' };
    case 'flagged':
      return { change: { flag: 'flagged' }, verb: 'Flag' };
    default:
      return { change: { flag: 'complete' }, verb: 'Mark as complete' };
  }
}

/** "Flag my unread mail from Fabrikam", "mark the mails from Contoso this week as read": find, then update them all. */
export const flagMail = domainIntent<FlagSpec>({
  name: 'mail.flag',
  finds: 'mail',
  parse(clause, now) {
    const flag = FLAG.exec(clause.trim());
    const mark = flag ? undefined : MARK.exec(clause.trim());
    const what = flag?.[2] ?? mark?.[1];
    if (what === undefined) return undefined;
    const filter = mailCriteria(what, now);
    if (!filter) return undefined;
    if (!filter.ok) return filter;
    if (flag) {
      const unflag = (flag[1] ?? '').toLowerCase() === 'unflag';
      return ok({
        filter: filter.value,
        change: { flag: unflag ? 'notFlagged' : 'flagged' },
        verb: unflag ? 'Clear the flag on' : 'Flag',
      });
    }
    return ok({ filter: filter.value, ...markChange(mark?.[2] ?? '') });
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = spec.filter.from ? await senderFilter(spec.filter.from, ctx) : ok(undefined);
    if (!from.ok) return from;
    const what = yourMail(spec.filter);
    return ok({
      // "Mark your unread mail from Fabrikam as read", "Flag the latest mail from Tom".
      title: spec.verb.startsWith('Mark as ') ? `Mark ${what} ${spec.verb.slice(5)}` : `${spec.verb} ${what}`,
      steps: [
        searchMail(searchInput(spec.filter, from.value), `Find ${what}.`),
        updateFound(1, spec.change, `${capitalise(spec.verb.toLowerCase())} every message found.`),
      ],
    });
  },
});
