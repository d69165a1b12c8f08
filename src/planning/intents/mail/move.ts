import type { MailFilter } from '../../extract/mail-filter';
import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { knownFolder } from './folders';
import { mailCriteria, searchInput, yourMail } from './mail-criteria';
import { senderFilter } from './sender';
import { moveFound, searchMail } from './steps';
import { POLITE } from './wording';

interface MoveSpec {
  readonly filter: MailFilter;
  /** Display name of a well-known folder: Archive, Inbox, Deleted Items, Junk Email. */
  readonly folder: string;
}

/** "move the mails from orders@fabrikam.com to Archive" (greedy: the last "to" names the folder). */
const MOVE = new RegExp(`^${POLITE}(?:move|file|put|shift|send)\\s+(.+)\\s+(?:to|into|in)\\s+(.+?)$`, 'i');
/** "archive my mail from Fabrikam", "delete the emails from Priya", "bin the spam from X". */
const ARCHIVE = new RegExp(`^${POLITE}(archive|delete|remove|bin|trash|junk)\\s+(.+)$`, 'i');

/** The folder a one-word verb moves mail to. */
function folderOfVerb(verb: string): string {
  const word = verb.toLowerCase();
  if (word === 'archive') return 'Archive';
  if (word === 'junk') return 'Junk Email';
  return 'Deleted Items';
}

/** "Move the mails from orders@fabrikam.com to Archive": find them (in the Inbox), then move them. */
export const moveMail = domainIntent<MoveSpec>({
  name: 'mail.move',
  finds: 'mail',
  parse(clause, now) {
    const move = MOVE.exec(clause.trim());
    const archive = move ? undefined : ARCHIVE.exec(clause.trim());
    // Only Outlook's well-known folders: "move the mail review to Friday" is a meeting, not mail.
    const folder = move ? knownFolder(move[2] ?? '') : archive ? folderOfVerb(archive[1] ?? '') : undefined;
    const what = move?.[1] ?? archive?.[2];
    if (!folder || what === undefined) return undefined;
    const filter = mailCriteria(what, now);
    if (!filter) return undefined;
    return filter.ok ? ok({ filter: filter.value, folder }) : filter;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = spec.filter.from ? await senderFilter(spec.filter.from, ctx) : ok(undefined);
    if (!from.ok) return from;
    const what = yourMail(spec.filter);
    // Mail moves out of the Inbox; moving to the Inbox brings it back from anywhere.
    const source = spec.folder === 'Inbox' ? undefined : 'Inbox';
    return ok({
      title: `Move ${what} to ${spec.folder}`,
      steps: [
        searchMail(searchInput(spec.filter, from.value, source), `Find ${what}${source ? ' in your Inbox' : ''}.`),
        moveFound(1, spec.folder, `Move every message found to ${spec.folder}.`),
      ],
    });
  },
});
