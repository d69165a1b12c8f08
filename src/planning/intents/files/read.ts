import { ok, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { Fragment } from '../fragment';
import { DOC_NOUN, firstHit, foreign, searchText, step } from './words';

/** Questions about what a document says: no document noun needed, the phrasing is specific enough. */
const ASK =
  /^(?:please\s+)?(?:(?:tell me |show me )?what(?:'s|\s+is)\s+in|what\s+does)\s+(.+?)(?:\s+say(?:\s+about\s+.+)?)?[?.!]*$/i;
/** Imperatives that need a document noun ("read my mail" is not ours). */
const READ = /^(?:please\s+)?(?:read(?:\s+me)?|open)\s+(.+?)[?.!]*$/i;

/** "what's in the spring launch brief", "what does the travel and expense policy say?", "read the meeting notes". */
export const readFile = domainIntent<{ query: string }>({
  name: 'files.read',
  finds: 'file',
  parse(clause) {
    const text = clause.trim();
    if (foreign(text)) return undefined;
    const ask = ASK.exec(text);
    const read = ask ? undefined : READ.exec(text);
    const words = ask?.[1] ?? (read && DOC_NOUN.test(text) ? read[1] : undefined);
    if (!words || !/^(?:the|my|our|this|that)\s/i.test(words)) return undefined;
    const query = searchText(words);
    return query ? ok({ query }) : undefined;
  },
  async build(spec): Promise<Result<Fragment>> {
    return ok({
      title: `Read "${spec.query}" from your OneDrive`,
      steps: [
        step('files.search', { query: spec.query, top: 1 }, `Find "${spec.query}" in your OneDrive.`),
        step('files.readText', { itemId: firstHit('id') }, 'Read the text of the document found.'),
      ],
    });
  },
});
