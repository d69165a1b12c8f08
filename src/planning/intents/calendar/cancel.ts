import type { DateTime } from 'luxon';
import { NOT_A_MEETING, parseMeetingRef, type MeetingRef } from '../../extract/calendar-ref';
import { ok, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { FOUND, lookupStep } from './lookup';
import { splitMessage } from './reason';

/** "Cancel the Brand refresh kickoff on Monday and tell them the agency needs another week." */
interface CancelSpec {
  readonly ref: MeetingRef;
  readonly comment?: string;
}

const VERB = /^(?:please\s+)?(?:cancel|call\s+off|scrap)\s+/;

function parse(clause: string, now: DateTime): Result<CancelSpec> | undefined {
  const { request, message } = splitMessage(clause);
  const phrase = new Phrase(request);
  const verb = phrase.find(VERB);
  if (!verb || phrase.find(NOT_A_MEETING)) return undefined;
  const ref = parseMeetingRef(request.slice(verb.end), now);
  if (!ref) return undefined;
  return ok({ ref, ...(message ? { comment: message } : {}) });
}

export const cancelMeetingIntent = domainIntent<CancelSpec>({
  name: 'calendar.cancel',
  parse,
  async build(spec, ctx) {
    // Only a meeting the requester organises can be cancelled for everyone.
    const lookup = await lookupStep(spec.ref, ctx, { organizedByMe: true });
    if (!lookup.ok) return lookup;
    return ok({
      title: `Cancel ${spec.ref.label}${spec.ref.dated ? ` ${spec.ref.range.label}` : ''}`,
      steps: [
        lookup.value.step,
        {
          action: 'calendar.cancelEvent',
          input: { ...FOUND, timeZone: ctx.timeZone, ...(spec.comment ? { comment: spec.comment } : {}) },
          rationale: spec.comment
            ? 'Cancel it and send everyone invited your message.'
            : 'Cancel it; everyone invited gets a cancellation.',
        },
      ],
    });
  },
});
