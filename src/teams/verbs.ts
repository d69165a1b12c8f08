import { z } from 'zod';

/** What every Delegate card action carries: identifiers only, never who may act or what to do. */
const target = z.object({
  taskId: z.string().trim().min(1).max(64),
  planVersion: z.coerce.number().int().positive(),
  stepId: z
    .string()
    .max(16)
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  /** Which card the click came from, so the response replaces it with the same kind. */
  card: z.enum(['task', 'checkpoint', 'result']).optional(),
});

const withReason = target.extend({ reason: z.string().max(2000).optional() });

/** Approve may carry the checkpoint's "approve again later in this task" toggle (cards send "true"/"false"). */
const withRemember = target.extend({
  remember: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** Reassign names the person who takes over, as typed (a name or an email address). */
const withReassignee = target.extend({ reassignTo: z.string().trim().max(200).optional() });

/** Edit forms send their inputs next to the ids; only string values are taken. */
const withValues = target.catchall(z.unknown()).transform((data) => {
  const { taskId, planVersion, stepId, card, ...rest } = data;
  const values = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return { taskId, planVersion, stepId, card, values };
});

/**
 * The one table of card verbs: each verb's data schema. Handlers live in invoke-handler.ts,
 * keyed by the same names, so the compiler checks that every verb has exactly one.
 */
export const VERB_SCHEMAS = {
  approve: withRemember,
  edit: target,
  reject: target,
  save: withValues,
  skip: withReason,
  cancel: withReason,
  retry: target,
  revert: target,
  pause: target,
  resume: target,
  refresh: target,
  answer: withValues,
  revise: withReason,
  reassign: withReassignee,
} as const;

export type Verb = keyof typeof VERB_SCHEMAS;
export type VerbData<V extends Verb> = z.output<(typeof VERB_SCHEMAS)[V]>;

export function isVerb(verb: string): verb is Verb {
  return Object.prototype.hasOwnProperty.call(VERB_SCHEMAS, verb);
}
