import { ref } from '../../actions';
import { MAIL_NOUN } from '../../extract/mail-filter';
import { splitNames } from '../../extract/people';
import { ok, type Result } from '../../result';
import { deliverText, withDeliveries, type Delivery } from '../deliver';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import type { Destination } from '../specs';
import { DOC_NOUN, firstHit, searchText, step } from './words';

/** "summarise the spring launch brief", "email Megan a summary of the travel policy". */
interface SummariseFileSpec {
  readonly query: string;
  readonly destinations: readonly Destination[];
}

const SUMMARY =
  '(?:a\\s+(?:quick\\s+|short\\s+|brief\\s+)?(?:summary|recap|precis|synopsis)|the\\s+(?:gist|key\\s+points|main\\s+points|highlights))';
/** "summarise X", "recap X", "give me a summary of X", "a summary of X". */
const SUMMARISE = new RegExp(
  `^(?:please\\s+)?(?:summari[sz]e|recap|precis|(?:give|get|send|show)\\s+me\\s+${SUMMARY}\\s+of|${SUMMARY}\\s+of)\\s+(.+?)(?:\\s+for\\s+me)?[?.!]*$`,
  'i',
);
/** "email Megan a summary of X", "message Adele the gist of X". */
const SEND_SUMMARY = new RegExp(
  `^(?:please\\s+)?(e-?mail|mail|send|message|ping|dm)\\s+(.+?)\\s+${SUMMARY}\\s+of\\s+(.+?)(\\s+(?:on|in|via|over)\\s+teams)?[?.!]*$`,
  'i',
);
/** Words that make the thing summarised mail, a chat or a channel rather than a document. */
const NOT_A_DOCUMENT = /\b(?:thread|conversation|channel|posts?|chats?|inbox|unread)\b/i;

function document(words: string): string | undefined {
  if (!DOC_NOUN.test(words) || MAIL_NOUN.test(words.toLowerCase()) || NOT_A_DOCUMENT.test(words)) return undefined;
  if (!/^(?:the|my|our|this|that)\s/i.test(words)) return undefined;
  return searchText(words);
}

/**
 * A summary of one document in the requester's OneDrive: find it, read its text, summarise it
 * (extractive, as for mail), and deliver the summary like any other ("… and send it to Megan").
 */
export const summariseFile = domainIntent<SummariseFileSpec>({
  name: 'files.summarise',
  finds: 'file',
  deliver: (spec, destination) => ({ ...spec, destinations: [...spec.destinations, destination] }),
  parse(clause) {
    const text = clause.trim();
    const send = SEND_SUMMARY.exec(text);
    if (send) {
      const query = document(send[3] ?? '');
      if (!query) return undefined;
      const names = splitNames(send[2] ?? '');
      if (names.length === 0) return undefined;
      const chat = /^(?:message|ping|dm)$/i.test(send[1] ?? '') || send[4] !== undefined;
      return ok({ query, destinations: [chat ? { kind: 'chat', names } : { kind: 'people', names }] });
    }
    const summarise = SUMMARISE.exec(text);
    const query = summarise ? document(summarise[1] ?? '') : undefined;
    return query ? ok({ query, destinations: [] }) : undefined;
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const what = `"${spec.query}"`;
    const deliveries: Delivery[] = [];
    for (const destination of spec.destinations) {
      const delivery = await deliverText(destination, ref(3, 'summary'), what, () => `Summary of ${spec.query}`, ctx);
      if (!delivery.ok) return delivery;
      deliveries.push(delivery.value);
    }
    const made = [
      step('files.search', { query: spec.query, top: 1 }, `Find ${what} in your OneDrive.`),
      step('files.readText', { itemId: firstHit('id') }, 'Read the text of the document found.'),
      step(
        'text.summarise',
        { text: ref(2, 'text'), sourceId: ref(2, 'itemId'), title: `Summary of ${spec.query}` },
        'Summarise what the document says.',
      ),
    ];
    return ok(withDeliveries(made, `Summarise ${what} from your OneDrive`, deliveries));
  },
});
