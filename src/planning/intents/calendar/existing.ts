import type { DateTime } from 'luxon';
import { parseMeetingRef, type MeetingRef } from '../../extract/calendar-ref';
import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, type Result } from '../../result';
import { domainIntent, namesLens } from '../domain';
import type { BuildContext, Fragment } from '../fragment';
import { FOUND, lookupStep, type LookupOptions } from './lookup';

/** Only the organiser can change who is invited or what a meeting is called. */
const ORGANISED: LookupOptions = { organizedByMe: true };

/** Find the meeting, then change it (calendar.updateEvent on the first one found). */
async function changeFound(
  ref: MeetingRef,
  ctx: BuildContext,
  options: LookupOptions,
  what: { readonly title: string; readonly change: Record<string, unknown>; readonly rationale: string },
): Promise<Result<Fragment>> {
  const lookup = await lookupStep(ref, ctx, options);
  if (!lookup.ok) return lookup;
  return ok({
    title: what.title,
    steps: [
      lookup.value.step,
      {
        action: 'calendar.updateEvent',
        input: { ...FOUND, ...what.change, timeZone: ctx.timeZone },
        rationale: what.rationale,
      },
    ],
  });
}

/** "When is my next 1:1 with Megan?", "when's the Q3 planning workshop": find it, change nothing. */
const WHEN = /^(?:when(?:'s|\s+is|\s+are)|what\s+time\s+is|what\s+day\s+is)\s+(?:my|the|our)\s+(?:next\s+)?(.+)$/i;

export const whenIsIntent = domainIntent<{ readonly ref: MeetingRef }>({
  name: 'calendar.whenIs',
  parse(clause: string, now: DateTime): Result<{ ref: MeetingRef }> | undefined {
    const match = WHEN.exec(clause.trim().replace(/[?.!]+$/, ''));
    if (!match) return undefined;
    const ref = parseMeetingRef(match[1] ?? '', now);
    return ref ? ok({ ref }) : undefined;
  },
  async build(spec, ctx) {
    const lookup = await lookupStep(spec.ref, ctx);
    if (!lookup.ok) return lookup;
    return ok({ title: `Find when ${spec.ref.label} is`, steps: [lookup.value.step] });
  },
});

/** "Invite Lynne and Patti to the Brand refresh kickoff", "add isaiah to the newsletter planning meeting". */
interface InviteSpec {
  readonly names: readonly string[];
  readonly ref: MeetingRef;
}

const INVITE = /^(?:invite|add|bring|include)\s+(.+?)\s+(?:to|in|into|on)\s+(?:the|my|our|tomorrow's|today's)\s+(.+)$/i;
/** Lists, plans, tasks, chats and channels are joined in other ways. */
const NOT_AN_EVENT = /\b(?:list|plan|board|bucket|tasks?|to[\s-]?dos?|channel|chat|team|group|thread|email|mail|cc)\b/i;
/** "to a 90 minute workshop": a new meeting, which the meeting request plans. */
const NEW_MEETING = /^(?:an?|some)\s/i;

export const inviteToExisting = domainIntent<InviteSpec>({
  name: 'calendar.inviteToExisting',
  people: namesLens<InviteSpec>(),
  parse(clause, now) {
    const said = clause.trim().replace(/[?.!]+$/, '');
    const match = INVITE.exec(said);
    if (!match || NEW_MEETING.test(match[2] ?? '') || NOT_AN_EVENT.test(match[2] ?? '') || /["']/.test(match[1] ?? ''))
      return undefined;
    const names = splitNames(match[1] ?? '');
    if (names.length === 0) return undefined;
    // "the Brand refresh kickoff", "tomorrow's review": the words after the verb name the meeting.
    const ref = parseMeetingRef(match[2] ?? '', now);
    if (!ref?.subject) return undefined;
    return ok({ names, ref });
  },
  async build(spec, ctx) {
    const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    const who = joinNames(people.value.map((p) => p.displayName));
    return changeFound(
      spec.ref,
      ctx,
      {},
      {
        title: `Invite ${who} to ${spec.ref.label}`,
        change: { addAttendees: people.value.map(addressOf) },
        rationale: `Add ${who} to it; they get the invitation.`,
      },
    );
  },
});

/** "take Megan off the website copy review": remove them from the meeting (they get a cancellation). */
const UNINVITE = /^(?:take|remove|drop)\s+(.+?)\s+(?:off|from)\s+(?:the|my|our|tomorrow's|today's)\s+(.+)$/i;

export const uninviteFromExisting = domainIntent<InviteSpec>({
  name: 'calendar.uninvite',
  people: namesLens<InviteSpec>(),
  parse(clause, now) {
    const said = clause.trim().replace(/[?.!]+$/, '');
    const match = UNINVITE.exec(said);
    if (!match || NOT_AN_EVENT.test(match[2] ?? '')) return undefined;
    const names = splitNames(match[1] ?? '');
    const ref = parseMeetingRef(match[2] ?? '', now);
    return names.length > 0 && ref?.subject ? ok({ names, ref }) : undefined;
  },
  async build(spec, ctx) {
    const people = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!people.ok) return people;
    const who = joinNames(people.value.map((p) => p.displayName));
    return changeFound(spec.ref, ctx, ORGANISED, {
      title: `Take ${who} off ${spec.ref.label}`,
      change: { removeAttendees: people.value.map(addressOf) },
      rationale: `Remove ${who} from it; they get a cancellation.`,
    });
  },
});

/** "Rename the newsletter planning meeting to "Newsletter: January issue"". */
const RENAME = /^(?:rename|retitle)\s+(?:the|my|our)\s+(.+?)\s+(?:to|as)\s+["'“](.+)["'”]$/i;

export const renameExisting = domainIntent<{ readonly ref: MeetingRef; readonly subject: string }>({
  name: 'calendar.rename',
  parse(clause, now) {
    const match = RENAME.exec(clause.trim().replace(/[.!]+$/, ''));
    if (!match) return undefined;
    const ref = parseMeetingRef(match[1] ?? '', now);
    const subject = (match[2] ?? '').trim();
    return ref?.subject && subject ? ok({ ref, subject }) : undefined;
  },
  build(spec, ctx) {
    return changeFound(spec.ref, ctx, ORGANISED, {
      title: `Rename ${spec.ref.label} to "${spec.subject}"`,
      change: { subject: spec.subject },
      rationale: `Change its subject to "${spec.subject}"; everyone invited gets the update.`,
    });
  },
});

/**
 * "make the social media calendar sync a teams meeting", "add a Teams link to the budget review",
 * "make tomorrow's retro in person": turn an existing meeting into an online one, or back.
 */
const ONLINE =
  /^(?:make|turn|change|switch|convert)\s+(?:(?:the|my|our)\s+)?(.+?)\s+(?:into\s+|to\s+)?(?:an?\s+)?(?:(?:microsoft\s+)?teams\s+(?:meeting|call)|online(?:\s+(?:meeting|call))?|virtual(?:\s+meeting)?)$|^(?:add|put)\s+(?:a\s+)?(?:teams\s+(?:link|meeting(?:\s+link)?)|(?:an?\s+)?online\s+meeting(?:\s+link)?|(?:a\s+)?(?:video|call)\s+link)\s+(?:to|on|in)\s+(?:(?:the|my|our)\s+)?(.+)$/i;
const IN_PERSON =
  /^(?:make|turn|change|switch)\s+(?:(?:the|my|our)\s+)?(.+?)\s+(?:into\s+|to\s+)?(?:an?\s+)?(?:in[\s-]person(?:\s+(?:meeting|one))?|face[\s-]to[\s-]face)$/i;

export const onlineExisting = domainIntent<{ readonly ref: MeetingRef; readonly online: boolean }>({
  name: 'calendar.online',
  parse(clause, now) {
    const said = clause.trim().replace(/[.!]+$/, '');
    const online = ONLINE.exec(said);
    const offline = online ? undefined : IN_PERSON.exec(said);
    const words = online ? (online[1] ?? online[2]) : offline?.[1];
    if (words === undefined) return undefined;
    const ref = parseMeetingRef(words, now);
    return ref?.subject ? ok({ ref, online: online !== null && online !== undefined }) : undefined;
  },
  build(spec, ctx) {
    return changeFound(spec.ref, ctx, ORGANISED, {
      title: spec.online ? `Make ${spec.ref.label} a Teams meeting` : `Make ${spec.ref.label} in person`,
      change: { isOnlineMeeting: spec.online },
      rationale: spec.online
        ? 'Add a Teams meeting link to it; everyone invited gets the update.'
        : 'Remove its Teams meeting link; everyone invited gets the update.',
    });
  },
});
