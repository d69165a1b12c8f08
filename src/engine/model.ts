import { z } from 'zod';

/**
 * The persisted shapes of Delegate's core model (DESIGN §3). Everything that comes back
 * from storage is parsed with these schemas; bump {@link TASK_SCHEMA_VERSION} and add an
 * upgrade in `upgrade.ts` (with a fixture under test/fixtures) when a shape changes.
 */
export const TASK_SCHEMA_VERSION = 1 as const;

export const RISK_CLASSES = ['read', 'compose', 'write-internal', 'write-external', 'destructive'] as const;
export const riskClass = z.enum(RISK_CLASSES);
/** What running an action can do: read, compose without side effects, or write. */
export type RiskClass = z.infer<typeof riskClass>;

export const TASK_STATUSES = [
  'planning',
  'awaiting_plan_approval',
  'running',
  'awaiting_checkpoint',
  'paused',
  'completed',
  /** Every consequential step was skipped or rejected: the task ran to its end and changed nothing. */
  'nothing_done',
  'failed',
  'cancelled',
  'rejected',
  'limit_reached',
] as const;
export const taskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatus>;

/** Statuses after which nothing runs again. `failed` is not final: Retry or Skip resume it. */
export const FINAL_STATUSES: readonly TaskStatus[] = [
  'completed',
  'nothing_done',
  'cancelled',
  'rejected',
  'limit_reached',
];

export const STEP_STATUSES = [
  'pending',
  'awaiting_approval',
  'approved',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'rejected',
] as const;
export const stepStatus = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatus>;

export const gate = z.enum(['auto', 'checkpoint']);
/** Whether a step runs on its own or waits for an approver. */
export type Gate = z.infer<typeof gate>;

export const person = z.object({
  /** Entra object id. */
  id: z.string().min(1),
  name: z.string(),
  /** userPrincipalName, when known. */
  upn: z.string().optional(),
});
/** A user identified by Entra object id. */
export type Person = z.infer<typeof person>;

export const errorInfo = z.object({
  code: z.string(),
  /** Safe to show to users. */
  message: z.string(),
  correlationId: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfo>;

export const tokenUsage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** Model calls made. */
  calls: z.number().int().nonnegative(),
});
/** Language-model tokens spent (planning and compose steps). */
export type TokenUsage = z.infer<typeof tokenUsage>;

export const stepFlag = z.object({
  /** Stable code, e.g. `untraced_recipient`, `link_removed`. */
  code: z.string(),
  /** Shown on the card as a warning. */
  message: z.string(),
});
/** A warning raised by a deterministic guard; a flagged step always stops at a checkpoint. */
export type StepFlag = z.infer<typeof stepFlag>;

export const sourceRef = z.object({ id: z.string(), title: z.string() });
/** A Microsoft 365 item an output was made from, for the card's "Sources". */
export type SourceRef = z.infer<typeof sourceRef>;

export const checkpointTimers = z.object({
  /** When the step began waiting. */
  since: z.string(),
  /** Deadlines, fixed from the policy when the step began waiting. */
  remindAt: z.string().optional(),
  escalateAt: z.string().optional(),
  expireAt: z.string(),
  /** Backup approvers (user ids or `group:<id>`) who become approvers at escalation. */
  escalateTo: z.array(z.string()),
  /** What happens when nobody decided in time; `approve` only ever for read/compose steps. */
  onExpiry: z.enum(['reject', 'cancel', 'approve']),
  /** Set once, when the reminder / escalation fired (so each fires exactly once). */
  remindedAt: z.string().optional(),
  escalatedAt: z.string().optional(),
});
/** A waiting checkpoint's reminder, escalation and expiry. */
export type CheckpointTimers = z.infer<typeof checkpointTimers>;

