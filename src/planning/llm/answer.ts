import { z } from 'zod';
import type { StepDraft } from '../../engine/ports';
import { withoutNulls } from './strict-schema';

/**
 * The loose answer schema, used only when a catalogue outgrows the strict limits (see
 * strict-schema.ts for the schema sent normally): each step's input is a free-form object and
 * zod checks the rest.
 */
export const ANSWER_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['plan', 'question', 'unplannable'] },
    title: { type: 'string' },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          action: { type: 'string' },
          input: { type: 'object' },
          rationale: { type: 'string' },
        },
        required: ['action', 'input', 'rationale'],
      },
    },
    question: { type: 'string' },
    options: { type: 'array', items: { type: 'string' } },
    message: { type: 'string' },
  },
  required: ['kind'],
  additionalProperties: false,
};

export const ANSWER_SCHEMA_NAME = 'delegate_plan';

/** Fields the model fills for other kinds come back empty or null; they are ignored, not errors. */
const rawAnswer = z.object({
  kind: z.enum(['plan', 'question', 'unplannable']),
  title: z.string().nullish(),
  steps: z
    .array(
      z.object({
        action: z.string().min(1),
        input: z.record(z.string(), z.unknown()),
        rationale: z.string().nullish(),
      }),
    )
    .nullish(),
  question: z.string().nullish(),
  options: z.array(z.string()).nullish(),
  message: z.string().nullish(),
});

/** What the model proposed, before the plan is checked against the catalogue. */
export type Answer =
  | { readonly kind: 'plan'; readonly title: string; readonly steps: readonly StepDraft[] }
  | { readonly kind: 'question'; readonly question: string; readonly options: readonly string[] }
  | { readonly kind: 'unplannable'; readonly message: string };

export type Parsed =
  { readonly ok: true; readonly answer: Answer } | { readonly ok: false; readonly problems: readonly string[] };

const MAX_TITLE = 120;
const MAX_OPTIONS = 5;
const MAX_OPTION = 200;

/** Some models wrap JSON in a Markdown fence even when asked not to. */
function unfence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  return fenced?.[1] ?? content;
}

/** Parse the model's text into an {@link Answer}, or list in plain words why it is unusable. */
export function parseAnswer(content: string, maxSteps: number): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(unfence(content));
  } catch {
    return { ok: false, problems: ['the answer is not a JSON object'] };
  }
  const result = rawAnswer.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`),
    };
  }
  const raw = result.data;
  if (raw.kind === 'question') {
    const question = raw.question?.trim();
    if (!question) return { ok: false, problems: ['a question answer needs a non-empty "question"'] };
    const options = (raw.options ?? []).map((o) => o.trim().slice(0, MAX_OPTION)).filter((o) => o.length > 0);
    return { ok: true, answer: { kind: 'question', question, options: [...new Set(options)].slice(0, MAX_OPTIONS) } };
  }
  if (raw.kind === 'unplannable') {
    const message = raw.message?.trim();
    if (!message) return { ok: false, problems: ['an unplannable answer needs a non-empty "message"'] };
    return { ok: true, answer: { kind: 'unplannable', message } };
  }
  const problems: string[] = [];
  const title = raw.title?.trim() ?? '';
  if (!title) problems.push('a plan needs a non-empty "title"');
  const steps = raw.steps ?? [];
  if (steps.length === 0) problems.push('a plan needs at least one step');
  if (steps.length > maxSteps) problems.push(`a plan may have at most ${maxSteps} steps; this one has ${steps.length}`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    answer: {
      kind: 'plan',
      title: title.slice(0, MAX_TITLE),
      steps: steps.map((step) => ({
        action: step.action,
        input: withoutNulls(step.input) as Record<string, unknown>,
        rationale: step.rationale?.trim() ?? '',
      })),
    },
  };
}
