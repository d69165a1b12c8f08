import { DateTime } from 'luxon';
import type { PlanRequest, PlanResult, StepDraft } from '../engine/ports';
import { findDuration } from './extract/duration';
import { meetingWindow } from './extract/meeting-window';
import { addressOf, joinNames, resolvePeople, splitNames } from './extract/people';
import { findTimeOfDay, type TimeHit } from './extract/time-of-day';
import { findWhen, type WhenHit } from './extract/when';
import { refusalResult } from './extract/people';
import { parseCopy } from './intents/copy-parse';
import { withCopies } from './intents/copy';
import type { BuildContext } from './intents/fragment';
import { Phrase } from './text/phrase';
import { normaliseOutcome } from './text/normalise';

type Revision = NonNullable<PlanRequest['revision']>;
type Plan = { title: string; steps: StepDraft[] };

const FILLER = /^(?:(?:actually|no|ok|okay|oh|and|also|sorry|wait|hmm)\b[\s,]*)+/i;
const TOO = /\s+(?:too|as\s+well|also|instead)$/i;
const INSTEAD = /\binstead\b/i;
const RECIPIENT =
  /^(?:(?:send|email|e-mail|mail|forward|give|address|make)\s+it\s+to|(?:invite|with|to|for))\s+(.+?)(?:\s+instead(?:\s+of\s+.+)?)?$/i;
const SUBJECT =
  /^(?:call\s+it|name\s+it|title\s+it|rename\s+it(?:\s+to)?|(?:make\s+the\s+|change\s+the\s+)?subject(?:\s+line)?(?:\s+to)?:?)\s+["“']?(.+?)["”']?$/i;
const MEETING = new Set(['calendar.findMeetingTimes', 'calendar.createEvent']);
const SENDS = new Set(['mail.send', 'mail.forward', 'teams.sendChatMessage']);

function lengthLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}

function lastIndex(steps: readonly StepDraft[], actions: ReadonlySet<string>): number {
  let found = -1;
  steps.forEach((step, index) => {
    if (actions.has(step.action)) found = index;
  });
  return found;
}

function replaced(steps: readonly StepDraft[], index: number, input: Record<string, unknown>): StepDraft[] {
  return steps.map((step, i) => (i === index ? { ...step, input } : step));
}

/** "make it 45 minutes": the meeting's length, and its window when it was one exact slot. */
function withDuration(plan: Plan, minutes: number): Plan | undefined {
  const index = plan.steps.findIndex((step) => step.action === 'calendar.findMeetingTimes');
  const find = plan.steps[index];
  if (!find) return undefined;
  const input: Record<string, unknown> = { ...find.input, durationMinutes: minutes };
  const start = typeof find.input.windowStart === 'string' ? DateTime.fromISO(find.input.windowStart) : undefined;
  const end = typeof find.input.windowEnd === 'string' ? DateTime.fromISO(find.input.windowEnd) : undefined;
  const old = Number(find.input.durationMinutes);
  if (start?.isValid && end?.isValid && end.diff(start, 'minutes').minutes === old) {
    input.windowEnd = start.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true }) ?? input.windowEnd;
  }
  return {
    title: plan.title.replace(/\b\d+-(?:minute|hour)\b/, lengthLabel(minutes)),
    steps: replaced(plan.steps, index, input),
  };
}

/** "make it 3pm", "on Thursday instead": the meeting's window, on the day it had unless a new one is said. */
function withWindow(plan: Plan, phrase: Phrase, ctx: BuildContext, now: DateTime): Plan | PlanResult | undefined {
  const index = plan.steps.findIndex((step) => step.action === 'calendar.findMeetingTimes');
  const find = plan.steps[index];
  if (!find) return undefined;
  const said = findTimeOfDay(phrase);
  const when = findWhen(said ? phrase.mask(said.start, said.end) : phrase);
  if (!said && !when) return undefined;
  const previous = DateTime.fromISO(String(find.input.windowStart)).setZone(ctx.timeZone);
  const previousEnd = DateTime.fromISO(String(find.input.windowEnd)).setZone(ctx.timeZone);
  // "Thursday instead" for a meeting at noon: Thursday at noon.
  const exact = previousEnd.diff(previous, 'minutes').minutes === Number(find.input.durationMinutes);
  const time: TimeHit | undefined =
    said ??
    (exact && previous.isValid
      ? { time: { kind: 'at', hour: previous.hour, minute: previous.minute }, today: false, start: 0, end: 0 }
      : undefined);
  const sameDay: WhenHit | undefined =
    when ??
    (previous.isValid
      ? { when: { kind: 'date', month: previous.month, day: previous.day, year: previous.year }, start: 0, end: 0 }
      : undefined);
  const window = meetingWindow(sameDay, time, Number(find.input.durationMinutes), now);
  if (!window.ok) return refusalResult(window);
  return {
    title: plan.title.replace(
      /\s(?:on\s+\w+day\s+\d+\s+\w+|today|tomorrow|next week|this week)(?:\s+(?:at\s+\d\d:\d\d|morning|afternoon|evening))?/,
      ` ${window.value.label}`,
    ),
    steps: replaced(plan.steps, index, {
      ...find.input,
      windowStart: window.value.windowStart,
      windowEnd: window.value.windowEnd,
    }),
  };
}

