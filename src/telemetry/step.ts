import { SpanKind } from '@opentelemetry/api';
import type { ActionContext } from '../engine/catalogue';
import { toDelegateError } from '../engine/errors';
import { instruments } from './instruments';
import { inSpan } from './spans';

/**
 * One trace per background step: the action's run, with its task, step, action and attempt,
 * and its outcome (`ok`, or the error's stable code — never its message, which can quote data).
 * The Graph and model calls the action makes are its child spans. A retried step is counted.
 */
export function inStepSpan<T>(action: string, ctx: ActionContext, run: () => Promise<T>): Promise<T> {
  if (ctx.attempt > 1) instruments().stepRetries.add(1, { 'delegate.action': action });
  return inSpan(
    'delegate.step',
    {
      root: true,
      kind: SpanKind.INTERNAL,
      attributes: {
        'delegate.action': action,
        'delegate.step.attempt': ctx.attempt,
        ...(ctx.step ? { 'delegate.task.id': ctx.step.taskId, 'delegate.step.id': ctx.step.stepId } : {}),
      },
    },
    async (span) => {
      try {
        const result = await run();
        span.setAttribute('delegate.outcome', 'ok');
        return result;
      } catch (error) {
        span.setAttribute('delegate.outcome', toDelegateError(error).code);
        throw error;
      }
    },
  );
}
