import type { z } from 'zod';
import type { ActionResult } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import type { LlmClient } from '../../llm/port';

/** Model tokens one compose step spent. */
export type ComposeUsage = NonNullable<ActionResult<unknown>['usage']>;

/** One compose prompt: the system message, the user message, and the answer's shape. */
export interface ComposeCall<T> {
  readonly system: string;
  readonly user: string;
  /** Sent to the model as its structured-output schema (strict: every property required). */
  readonly schemaName: string;
  readonly jsonSchema: Record<string, unknown>;
  /** What a usable answer is; checked whatever the service claims to enforce. */
  readonly answer: z.ZodType<T>;
  readonly maxTokens: number;
  readonly signal?: AbortSignal;
}

/** A model answer that is not JSON or does not fit the action's answer schema. */
export function composeInvalid(problem: string): DelegateError {
  // The cause names only what was wrong (paths and codes), never the answer: it may quote mail.
  return new DelegateError(
    'planner',
    'compose_invalid',
    "The AI model's answer for this step couldn't be used. You can retry or skip the step.",
    {
      cause: new Error(problem),
      retryable: true,
    },
  );
}

/**
 * Make exactly one model call and validate its answer. No repair round: a compose step costs
 * one call (DESIGN §5), and a person can retry it from the task card. No temperature is sent:
 * reasoning-model deployments reject any, and the catalogue has no per-deployment setting.
 */
export async function callModel<T>(llm: LlmClient, call: ComposeCall<T>): Promise<{ answer: T; usage: ComposeUsage }> {
  const result = await llm.complete({
    messages: [
      { role: 'system', content: call.system },
      { role: 'user', content: call.user },
    ],
    jsonSchema: { name: call.schemaName, schema: call.jsonSchema, strict: true },
    maxTokens: call.maxTokens,
    ...(call.signal ? { signal: call.signal } : {}),
  });
  let json: unknown;
  try {
    json = JSON.parse(result.content);
  } catch {
    throw composeInvalid(`${call.schemaName}: the answer is not JSON`);
  }
  const parsed = call.answer.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
    throw composeInvalid(`${call.schemaName}: ${issues}`);
  }
  const { promptTokens, completionTokens, calls } = result.usage;
  return { answer: parsed.data, usage: { promptTokens, completionTokens, calls } };
}