/** "send it to Adele instead", "with Adele instead": who the plan's message or meeting is for. */
async function withRecipients(plan: Plan, names: readonly string[], ctx: BuildContext): Promise<Plan | PlanResult> {
  const people = await resolvePeople(names, ctx.requester, ctx.directory);
  if (!people.ok) return refusalResult(people);
  const addresses = people.value.map(addressOf);
  const who = joinNames(people.value.map((p) => p.displayName));
  const send = lastIndex(plan.steps, SENDS);
  const target = plan.steps[send];
  if (target?.action === 'teams.sendChatMessage') {
    const person = people.value[0];
    if (!person || people.value.length > 1)
      return { kind: 'unplannable', message: 'A chat message goes to one person: who should get it?' };
    const old = String(target.input.toName ?? '');
    return {
      title: old ? plan.title.replace(old, person.displayName) : plan.title,
      steps: replaced(plan.steps, send, { ...target.input, to: addressOf(person), toName: person.displayName }),
    };
  }
  if (target) {
    const old = await namesOf(target.input.to, ctx);
    return {
      title: old ? plan.title.replace(old, who) : plan.title,
      steps: replaced(plan.steps, send, { ...target.input, to: addresses }),
    };
  }
  if (plan.steps.some((step) => MEETING.has(step.action))) {
    const first = plan.steps.find((step) => MEETING.has(step.action));
    const old = await namesOf(first?.input.attendees, ctx);
    return {
      title: old ? plan.title.replace(old, who) : plan.title,
      steps: plan.steps.map((step) =>
        MEETING.has(step.action) ? { ...step, input: { ...step.input, attendees: addresses } } : step,
      ),
    };
  }
  return { kind: 'unplannable', message: "This plan sends nothing to anyone, so I can't change who it goes to." };
}

async function namesOf(addresses: unknown, ctx: BuildContext): Promise<string | undefined> {
  if (!Array.isArray(addresses) || !addresses.every((a) => typeof a === 'string')) return undefined;
  const names: string[] = [];
  for (const address of addresses as string[]) {
    const [person] = await ctx.directory.findPeople(address, {
      id: ctx.requester.id,
      name: ctx.requester.name,
      upn: ctx.requester.upn,
    });
    names.push(person?.displayName ?? address);
  }
  return joinNames(names);
}

/** "call it Launch lunch": the meeting's or the mail's subject. */
function withSubject(plan: Plan, subject: string): Plan | undefined {
  const index = lastIndex(plan.steps, new Set(['calendar.createEvent', 'mail.send']));
  const step = plan.steps[index];
  if (!step) return undefined;
  return { title: `${plan.title} ("${subject}")`, steps: replaced(plan.steps, index, { ...step.input, subject }) };
}

/**
 * A short follow-up to the plan awaiting approval ("make it 45 minutes", "cc Megan too", "send
 * it to Adele instead", "make it 3pm", "call it Launch lunch"), applied to that plan's steps.
 * Undefined when the instruction is not such a change (it is then a request of its own).
 */
export async function amend(revision: Revision, ctx: BuildContext, now: DateTime): Promise<PlanResult | undefined> {
  const instruction = normaliseOutcome(revision.instruction).replace(FILLER, '').trim();
  if (!instruction) return undefined;
  const plan: Plan = { title: revision.previousTitle, steps: revision.previousSteps.map((s) => ({ ...s })) };
  let result: Plan | PlanResult | undefined;
  const subject = SUBJECT.exec(instruction);
  const copies = parseCopy(instruction.replace(TOO, ''));
  const phrase = new Phrase(instruction.replace(/^(?:make|change|move)\s+it\s+(?:to\s+)?/i, ''));
  const duration = findDuration(phrase);
  const recipient = RECIPIENT.exec(instruction);
  if (subject) result = withSubject(plan, (subject[1] ?? '').trim());
  else if (copies === 'blind') result = { kind: 'unplannable', message: "I can't send blind copies (bcc): only cc." };
  else if (copies) {
    const copied = await withCopies(plan, copies, ctx);
    result = copied.ok ? { title: copied.value.title, steps: [...copied.value.steps] } : refusalResult(copied);
  } else if (duration && plan.steps.some((s) => s.action === 'calendar.findMeetingTimes')) {
    if (duration.minutes < 5 || duration.minutes > 480)
      return {
        kind: 'unplannable',
        message: `A ${duration.minutes}-minute meeting is outside what I can book: choose between 5 minutes and 8 hours.`,
      };
    result = withDuration(plan, duration.minutes);
  } else if (recipient && (INSTEAD.test(instruction) || /^(?:send|email|forward)\s+it\s+to\b/i.test(instruction))) {
    result = await withRecipients(plan, splitNames(recipient[1] ?? ''), ctx);
  } else if (plan.steps.some((s) => s.action === 'calendar.findMeetingTimes')) {
    result = withWindow(plan, phrase, ctx, now);
  }
  if (!result) return undefined;
  return 'kind' in result ? result : { kind: 'plan', title: result.title, steps: result.steps };
}
