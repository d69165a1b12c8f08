import type { Person, RiskClass, Scope, Task, TokenUsage } from './model';
import type { PlanApproval } from './fast-path';
import type { ExpiryRule } from './timers';

export * from './store-ports';

/** A step as a planner proposes it, before the engine gives it ids, gates and state. */
export interface StepDraft {
  readonly action: string;
  readonly input: Record<string, unknown>;
  readonly rationale: string;
}

/** What a planner is asked. */
export interface PlanRequest {
  readonly outcome: string;
  readonly requester: Person;
  readonly scope: Scope;
  readonly now: Date;
  readonly timeZone: string;
  /** Questions the planner asked before and the user's answers, oldest first. */
  readonly clarifications?: readonly { readonly question: string; readonly answer: string }[];
  /** Set when re-planning: the plan shown before and what the user said about it. */
  readonly revision?: {
    readonly previousTitle: string;
    readonly previousSteps: readonly StepDraft[];
    /** Free text from Edit ("make it 45 minutes") or the reason given with Reject. */
    readonly instruction: string;
  };
}

/** A planner's answer: a plan made of catalogue actions, a question for the user, or a helpful refusal. */
export type PlanResult =
  | { readonly kind: 'plan'; readonly title: string; readonly steps: readonly StepDraft[]; readonly usage?: TokenUsage }
  | {
      readonly kind: 'question';
      readonly question: string;
      readonly options?: readonly string[];
      readonly usage?: TokenUsage;
    }
  | { readonly kind: 'unplannable'; readonly message: string; readonly usage?: TokenUsage };

/** Turns an outcome into a plan. Returns data; executes nothing. */
export interface Planner {
  /** True when the planner can revise a plan from free-text instructions (the LLM planner). */
  readonly revises?: boolean;
  /**
   * True when planning takes seconds (a model call, a repair, throttling waits): a new request
   * is then taken in at once and planned by a worker outside the Teams turn.
   */
  readonly background?: boolean;
  plan(request: PlanRequest): Promise<PlanResult>;
}

/** What happened to a task, for whoever shows it to people. */
export type TaskEvent =
  | 'planned'
  | 'progress'
  | 'checkpoint'
  | 'completed'
  /** The task ended with every consequential step skipped or rejected. */
  | 'nothing_done'
  | 'failed'
  | 'cancelled'
  | 'rejected'
  | 'paused'
  | 'limit_reached'
  /** A checkpoint is still waiting: approvers are reminded. */
  | 'reminder'
  /** A checkpoint waited too long: backup approvers were added. */
  | 'escalated';

/** Shows tasks to people (Teams cards, proactively). Failures to notify never fail a task. */
export interface Notifier {
  notify(task: Task, event: TaskEvent): Promise<void>;
}

/** Time, injectable so tests control it. */
export interface Clock {
  now(): Date;
}

/** Id generation, injectable so tests are deterministic. */
export interface Ids {
  /** A short, human-typable task id (for `status <id>`). */
  taskId(): string;
  /** A unique id (decisions, idempotency keys). */
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** Structured logging, pino-shaped, so the engine needs no logging SDK. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}

/** What governance knows about one step, to decide how it is gated. */
export interface PolicyQuestion {
  readonly action: string;
  readonly risk: RiskClass;
  /** A deterministic guard raised a warning. */
  readonly flagged: boolean;
  readonly facts: {
    readonly externalRecipients?: boolean;
    readonly recipientCount?: number;
    readonly untrustedSource?: boolean;
    readonly sharingLink?: boolean;
    readonly hasAttachments?: boolean;
    readonly channelMembers?: number;
  };
  readonly requesterId: string;
  readonly scope: {
    readonly kind: 'personal' | 'groupChat' | 'channel';
    readonly teamId?: string;
    readonly channelId?: string;
  };
}

/** Governance's answer for one step. */
export interface PolicyAnswer {
  readonly allowed: boolean;
  readonly deniedBy?: string;
  readonly gate: 'auto' | 'checkpoint';
  readonly quorum: number;
  readonly forbidSelfApproval: boolean;
  /** Entra object ids (and `group:<id>`) who may approve. */
  readonly approvers: readonly string[];
  /** Why the step is gated, rule by rule, for the card. */
  readonly reasons: readonly { readonly rule: string; readonly text: string }[];
}

/** The organisation's policy (a YAML file), as the engine asks it. */
export interface Governance {
  evaluate(question: PolicyQuestion): PolicyAnswer;
  /** True when all execution must stop now; running tasks pause before their next step. */
  killSwitch(): boolean;
  /** How long a checkpoint of this risk may wait, and what happens then. */
  expiry(risk: RiskClass, flagged: boolean): ExpiryRule;
  /** Who may change a channel's approvers and read any task's audit (user ids or `group:<id>`). */
  admins(): readonly string[];
  /**
   * How much of a step's content a card shared in this conversation may show: `summary` keeps
   * what one person's mailbox, files or chats hold off the shared card. Absent: `summary`.
   */
  sharedPreview?(scope: {
    readonly kind: 'personal' | 'groupChat' | 'channel';
    readonly teamId?: string;
    readonly channelId?: string;
  }): 'summary' | 'full';
  /** Which plans skip a click: questions run at once, a single known step is approved with its plan. Absent: both. */
  planApproval?(): PlanApproval;
  /** Limits beyond the engine's own bounds; absent fields mean none. */
  limits(): { readonly tasksPerUserPerDay?: number; readonly stepsPerTask?: number };
}
