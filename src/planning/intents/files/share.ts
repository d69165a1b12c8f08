import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { domainIntent, namesLens } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { DOC_NOUN, firstHit, foreign, searchText, step } from './words';

type Scope = 'users' | 'organization' | 'anonymous';

/** "share the Q3 planning workbook with Megan (so she can edit)". */
export interface ShareSpec {
  readonly query: string;
  readonly type: 'view' | 'edit';
  readonly scope: Scope;
  /** Names as typed (scope `users` only). */
  readonly names: readonly string[];
}

const SHARE = /^(?:please\s+)?share\s+(.+?)\s+(with\s+.+|publicly|as\s+a\s+public\s+link|via\s+a\s+public\s+link)$/i;
const EDIT =
  /,?\s*(?:so\s+(?:she|he|they|we)\s+can\s+(?:edit|change)\s+it|with\s+edit(?:ing)?\s+(?:access|rights|permissions?)|(?:and\s+)?let\s+(?:her|him|them)\s+edit(?:\s+it)?|as\s+editors?|to\s+edit|for\s+editing)\b/i;
const VIEW =
  /,?\s*(?:view[-\s]only|read[-\s]only|(?:so\s+(?:she|he|they)\s+can\s+)?(?:view|read)\s+(?:it|only)|with\s+view(?:ing)?\s+(?:access|rights))\b/i;
const ORG =
  /^with\s+(?:everyone|everybody|all)(?:\s+(?:in|at)\s+(?:the|our|my)\s+(?:organi[sz]ation|company|org|tenant))?$|^with\s+(?:the\s+(?:whole\s+)?|our\s+|my\s+)?(?:organi[sz]ation|company|org)$/i;
const PUBLIC =
  /^(?:publicly|as\s+a\s+public\s+link|via\s+a\s+public\s+link|with\s+(?:anyone|anybody)(?:\s+with\s+the\s+link)?|with\s+the\s+public)$/i;

/** Words that say "a file" and nothing about which. */
const GENERIC_ONLY =
  /^(?:the|that|this|my|a|our)\s+(?:file|document|doc|spreadsheet|workbook|presentation|deck|pdf|word\s+doc(?:ument)?)$/i;
export const WHICH_FILE =
  'Which file should I share? Tell me its name, e.g. "share the Q3 planning workbook with Megan".';

export const shareFile = domainIntent<ShareSpec>({
  name: 'files.share',
  finds: 'file',
  people: namesLens<ShareSpec>(),
  parse(clause) {
    let text = clause.trim().replace(/[?.!]+$/, '');
    const type = EDIT.test(text) ? 'edit' : 'view';
    text = text.replace(EDIT, '').replace(VIEW, '').trim();
    const match = SHARE.exec(text);
    if (!match || foreign(clause)) return undefined;
    const [, what = '', target = ''] = match;
    if (/^(?:it|that|this|them|those)$/i.test(what) || !(DOC_NOUN.test(what) || /["“']/.test(what))) return undefined;
    const query = searchText(what);
    if (!query) return undefined;
    // "share the file with Megan": no name to look for.
    if (!/["“']/.test(what) && GENERIC_ONLY.test(what.trim())) return refuse(WHICH_FILE);
    if (PUBLIC.test(target)) return ok({ query, type, scope: 'anonymous', names: [] });
    if (ORG.test(target)) return ok({ query, type, scope: 'organization', names: [] });
    const names = splitNames(target.replace(/^with\s+/i, ''));
    return names.length > 0 ? ok({ query, type, scope: 'users', names }) : undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    let recipients: string[] = [];
    let who = spec.scope === 'anonymous' ? 'anyone with the link' : 'your organisation';
    if (spec.scope === 'users') {
      const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
      if (!people.ok) return people;
      const others = people.value.filter((p) => p.id !== ctx.requester.id);
      if (others.length === 0)
        return refuse('Who should I share it with? For example: "share the Q3 planning workbook with Megan".');
      recipients = others.map(addressOf);
      who = joinNames(others.map((p) => p.displayName));
    }
    const can = spec.type === 'edit' ? 'edit' : 'view';
    return ok({
      title: `Share "${spec.query}" with ${who} (${can})`,
      steps: [
        step('files.search', { query: spec.query, top: 1 }, `Find "${spec.query}" in your OneDrive.`),
        step(
          'files.share',
          {
            itemId: firstHit('id'),
            itemName: firstHit('name'),
            type: spec.type,
            scope: spec.scope,
            recipients: spec.scope === 'users' ? recipients : undefined,
          },
          `Create a ${can} link for ${who}.`,
        ),
      ],
    });
  },
});
