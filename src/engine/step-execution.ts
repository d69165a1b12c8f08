import type { Audit } from './audit';
import { addUsage, checkBudget, type Budgets } from './budgets';
import type { ActionSpec, ExternalRequest } from './catalogue';
import { DelegateError } from './errors';
import type { ErrorInfo, Task } from './model';
import { withStep } from './mutate';
import type { Clock, Ids, Logger, AuditLedger, TaskRecords, UsageLog } from './ports';
import { stepError } from './step-runner';
import { withTimeout } from '../retry/with-timeout';

/** What running one step needs from the worker. */
export interface StepExecutionDeps {
  readonly store: TaskRecords & UsageLog & AuditLedger;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly audit: Audit;
  readonly stepTimeoutMs: number;
  readonly budgets?: Budgets;
  /** The worker's compare-and-set write (it also records status changes). */
  mutate(taskId: string, change: (task: Task) => Task | undefined): Promise<{ task: Task; changed: boolean }>;
}

/** How a step run ended: the task to continue with, or the failure to record. */
export type StepOutcome =
  | { readonly kind: 'succeeded'; readonly task: Task }
  | { readonly kind: 'failed'; readonly task: Task; readonly error: ErrorInfo }
  | { readonly kind: 'not_runnable'; readonly task: Task };

/**
 * Run one step of a claimed task: mark it running (compare-and-set, counting the attempt),
 * call the action with its idempotency key under a timeout, validate and record the output,
 * and append the step's result and every Microsoft Graph request it made to the ledger.
 */
export async function executeStep(
  deps: StepExecutionDeps,
  task: Task,
  stepId: string,
  spec: ActionSpec,
  input: Record<string, unknown>,
  log: Logger,
): Promise<StepOutcome> {
  const { clock, ids, audit, stepTimeoutMs } = deps;
  const { task: claimed, changed } = await deps.mutate(task.id, (t) => {
    const step = t.plan.steps.find((s) => s.id === stepId);
    const runnable =
      step &&
      (step.status === 'approved' || step.status === 'running' || (step.status === 'pending' && step.gate === 'auto'));
    if (t.status !== 'running' || !runnable) return undefined;
    return withStep(t, stepId, (s) => ({
      ...s,
      status: 'running',
      attempts: s.attempts + 1,
      resolvedInput: input,
      startedAt: clock.now().toISOString(),
    }));
  });
  const step = claimed.plan.steps.find((s) => s.id === stepId);
  if (!changed || !step) return { kind: 'not_runnable', task: claimed };
  const stepLog = log.child({ stepId, action: spec.name, attempt: step.attempts });
  const requests: ExternalRequest[] = [];
  const recordRequests = async (): Promise<void> => {
    for (const request of requests.splice(0)) {
      await audit.record(claimed.id, 'graph_request', 'system', { stepId, attempt: step.attempts, ...request });
    }
  };
  try {
    if (spec.risk === 'compose') {
      await checkBudget(
        deps.store,
        deps.budgets,
        { requesterId: claimed.requester.id, tenantId: claimed.scope.tenantId },
        clock.now(),
      );
    }
    const result = await withTimeout(
      stepTimeoutMs,
      (signal) =>
        spec.run(input, {
          idempotencyKey: step.idempotencyKey,
          actor: { id: claimed.requester.id, upn: claimed.requester.upn, name: claimed.requester.name },
          attempt: step.attempts,
          step: { taskId: claimed.id, stepId },
          now: clock.now(),
          ...(claimed.timeZone ? { timeZone: claimed.timeZone } : {}),
          signal,
          onRequest: (request) => requests.push(request),
        }),
      { onTimeout: stepTimeout },
    );
    const output = spec.output.parse(result.output);
    const { task: next } = await deps.mutate(claimed.id, (t) =>
      t.plan.steps.find((s) => s.id === stepId)?.status === 'running'
        ? {
            ...withStep(t, stepId, (s) => ({
              ...s,
              status: 'succeeded',
              output,
              provenance: [...result.provenance],
              sources: result.sources
                ? result.sources.map((source) => ({ id: source.id, title: source.title }))
                : s.sources,
              finishedAt: clock.now().toISOString(),
              error: undefined,
            })),
            stepsRun: t.stepsRun + 1,
            usage: addUsage(t.usage, result.usage),
          }
        : undefined,
    );
    if (result.usage) {
      await deps.store.recordUsage({
        entryId: `${claimed.id}:${stepId}:${step.attempts}`,
        taskId: claimed.id,
        requesterId: claimed.requester.id,
        tenantId: claimed.scope.tenantId,
        at: clock.now().toISOString(),
        usage: { ...result.usage },
      });
    }
    await recordRequests();
    await audit.record(claimed.id, 'step_result', 'system', {
      stepId,
      action: spec.name,
      attempt: step.attempts,
      status: 'succeeded',
      provenance: [...result.provenance],
      created: createdIds(output),
    });
    stepLog.info({}, 'step succeeded');
    return { kind: 'succeeded', task: next };
  } catch (error) {
    const { info, cause } = stepError(error, ids.uuid());
    stepLog.warn({ err: cause, cause: cause.cause, correlationId: info.correlationId, code: info.code }, 'step failed');
    await recordRequests().catch((err: unknown) => stepLog.warn({ err }, "could not record the step's Graph requests"));
    return { kind: 'failed', task: claimed, error: info };
  }
}

/** Ids of what a step created (message, event, item), for the ledger. */
function createdIds(output: unknown): Record<string, string> {
  if (typeof output !== 'object' || output === null) return {};
  return Object.fromEntries(
    Object.entries(output).filter(([key, value]) => /Id$/.test(key) && typeof value === 'string'),
  ) as Record<string, string>;
}

const stepTimeout = (): DelegateError =>
  new DelegateError('system', 'step_timeout', 'The step took too long and was stopped.', { retryable: true });
