import { z } from 'zod';
import { RISK_CLASSES, type RiskClass } from '../engine/model';
import { hasSideEffect } from '../engine/catalogue';
import { actionGlob, principal, rule } from './rule-schema';

const positiveInt = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be at least 1');
const CONSEQUENTIAL = RISK_CLASSES.filter(hasSideEffect);

/** Who approves, how many of them, and whether the requester counts. */
const approvalSettings = {
  /** Approvals needed. */
  quorum: positiveInt.default(1),
  /** The requester may not approve their own steps. */
  forbidSelfApproval: z.boolean().default(false),
  /** Approvers besides the requester: user object ids or `group:<id>`. */
  approvers: z.array(principal).default([]),
};

/** Reject a quorum that the listed people can never reach (groups have unknown size, so they pass). */
function checkReachable(
  value: { quorum: number; forbidSelfApproval: boolean; approvers: string[] },
  ctx: z.RefinementCtx,
): void {
  if (value.approvers.some((p) => p.startsWith('group:'))) return;
  const people = new Set(value.approvers).size + (value.forbidSelfApproval ? 0 : 1);
  if (value.quorum > people) {
    ctx.addIssue({
      code: 'custom',
      path: ['quorum'],
      message: `quorum ${value.quorum} can never be reached: only ${people} ${people === 1 ? 'person' : 'people'} may approve (${value.forbidSelfApproval ? 'listed approvers, not the requester' : 'the requester plus listed approvers'})`,
    });
  }
}

const channelMatch = z
  .strictObject({
    teamId: z.string().min(1).optional(),
    channelId: z.string().min(1).optional(),
    channelName: z.string().min(1).optional(),
  })
  .refine((m) => m.channelId !== undefined || m.channelName !== undefined, 'needs channelId or channelName');

/**
 * Approvers for tasks in one channel. A quorum the listed people cannot reach is only a warning
 * here: team owners add the rest in the channel with `approvers add`.
 */
const channelApprovers = z.strictObject({ match: channelMatch, ...approvalSettings });

const approvers = z.strictObject({
  /** Personal and group chats, and channels no entry matches. */
  default: z.strictObject(approvalSettings).superRefine(checkReachable).prefault({}),
  /** First matching entry wins. */
  channels: z.array(channelApprovers).default([]),
});

const EXPIRY_OUTCOMES = ['reject', 'cancel', 'approve'] as const;
/** What happens to a checkpoint nobody answered in time. */
export type ExpiryOutcome = (typeof EXPIRY_OUTCOMES)[number];
const outcome = z.enum(EXPIRY_OUTCOMES, { error: 'must be reject, cancel or approve' });

const onExpiry = z
  .union(
    [
      outcome,
      z.strictObject(
        Object.fromEntries(RISK_CLASSES.map((r) => [r, outcome.default('reject')])) as Record<
          RiskClass,
          z.ZodDefault<typeof outcome>
        >,
      ),
    ],
    {
      error: 'must be reject or cancel, or a map from risk class to reject | cancel | approve',
    },
  )
  .superRefine((value, ctx) => {
    if (value === 'approve') {
      ctx.addIssue({
        code: 'custom',
        message: `approve is refused: consequential steps (${CONSEQUENTIAL.join(', ')}) never run because nobody answered; use reject or cancel, or a per-risk map that approves only read/compose`,
      });
    } else if (typeof value === 'object') {
      for (const risk of CONSEQUENTIAL) {
        if (value[risk] === 'approve')
          ctx.addIssue({
            code: 'custom',
            path: [risk],
            message: `approve is refused for ${risk}: a consequential step never runs because nobody answered`,
          });
      }
    }
  })
  .transform((value): Record<RiskClass, ExpiryOutcome> =>
    typeof value === 'string'
      ? (Object.fromEntries(RISK_CLASSES.map((r) => [r, value])) as Record<RiskClass, ExpiryOutcome>)
      : value,
  );

const expiry = z
  .strictObject({
    checkpointMinutes: positiveInt.default(1440),
    remindAfterMinutes: positiveInt.default(240),
    /** Default: halfway between the reminder and expiry (only when escalateTo names someone). */
    escalateAfterMinutes: positiveInt.optional(),
    escalateTo: z.array(principal).default([]),
    onExpiry: onExpiry.prefault('reject'),
  })
  .superRefine((value, ctx) => {
    if (value.remindAfterMinutes >= value.checkpointMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['remindAfterMinutes'],
        message: `must be less than checkpointMinutes (${value.checkpointMinutes})`,
      });
    }
    const escalate = value.escalateAfterMinutes;
    if (escalate !== undefined && (escalate <= value.remindAfterMinutes || escalate >= value.checkpointMinutes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalateAfterMinutes'],
        message: `must be after remindAfterMinutes (${value.remindAfterMinutes}) and before checkpointMinutes (${value.checkpointMinutes})`,
      });
    }
  });

