import type { Catalogue } from '../engine/catalogue';
import type { Decision, Step, Task } from '../engine/model';
import type { LedgerEntry } from '../engine/ports';
import { computeHash } from '../ledger/entry';
import { previewOf } from '../teams/views/describe';
import { RISK_LABELS } from '../teams/views/labels';
import { entryOf, listOf } from '../teams/views/result-entries';
import { httpsUrl } from '../teams/views/result-text';
import { taskSummary, type TaskSummary } from './task-summary';
import type { WaitingItem } from './waiting';

/** One step on a task's timeline: what it did, when, and what it read and created. */
export interface TimelineStep {
  readonly n: number;
  readonly id: string;
  readonly action: string;
  readonly title: string;
  readonly status: Step['status'];
  readonly risk: string;
  readonly gate: Step['gate'];
  readonly attempts: number;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
  /** Items it read: how many, and the titles it reported. */
  readonly read: { readonly count: number; readonly titles: readonly string[] };
  /** What it created or found, with links where Graph gave one. */
  readonly items: readonly { readonly title: string; readonly meta: string; readonly url: string }[];
  readonly approvedBy: readonly string[];
  readonly gateReasons: readonly string[];
  readonly warnings: readonly string[];
  readonly error?: string;
  readonly reason?: string;
}

export interface TimelineDecision {
  readonly at: string;
  readonly who: string;
  readonly verb: Decision['verb'];
  readonly step?: number;
  readonly planVersion: number;
  readonly reason?: string;
  readonly changed: readonly { readonly field: string; readonly from: string; readonly to: string }[];
}

export interface TimelineLedgerEntry {
  readonly seq: number;
  readonly type: LedgerEntry['type'];
  readonly who: string;
  readonly at: string;
  readonly payload: Record<string, unknown>;
  readonly hash: string;
  /** The entry's hash recomputed from its content, and its link to the entry before it. */
  readonly verified: 'ok' | 'hash_mismatch' | 'broken_link';
}

/** A task's page: its timeline, decisions, the policy rules that fired and its ledger. */
export interface TaskPage {
  readonly task: TaskSummary & { readonly outcome: string; readonly planVersion: number };
  /** What of it waits for the signed-in person, if anything. */
  readonly waiting?: WaitingItem;
  readonly plans: readonly {
    readonly version: number;
    readonly at: string;
    readonly by: string;
    readonly steps: readonly { readonly action: string; readonly risk: string; readonly gate: string }[];
  }[];
  readonly steps: readonly TimelineStep[];
  readonly decisions: readonly TimelineDecision[];
  readonly policy: readonly { readonly at: string; readonly step?: number; readonly rules: readonly string[] }[];
  readonly ledger: readonly TimelineLedgerEntry[];
  /** The ledger of a long task is cut after its first entries; `npm run audit` shows it all. */
  readonly ledgerTruncated: boolean;
}

export interface TaskPageParts {
  readonly task: Task;
  readonly decisions: readonly Decision[];
  readonly ledger: readonly LedgerEntry[];
  /** The hash of the entry before each listed one (by seq), for checking links. */
  readonly previousHashes: ReadonlyMap<number, string>;
  readonly ledgerTruncated: boolean;
  readonly waiting?: WaitingItem;
  readonly catalogue: Catalogue;
  readonly botId?: string;
}

