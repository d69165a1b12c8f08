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
  'failed',
  'cancelled',
  'rejected',
  'limit_reached',
] as const;
export const taskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatus>;

/** Statuses after which nothing runs again. `failed` is not final: Retry or Skip resume it. */
export const FINAL_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled', 'rejected', 'limit_reached'];

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
  approvedBy: z.array(z.string()),
  error: errorInfo.optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});
/** One action of a plan and everything that happened to it. */
export type Step = z.infer<typeof step>;

export const plan = z.object({
  version: z.number().int().positive(),
  steps: z.array(step),
  createdAt: z.string(),
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
});
/** A delegated outcome: its plan, its state, and who may act on it. */
export type Task = z.infer<typeof task>;

export const DECISION_VERBS = ['approve', 'edit', 'reject', 'skip', 'cancel', 'retry', 'pause', 'resume'] as const;
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
  at: z.string(),
});
/** Who did what to a task, when, and to which version of it. */
export type Decision = z.infer<typeof decision>;
