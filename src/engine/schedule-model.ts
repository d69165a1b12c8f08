import { z } from 'zod';
import { gate, person, riskClass, scope } from './model';

/**
 * Recurring delegated work (DESIGN §1 "Recurring work"): a request approved once as a plan
 * template and run as an ordinary task at every occurrence of an RFC 5545 rule. Persisted like
 * tasks: parsed with these schemas whenever it comes back from storage.
 */
export const SCHEDULE_SCHEMA_VERSION = 1 as const;

export const SCHEDULE_STATUSES = ['pending_approval', 'active', 'paused', 'deleted'] as const;
export const scheduleStatus = z.enum(SCHEDULE_STATUSES);
export type ScheduleStatus = z.infer<typeof scheduleStatus>;

/** What happens to occurrences missed while Delegate was down: run the latest once, or skip them all. */
export const catchUp = z.enum(['latest', 'skip']);
export type CatchUp = z.infer<typeof catchUp>;

export const recurrence = z.object({
  /** RFC 5545 RRULE body without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0`. */
  rrule: z.string().min(1),
  /** The wall-clock start (`YYYY-MM-DDTHH:mm`) in `timeZone`; occurrences keep this local time across DST. */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  /** IANA time zone of the owner. */
  timeZone: z.string().min(1),
});
/** When a schedule runs: a rule over wall-clock times in the owner's zone. */
export type Recurrence = z.infer<typeof recurrence>;

export const templateStep = z.object({
  action: z.string(),
  input: z.record(z.string(), z.unknown()),
  rationale: z.string(),
  risk: riskClass,
  /** How policy gated it when the schedule was made: `auto` steps run unattended. */
  gate,
  /** Where the step sends (addresses, channels), sorted and lower-cased; what a standing approval binds to. */
  destinations: z.array(z.string()),
  /** The policy rules that gated it when the schedule was approved. */
  rules: z.array(z.string()),
});
/** One step of the plan as approved; each run re-plans the request and is compared with this. */
export type TemplateStep = z.infer<typeof templateStep>;

export const scheduleRun = z.object({
  /** The occurrence instant (ISO-8601 UTC). */
  occurrence: z.string(),
  taskId: z.string(),
  firedAt: z.string(),
  /** Fired late: the occurrence was missed while Delegate was down (catch-up). */
  caughtUp: z.boolean().optional(),
  /** `schedule run <id>`: fired by hand, outside the rule. */
  manual: z.boolean().optional(),
  /** The run task's status when last looked at. */
  result: z.string().optional(),
});
export type ScheduleRun = z.infer<typeof scheduleRun>;

export const schedule = z.object({
  schemaVersion: z.literal(SCHEDULE_SCHEMA_VERSION),
  /** Short and typable, `S` + letters (for `schedule pause <id>`). */
  id: z.string(),
  title: z.string(),
  /** The request without its recurrence words; planned again at every run, so "last week" means the run's last week. */
  request: z.string(),
  owner: person,
  /** Who may approve the schedule and its runs' checkpoints besides the owner (Entra object ids). */
  approvers: z.array(z.string()),
  scope,
  /** Bot Framework conversation reference, opaque to the engine: runs are posted here. */
  conversation: z.record(z.string(), z.unknown()),
  recurrence,
  /** The rule in words, as shown on the card. */
  words: z.string(),
  template: z.array(templateStep),
  status: scheduleStatus,
  /** Bumped by every edit of the rule or the plan: an approval binds to one revision. */
  revision: z.number().int().positive(),
  /** Compare-and-set version of the stored document. */
  version: z.number().int().nonnegative(),
  /** The standing approval of the current revision. */
  approval: z
    .object({
      by: z.string(),
      at: z.string(),
      revision: z.number().int().positive(),
      /** After this instant runs stop at every checkpoint until the schedule is approved again (policy). */
      expiresAt: z.string().optional(),
    })
    .optional(),
  catchUp,
  consecutiveFailures: z.number().int().nonnegative(),
  /** The next occurrence to fire (ISO-8601 UTC); absent when the rule has no more or it is not active. */
  nextRunAt: z.string().optional(),
  /** The latest occurrence fired or skipped: occurrences up to here are settled. */
  settledThrough: z.string().optional(),
  lastRun: scheduleRun.optional(),
  /** Why it is paused (auto-pause after failures, owner gone, by someone). */
  pausedReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A recurring request, its rule, its approval and how its runs went. */
export type Schedule = z.infer<typeof schedule>;

/** Load a stored schedule document, refusing anything that is not a valid schedule. */
export function parseSchedule(doc: unknown): Schedule {
  return schedule.parse(doc);
}