export function taskPage(parts: TaskPageParts): TaskPage {
  const { task, catalogue } = parts;
  const who = namer(task);
  const stepNumber = (id: unknown) => {
    const i = task.plan.steps.findIndex((s) => s.id === id);
    return i >= 0 ? i + 1 : undefined;
  };
  return {
    task: { ...taskSummary(task, parts.botId), outcome: task.outcome, planVersion: task.plan.version },
    waiting: parts.waiting,
    plans: parts.ledger
      .filter((e) => e.type === 'plan_version')
      .map((e) => ({
        version: Number(e.payload.version),
        at: e.at,
        by: who(e.actor),
        steps: (Array.isArray(e.payload.steps) ? (e.payload.steps as Record<string, unknown>[]) : []).map((s) => ({
          action: String(s.action),
          risk: String(s.risk),
          gate: String(s.gate),
        })),
      })),
    steps: task.plan.steps.map((step, i) => timelineStep(step, i + 1, catalogue, who)),
    decisions: parts.decisions.map((d) => ({
      at: d.at,
      who: who(d.actor),
      verb: d.verb,
      step: stepNumber(d.stepId),
      planVersion: d.planVersion,
      reason: d.reason,
      changed: Object.entries(d.edits ?? {}).map(([field, change]) => ({
        field,
        from: shown(change.from),
        to: shown(change.to),
      })),
    })),
    policy: [
      ...parts.ledger
        .filter((e) => e.type === 'policy_decision')
        .map((e) => ({ at: e.at, step: stepNumber(e.payload.stepId), rules: rulesOf(e.payload) })),
      ...task.plan.steps
        .filter((s) => (s.gateReasons ?? []).length > 0)
        .map((s) => ({
          at: s.checkpoint?.since ?? task.plan.createdAt,
          step: stepNumber(s.id),
          rules: (s.gateReasons ?? []).map((r) => `${r.rule}: ${r.text}`),
        })),
    ],
    ledger: parts.ledger.map((e) => ({
      seq: e.seq,
      type: e.type,
      who: e.actor === 'system' ? 'Delegate' : who(e.actor),
      at: e.at,
      payload: e.payload,
      hash: e.hash,
      verified: verdict(e, parts.previousHashes.get(e.seq)),
    })),
    ledgerTruncated: parts.ledgerTruncated,
  };
}

function timelineStep(step: Step, n: number, catalogue: Catalogue, who: (id: string) => string): TimelineStep {
  const output =
    step.output !== null && typeof step.output === 'object' ? (step.output as Record<string, unknown>) : {};
  const list = listOf(output);
  const created = httpsUrl(output.webUrl) || httpsUrl(output.webLink);
  const items = list
    ? list.items.slice(0, 10).map(entryOf)
    : created
      ? [
          {
            title: String(output.subject ?? output.name ?? output.displayName ?? 'Created item'),
            meta: '',
            url: created,
          },
        ]
      : [];
  const started = step.startedAt ? Date.parse(step.startedAt) : NaN;
  const finished = step.finishedAt ? Date.parse(step.finishedAt) : NaN;
  return {
    n,
    id: step.id,
    action: step.action,
    title: previewOf(step, catalogue).title,
    status: step.status,
    risk: RISK_LABELS[step.risk].label,
    gate: step.gate,
    attempts: step.attempts,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
    durationMs: Number.isFinite(started) && Number.isFinite(finished) ? finished - started : undefined,
    read: { count: step.provenance.length, titles: (step.sources ?? []).map((s) => s.title) },
    items,
    approvedBy: step.approvedBy.map(who),
    gateReasons: (step.gateReasons ?? []).map((r) => r.text),
    warnings: (step.flags ?? []).map((f) => f.message),
    error: step.error?.message,
    reason: step.reason,
  };
}

function verdict(entry: LedgerEntry, previousHash: string | undefined): TimelineLedgerEntry['verified'] {
  const { hash, ...rest } = entry;
  if (computeHash(rest) !== hash) return 'hash_mismatch';
  if (previousHash !== undefined && previousHash !== entry.prevHash) return 'broken_link';
  return 'ok';
}

function rulesOf(payload: Record<string, unknown>): string[] {
  const rules = payload.rules ?? payload.rule ?? payload.reasons;
  if (Array.isArray(rules)) return rules.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
  if (typeof rules === 'string') return [rules];
  return [JSON.stringify(payload)];
}

/** Names for ids: the requester's and those the task learned from activities; else the id. */
function namer(task: Task): (id: string) => string {
  return (id) => (id === task.requester.id ? task.requester.name : (task.names?.[id] ?? id));
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