export const step = z.object({
  id: z.string(),
  action: z.string(),
  /** Input as planned; values may be `{ "$ref": "<stepId>.<path>" }` references to earlier outputs. */
  input: z.record(z.string(), z.unknown()),
  /** Input with references resolved and validated; what an approval binds to. */
  resolvedInput: z.record(z.string(), z.unknown()).optional(),
  rationale: z.string(),
  risk: riskClass,
  gate,
  status: stepStatus,
  attempts: z.number().int().nonnegative(),
  idempotencyKey: z.string(),
  output: z.unknown().optional(),
  provenance: z.array(z.string()),
  /** Titled sources of the output (compose steps), when the action reports them. */
  sources: z.array(sourceRef).optional(),
  /** Guard warnings; present means the step is gated whatever its risk. */
  flags: z.array(stepFlag).optional(),
  approvedBy: z.array(z.string()),
  /** Approvals needed before the step runs (N of the task's approvers); absent = 1. */
  quorum: z.number().int().positive().optional(),
  /** The requester may not approve this step themselves (e.g. high-risk by policy). */
  forbidSelfApproval: z.boolean().optional(),
  /** Why policy gates this step (rule id and wording), shown on its checkpoint card. */
  gateReasons: z.array(z.object({ rule: z.string(), text: z.string() })).optional(),
  /** Reminder, escalation and expiry of the checkpoint while the step waits. */
  checkpoint: checkpointTimers.optional(),
  /**
   * The step as it was before an edit that still waits for approval (new warnings, more approvals
   * needed): Revert puts it back. Kept from the first such edit; dropped on approval or revert.
   */
  beforeEdit: z
    .object({
      resolvedInput: z.record(z.string(), z.unknown()).optional(),
      risk: riskClass,
      flags: z.array(stepFlag).optional(),
      quorum: z.number().int().positive().optional(),
      forbidSelfApproval: z.boolean().optional(),
      gateReasons: z.array(z.object({ rule: z.string(), text: z.string() })).optional(),
    })
    .optional(),
  error: errorInfo.optional(),
  /** Why the step was skipped or rejected, as the person who did it said. */
  reason: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});
/** One action of a plan and everything that happened to it. */
export type Step = z.infer<typeof step>;

export const plan = z.object({
  version: z.number().int().positive(),
  steps: z.array(step),
  createdAt: z.string(),
  /** Nothing consequential and nothing gated: the plan ran without waiting for Approve (policy `checkpoints.readOnlyPlan`). */
  runsAtOnce: z.boolean().optional(),
  /** The one consequential step, known in full, that approving the plan also approves (policy `checkpoints.singleStepPlan`). */
  approvesStep: z.string().optional(),
});
/** A versioned, ordered list of steps; a revision is a new version. */
export type Plan = z.infer<typeof plan>;

