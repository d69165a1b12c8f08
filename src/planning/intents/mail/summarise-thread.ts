import { ok, refuse, type Result } from '../../result';
import { domainIntent } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { unquote } from '../teams/wording';
import { searchMail, summariseThreadOf } from './steps';
import { NO_THREAD, POLITE } from './wording';

interface ThreadSpec {
  readonly subject: string;
}

const REPLY_PREFIX = /^\s*((re|fw|fwd)\s*:\s*)+/i;
/** "summarise the thread Contoso renewal", "recap the email thread about 'Q3 planning'", "sum up the conversation on X". */
const THREAD = new RegExp(
  `^${POLITE}(?:summari[sz]e|recap|sum\\s+up|give\\s+me\\s+a\\s+summary\\s+of)\\s+(?:the\\s+|my\\s+|this\\s+)?(?:e-?mail\\s+|mail\\s+)?(?:thread|conversation)(?:\\s+(?:about|on|called|titled|named|with\\s+(?:the\\s+)?subject|re:?))?\\s*:?\\s*([\\s\\S]*)$`,
  'i',
);

/** "Summarise the thread Contoso renewal": find the latest mail of that subject, then summarise its whole conversation. */
export const summariseMailThread = domainIntent<ThreadSpec>({
  name: 'mail.summariseThread',
  parse(clause) {
    const match = THREAD.exec(clause.trim());
    if (!match) return undefined;
    const subject = unquote(match[1] ?? '')
      .replace(REPLY_PREFIX, '')
      .trim();
    return subject ? ok({ subject }) : refuse(NO_THREAD);
  },
  async build(spec, _ctx: BuildContext): Promise<Result<Fragment>> {
    return ok({
      title: `Summarise the mail thread "${spec.subject}"`,
      steps: [
        searchMail({ subject: spec.subject, top: 1 }, `Find the latest mail of the thread "${spec.subject}".`),
        summariseThreadOf(1, 'Read every message of that conversation and summarise it.'),
      ],
    });
  },
});
