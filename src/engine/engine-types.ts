import type { Budgets } from './budgets';
import type { Catalogue } from './catalogue';
import type { DelegateError } from './errors';
import type { Person, Plan, Scope, Task } from './model';
import type {
  Clock,
  Governance,
  Ids,
  Planner,
  Allowances,
  AuditLedger,
  DecisionLog,
  TaskRecords,
  UsageLog,
  WorkQueue,
} from './ports';
import type { Safety } from './safety';

/** What the engine needs; every piece is a small port with an in-memory double for tests. */
export interface EngineDeps {
  readonly store: TaskRecords & DecisionLog & UsageLog & AuditLedger & Allowances & Pick<WorkQueue, 'releaseLease'>;
  readonly planner: Planner;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Daily model-token budgets (LLM planner and compose steps). */
  readonly budgets?: Budgets;
  /** Tenant domains and link allow-list for the deterministic guards; without it, guards are off. */
  readonly safety?: Safety;
  /** The organisation's policy; without it, every step with a side effect stops at a checkpoint. */
  readonly governance?: Governance;
  /** Directory display names of addresses (address → name); unknown addresses are left out. */
  readonly lookupNames?: (addresses: readonly string[]) => Promise<Record<string, string>>;
  /** How many people a channel reaches, for the policy's audience rules (channelMembersMoreThan). */
  readonly channelMembers?: (teamId: string, channelId: string) => Promise<number | undefined>;
  /** Expand `group:<id>` approvers into user ids (Entra group members); without it, groups are dropped. */
  readonly expandPrincipals?: (groups: readonly string[]) => Promise<string[]>;
  /** Called when a task becomes runnable, so a worker can pick it up without waiting for its poll. */
  readonly onRunnable?: (taskId: string) => void;
}

/** A new outcome from someone in Teams. */
export interface StartRequest {
  readonly outcome: string;
  readonly requester: Person;
  readonly scope: Scope;
  /** Opaque Bot Framework conversation reference, for proactive updates. */
  readonly conversation: Record<string, unknown>;
  readonly timeZone: string;
  /** Approvers the conversation designated (`approvers add …`), besides those the policy names. */
  readonly approvers?: readonly string[];
  /**
   * The task's id, fixed in advance (a schedule's run claims it with its occurrence): a task that
   * already exists with this id is returned as it is, so a run started twice is created once.
   */
  readonly taskId?: string;
  /** The schedule and occurrence this task is a run of. */
  readonly schedule?: Task['schedule'];
}

/** A plan made for a request without creating a task (a schedule's template). */
export type DraftResult =
  | {
      readonly kind: 'plan';
      readonly title: string;
      readonly plan: Plan;
      readonly approvers: readonly string[];
      readonly people?: Record<string, string>;
    }
  | { readonly kind: 'question'; readonly message: string }
  | { readonly kind: 'unplannable'; readonly message: string };

export type StartResult =
  { readonly kind: 'planned'; readonly task: Task } | { readonly kind: 'unplannable'; readonly message: string };

export type DecideResult =
  | { readonly kind: 'applied'; readonly task: Task }
  | { readonly kind: 'stale'; readonly task: Task }
  | {
      readonly kind: 'refused';
      readonly task: Task;
      readonly error: DelegateError;
      /** An invalid edit: what is wrong with each field, for the form it came from. */
      readonly problems?: Readonly<Record<string, string>>;
    };

/** A revision or an answer that the planner could not turn into a plan. */
export type ReplanResult =
  DecideResult | { readonly kind: 'unplannable'; readonly task: Task; readonly message: string };