/** Rule ids are shown on cards, so each must name one rule. Runs even when some rule is invalid, to list every problem at once. */
function noDuplicateIds(rules: readonly unknown[], ctx: z.RefinementCtx): void {
  if (!Array.isArray(rules)) return; // runs even when `rules` is not a list at all
  const seen = new Set<string>();
  rules.forEach((r, index) => {
    const id = typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate rule id "${id}"` });
    seen.add(id);
  });
}

const PREVIEWS = ['summary', 'full'] as const;
const preview = z.enum(PREVIEWS, { error: 'must be summary or full' });

/**
 * What a card shared in a group chat or a channel shows of content drawn from one person's
 * mailbox, files or chats: `summary` (what will happen, where, how much, from what: never the
 * content; approvers see it in their own view) or `full`. Personal chats always show everything.
 */
const sharedCards = z.strictObject({
  groupChat: preview.default('summary'),
  channel: preview.default('summary'),
  /** Per channel; the first matching entry wins. */
  channels: z.array(z.strictObject({ match: channelMatch, preview })).default([]),
});

/**
 * Recurring work: what a schedule's standing approval may cover at run time (never read/compose,
 * which need none; destructive only if listed), how often a schedule may run, who may create one
 * in a channel, and when a schedule pauses itself.
 */
const schedules = z.strictObject({
  standingApproval: z
    .strictObject({
      /** Consequential risk classes a standing approval may cover; default none (every such step stops). */
      covers: z
        .array(
          z.enum(CONSEQUENTIAL as [RiskClass, ...RiskClass[]], { error: `must be one of ${CONSEQUENTIAL.join(', ')}` }),
        )
        .default([]),
      /** Days a standing approval lasts before the schedule must be approved again. */
      expiresAfterDays: positiveInt.default(90),
    })
    .prefault({}),
  /** Shortest time between two runs (maximum frequency). */
  minIntervalMinutes: positiveInt.default(60),
  /** Who may create schedules in a channel. */
  channelCreators: z
    .enum(['anyone', 'approvers', 'admins'], { error: 'must be anyone, approvers or admins' })
    .default('anyone'),
  /** Consecutive failed runs before a schedule pauses itself. */
  failuresBeforePause: positiveInt.default(3),
  /** Occurrences missed while Delegate was down: run the latest once, or skip them. */
  catchUp: z.enum(['latest', 'skip'], { error: 'must be latest or skip' }).default('latest'),
});

/** The governance policy an admin edits (DESIGN §1): every section optional except `version`. */
const rateBucket = z.strictObject({ burst: positiveInt, perMinute: positiveInt });

export const policySchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (the only policy version)' }),
  /** true stops all execution at once. */
  killSwitch: z.boolean().default(false),
  actions: z
    .strictObject({
      allow: z.array(actionGlob).default(['*']),
      deny: z.array(actionGlob).default([]),
      /** Destructive actions (delete, cancel) are off unless this says otherwise. */
      destructive: z.boolean().default(false),
    })
    .prefault({}),
  /** Which risk classes stop at a checkpoint (flagged steps always do). */
  checkpoints: z
    .strictObject({
      read: z.boolean().default(false),
      compose: z.boolean().default(false),
      'write-internal': z.boolean().default(true),
      'write-external': z.boolean().default(true),
      destructive: z.boolean().default(true),
      /** A plan that only reads or composes, with nothing gated (a question): `run` at once, or wait for `approve`. */
      readOnlyPlan: z.enum(['run', 'approve'], { error: 'must be run or approve' }).default('run'),
      /** A plan whose one consequential step is known in full: `merge` (one Approve covers both) or `separate`. */
      singleStepPlan: z.enum(['merge', 'separate'], { error: 'must be merge or separate' }).default('merge'),
    })
    .prefault({}),
  rules: z
    .array(rule)
    .superRefine(noDuplicateIds, { when: () => true })
    .default([]),
  approvers: approvers.prefault({}),
  expiry: expiry.prefault({}),
  /** Absent means no limit beyond the engine's own bounds. */
  budgets: z
    .strictObject({
      tasksPerUserPerDay: positiveInt.optional(),
      stepsPerTask: positiveInt.optional(),
      modelTokensPerUserPerDay: positiveInt.optional(),
      modelTokensPerTenantPerDay: positiveInt.optional(),
    })
    .prefault({}),
  /**
   * Token buckets for new requests (messages that start or steer work), per person and per
   * tenant, held in the store so they hold across instances: `burst` requests at once, then
   * `perMinute` on average.
   */
  rateLimits: z
    .strictObject({
      perUser: rateBucket.default({ burst: 20, perMinute: 30 }),
      perTenant: rateBucket.default({ burst: 300, perMinute: 1200 }),
    })
    .prefault({}),
  /** May change channel approvers and read every task's audit. */
  admins: z.array(principal).default([]),
  sharedCards: sharedCards.prefault({}),
  /** Whether an approval of one action can be reused by a later task (default: never). */
  rememberDecisions: z.strictObject({ acrossTasks: z.boolean().default(false) }).prefault({}),
  /** Recurring work (docs/policy.md "schedules"). */
  schedules: schedules.prefault({}),
});

/** A validated policy with every default filled in. */
export type Policy = z.output<typeof policySchema>;
/** A policy as written in YAML (sections optional). */
export type PolicyInput = z.input<typeof policySchema>;
/** A channel's approver entry. */
export type ChannelApprovers = Policy['approvers']['channels'][number];

/** The policy used when no file is configured: writes need one approval, nothing else is restricted. */
export const DEFAULT_POLICY: Policy = policySchema.parse({ version: 1 });
