import type { DateTime } from 'luxon';
import { NOT_A_MEETING, parseMeetingRef, type MeetingRef } from '../../extract/calendar-ref';
import { ok, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { FOUND, lookupStep } from './lookup';
import { splitMessage } from './reason';

type Answer = 'accept' | 'tentativelyAccept' | 'decline';

/** "Accept the Spring campaign retrospective invitation", "decline the East coast sales kickoff because I'm travelling". */
interface RespondSpec {
  readonly ref: MeetingRef;
  readonly response: Answer;
  readonly comment?: string;
  readonly quietly: boolean;
}

const VERBS: ReadonlyArray<readonly [RegExp, Answer]> = [
  [/^(?:please\s+)?(?:tentatively\s+accept|say\s+maybe\s+to)\s+/, 'tentativelyAccept'],
  [/^(?:please\s+)?(?:accept|say\s+yes\s+to)\s+/, 'accept'],
  [/^(?:please\s+)?(?:decline|turn\s+down|say\s+no\s+to)\s+/, 'decline'],
];
const QUIETLY =
  /,?\s+(?:quietly|silently|without\s+(?:telling|notifying|letting)\s+(?:them|anyone|the\s+organi[sz]er)(?:\s+know)?|without\s+(?:sending\s+)?a\s+(?:response|reply))\b/;
const WORDS: Record<Answer, string> = { accept: 'Accept', tentativelyAccept: 'Tentatively accept', decline: 'Decline' };

function parse(clause: string, now: DateTime): Result<RespondSpec> | undefined {
  let phrase = new Phrase(clause);
  const quiet = phrase.find(QUIETLY);
  if (quiet) phrase = phrase.mask(quiet.start, quiet.end);
  const text = phrase.text.replace(/\u0000+/g, ' ');
  const { request, message } = splitMessage(text);
  const asked = new Phrase(request);
  if (asked.find(NOT_A_MEETING)) return undefined;
  for (const [verb, response] of VERBS) {
    const hit = asked.find(verb);
    if (!hit) continue;
    const ref = parseMeetingRef(request.slice(hit.end), now);
    if (!ref) return undefined;
    return ok({ ref, response, quietly: quiet !== undefined, ...(message ? { comment: message } : {}) });
  }
  return undefined;
}

export const respondIntent = domainIntent<RespondSpec>({
  name: 'calendar.respond',
  parse,
  async build(spec, ctx) {
    // Only invitations: a meeting the requester organises has nothing to answer.
    const lookup = await lookupStep(spec.ref, ctx, { organizedByMe: false });
    if (!lookup.ok) return lookup;
    return ok({
      title: `${WORDS[spec.response]} ${spec.ref.label}`,
      steps: [
        lookup.value.step,
        {
          action: 'calendar.respond',
          input: {
            eventId: FOUND.eventId,
            meetingSubject: FOUND.meetingSubject,
            response: spec.response,
            ...(spec.comment ? { comment: spec.comment } : {}),
            ...(spec.quietly ? { sendResponse: false } : {}),
          },
          rationale: spec.quietly
            ? `${WORDS[spec.response]} it without telling the organizer.`
            : `${WORDS[spec.response]} it; the organizer is told.`,
        },
      ],
    });
  },
});