export const scope = z.object({
  kind: z.enum(['personal', 'groupChat', 'channel']),
  conversationId: z.string(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
  tenantId: z.string().optional(),
});
/** Where a task lives in Teams. */
export type Scope = z.infer<typeof scope>;

export const task = z.object({
  schemaVersion: z.literal(TASK_SCHEMA_VERSION),
  id: z.string(),
  title: z.string(),
  outcome: z.string(),
  requester: person,
  owner: z.string(),
  approvers: z.array(z.string()),
  scope,
  /** The Bot Framework conversation reference, opaque to the engine. */
  conversation: z.record(z.string(), z.unknown()),
  status: taskStatus,
  plan,
  /** Compare-and-set version: every write must name the version it read. */
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the task first started running; bounds are measured from here. */
  startedAt: z.string().optional(),
  stepsRun: z.number().int().nonnegative(),
  error: errorInfo.optional(),
  /** The status a paused task returns to on resume. */
  pausedFrom: taskStatus.optional(),
  /** When it was paused: a waiting checkpoint's deadlines move on by the time spent paused. */
  pausedAt: z.string().optional(),
  /** The requester's IANA time zone when the task started (used again when re-planning). */
  timeZone: z.string().optional(),
  /** Display names from the directory for the addresses the plans named (address → name), so guards can trace "Megan" to meganb@…. */
  people: z.record(z.string(), z.string()).optional(),
  /** Revision instructions the requester gave (Edit / Reject with a reason), oldest first. */
  instructions: z.array(z.string()).optional(),
  /** Model usage so far (planning, revisions, compose steps). */
  usage: tokenUsage.optional(),
  /** Display names of people who acted on the task (Entra object id → name, from their activities), for cards only. */
  names: z.record(z.string(), z.string()).optional(),
  /**
   * Policy let cards shared in this task's group chat or channel show content drawn from the
   * requester's data (`full`); absent means they show only what will happen (`summary`).
   */
  sharedPreview: z.enum(['summary', 'full']).optional(),
  /** People who follow the task without deciding on it (Entra object ids). */
  watchers: z.array(z.string()).optional(),
  /**
   * Approvals given once for the rest of this task ("approve sends to Megan for the rest of this
   * task"): a later step with the same action and no new destination is approved by the same person.
   */
  remembered: z
    .array(
      z.object({
        id: z.string(),
        action: z.string(),
        /** Destination values (addresses, channels, scopes) the approval covers; sorted. */
        destinations: z.array(z.string()),
        by: z.string(),
        at: z.string(),
        /** The step it was given on. */
        stepId: z.string(),
        /** The policy rules that gated that step: a later step gated by any other rule is not covered. */
        rules: z.array(z.string()).optional(),
        /** Set when someone revoked it. */
        revokedAt: z.string().optional(),
      }),
    )
    .optional(),
  /** The schedule this task is a run of (recurring work), and which occurrence. */
  schedule: z
    .object({
      id: z.string(),
      revision: z.number().int().positive(),
      /** The occurrence instant (ISO-8601 UTC) this run is for. */
      occurrence: z.string(),
      /** The occurrence was missed while Delegate was down and runs late (catch-up); the card says so. */
      caughtUp: z.boolean().optional(),
      /** How many earlier missed occurrences were skipped in favour of this one. */
      skipped: z.number().int().nonnegative().optional(),
      /** Run by hand (`schedule run <id>`). */
      manual: z.boolean().optional(),
      /** The schedule's standing approval started this run (its plan matched the approved one). */
      standing: z.boolean().optional(),
    })
    .optional(),
  /**
   * The plan is still to be made (status `planning`): a worker claims the task like a running
   * one and plans it outside the Teams turn, so a restart does not lose it.
   */
  planPending: z.literal(true).optional(),
  /** Open question the planner asked (status `planning`), and the answers so far. */
  clarification: z
    .object({
      /** The question waiting for an answer; absent once answered. */
      question: z.string().optional(),
      options: z.array(z.string()),
      answers: z.array(z.object({ question: z.string(), answer: z.string() })),
    })
    .optional(),
});
/** A delegated outcome: its plan, its state, and who may act on it. */
export type Task = z.infer<typeof task>;

export const DECISION_VERBS = [
  'approve',
  'edit',
  'reject',
  'skip',
  'cancel',
  'retry',
  'pause',
  'resume',
  'answer',
  'revise',
  'reassign',
  'expire',
  'forget',
  'transfer',
  'watch',
  'unwatch',
  'revert',
] as const;
export const decisionVerb = z.enum(DECISION_VERBS);
export type DecisionVerb = z.infer<typeof decisionVerb>;

export const decision = z.object({
  id: z.string(),
  taskId: z.string(),
  stepId: z.string().optional(),
  planVersion: z.number().int(),
  /** Entra object id from the activity, never from card data. */
  actor: z.string(),
  verb: decisionVerb,
  /** Field-by-field changes for an edit: `{ field: { from, to } }`. */
  edits: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).optional(),
  reason: z.string().optional(),
  /** The person an approval was reassigned to (verb `reassign`). */
  target: z.string().optional(),
  at: z.string(),
});
/** Who did what to a task, when, and to which version of it. */
export type Decision = z.infer<typeof decision>;
