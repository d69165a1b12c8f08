import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { unquote } from '../teams/wording';
import { senderFilter } from './sender';
import { searchMail, summariseThreadOf } from './steps';
import { NO_THREAD, POLITE } from './wording';

interface ThreadSpec {
  /** The thread's subject, as said ("Contoso renewal"). */
  readonly subject?: string;
  /** "the conversation with Dana about pricing": who is in it and what it is about. */
  readonly with?: string;
  readonly about?: string;
}

const REPLY_PREFIX = /^\s*((re|fw|fwd)\s*:\s*)+/i;
/** "summarise the thread Contoso renewal", "recap the email thread about 'Q3 planning'", "sum up the conversation on X". */
const THREAD = new RegExp(
  `^${POLITE}(?:summari[sz]e|recap|sum\\s+up|give\\s+me\\s+a\\s+summary\\s+of)\\s+(?:the\\s+|my\\s+|this\\s+)?(?:e-?mail\\s+|mail\\s+)?(?:thread|conversation)(?:\\s+(?:about|on|called|titled|named|with\\s+(?:the\\s+)?subject|re:?))?\\s*:?\\s*([\\s\\S]*)$`,
  'i',
);

/** "summarise the Contoso renewal thread": the subject before the noun. */
const SUBJECT_FIRST = new RegExp(
  `^${POLITE}(?:summari[sz]e|recap|sum\\s+up|give\\s+me\\s+a\\s+summary\\s+of)\\s+(?:the\\s+|my\\s+|this\\s+)(?:whole\\s+|entire\\s+)?(.+?)\\s+(?:e-?mail\\s+|mail\\s+)?(?:thread|chain)$`,
  'i',
);
/** "recap the whole email conversation with Dana about pricing". */
const WITH_WHOM = /^with\s+(.+?)(?:\s+(?:about|on|regarding|re:?)\s+(.+))?$/i;

/** "Summarise the thread Contoso renewal": find the latest mail of that subject, then summarise its whole conversation. */
export const summariseMailThread = domainIntent<ThreadSpec>({
  name: 'mail.summariseThread',
  parse(clause) {
    const said = clause.trim().replace(/[?.!]+$/, '');
    const first = SUBJECT_FIRST.exec(said);
    const match = first ? undefined : THREAD.exec(said.replace(/\b(?:the\s+)?(?:whole|entire)\s+/i, 'the '));
    if (!first && !match) return undefined;
    const rest = unquote(first?.[1] ?? match?.[1] ?? '')
      .replace(REPLY_PREFIX, '')
      .trim();
    const withWhom = first ? undefined : WITH_WHOM.exec(rest);
    if (withWhom) return ok({ with: withWhom[1] ?? '', ...(withWhom[2] ? { about: withWhom[2] } : {}) });
    return rest ? ok({ subject: rest }) : refuse(NO_THREAD);
  },
  async build(spec, ctx: BuildContext): Promise<Result<Fragment>> {
    const from = spec.with ? await senderFilter(spec.with, ctx) : ok(undefined);
    if (!from.ok) return from;
    const which = spec.subject
      ? `the mail thread "${spec.subject}"`
      : `your conversation with ${spec.with ?? ''}${spec.about ? ` about ${spec.about}` : ''}`;
    return ok({
      title: `Summarise ${which}`,
      steps: [
        searchMail(
          { subject: spec.subject, from: from.value, query: spec.about, top: 1 },
          `Find the latest mail of ${which}.`,
        ),
        summariseThreadOf(1, 'Read every message of that conversation and summarise it.'),
      ],
    });
  },
});
