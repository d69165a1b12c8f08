import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { Fragment } from '../fragment';
import { DOC_NOUN, foreign, searchText, step } from './words';

const FIND =
  /^(?:please\s+)?(?:can you\s+)?(?:find|locate|look\s+(?:for|up)|search\s+(?:(?:my\s+|in\s+my\s+)?(?:onedrive|files)\s+)?for|where(?:'s|\s+is)|show\s+me|get\s+me|pull\s+up)\s+(.+?)[?.!]*$/i;

/** "find the Q3 planning workbook", "where is the travel policy?", "search OneDrive for Contoso". */
export const findFile = domainIntent<{ query: string }>({
  name: 'files.find',
  finds: 'file',
  parse(clause) {
    const match = FIND.exec(clause.trim());
    const words = match?.[1];
    if (!words || foreign(clause) || !DOC_NOUN.test(clause)) return undefined;
    const query = searchText(words);
    return query ? ok({ query }) : undefined;
  },
  async build(spec): Promise<Result<Fragment>> {
    return ok({
      title: `Find "${spec.query}" in your OneDrive`,
      steps: [step('files.search', { query: spec.query, top: 5 }, `Search your OneDrive for "${spec.query}".`)],
    });
  },
});
