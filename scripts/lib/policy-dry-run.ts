import { existsSync } from 'node:fs';
import { createCatalogue } from '../../src/actions';
import type { Task } from '../../src/engine/model';
import { policyQuestion } from '../../src/engine/policy-question';
import type { TaskRecords, TaskStore } from '../../src/engine/ports';
import type { GraphGateway } from '../../src/graph/types';
import { dryRun, type ChangedStep, type Policy } from '../../src/policy';
import { openSqliteStore } from '../../src/store/sqlite-store';

/** Actions only describe their destinations here; nothing may call Graph. */
const NO_GRAPH: GraphGateway = {
  forUser: () => {
    throw new Error('a dry run never calls Graph');
  },
  forApp: () => {
    throw new Error('a dry run never calls Graph');
  },
};

/** Tasks a dry run replays: the most recent ones (at most 100) created in the last `days` days. */
export async function recentTasks(store: TaskRecords, now: Date, days: number): Promise<Task[]> {
  return store.listTasks({ createdAfter: new Date(now.getTime() - days * 86_400_000).toISOString(), limit: 100 });
}

/** Replay every step of these tasks against both policies; one line per step decided differently. */
export function replay(
  tasks: readonly Task[],
  before: Policy,
  after: Policy,
): { lines: string[]; steps: number; changed: number } {
  const catalogue = createCatalogue(NO_GRAPH);
  const refs: Array<{ task: Task; stepId: string; action: string }> = [];
  const questions = tasks.flatMap((task) =>
    task.plan.steps.map((step) => {
      refs.push({ task, stepId: step.id, action: step.action });
      return policyQuestion(step, catalogue.get(step.action), task.requester.id, task.scope);
    }),
  );
  const { changed } = dryRun(before, after, questions);
  const lines = changed.map((c) => {
    const ref = refs[c.index];
    return `task ${ref?.task.id ?? '?'} step ${ref?.stepId ?? '?'} (${ref?.action ?? '?'}): ${describe(c)}`;
  });
  return { lines, steps: questions.length, changed: changed.length };
}

function describe(c: ChangedStep): string {
  // A change of refusal is already said by "refused by …" / "allowed again".
  const differences = c.differences.includes('allowed') ? c.differences.filter((d) => d !== 'deniedBy') : c.differences;
  const parts = differences.map((d) => {
    switch (d) {
      case 'allowed':
        return c.after.allowed
          ? `allowed again (was refused by ${c.before.deniedBy ?? 'policy'})`
          : `refused by ${c.after.deniedBy ?? 'policy'}`;
      case 'deniedBy':
        return `refused by ${c.after.deniedBy ?? '-'} instead of ${c.before.deniedBy ?? '-'}`;
      case 'gate':
        return `${c.before.gate} → ${c.after.gate}${c.after.reasons.length > 0 ? ` (${c.after.reasons.map((r) => r.rule).join(', ')})` : ''}`;
      case 'quorum':
        return `quorum ${c.before.quorum} → ${c.after.quorum}`;
      case 'forbidSelfApproval':
        return c.after.forbidSelfApproval ? 'the requester may no longer approve' : 'the requester may approve again';
      default:
        return `approvers ${c.before.approvers.length} → ${c.after.approvers.length}`;
    }
  });
  return parts.join('; ');
}

/** Open the task database read-only, or explain why not. */
export async function openForDryRun(db: string): Promise<TaskStore | string> {
  if (!existsSync(db)) return `no task database at ${db} (give its path with --db)`;
  try {
    return await openSqliteStore(db, { readonly: true });
  } catch (error) {
    return `cannot open the task database ${db}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
