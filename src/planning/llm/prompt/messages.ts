import type { PlanRequest, StepDraft } from '../../../engine/ports';
import type { PlanningContext } from '../context';
import type { ChatMessage } from '../../../llm/port';
import { contextText } from './context-text';
import { ROLE, RULES } from './rules';

/**
 * The system prompt: role and rules, the catalogue, then this request's context. Only
 * directory facts (names, addresses, channel ids) are included; no Microsoft 365 content.
 * `actions` is the catalogue as text (see catalogue-text.ts), made once per planner.
 */
export function systemPrompt(actions: string, request: PlanRequest, context: PlanningContext): string {
  return [
    ROLE,
    RULES,
    `## Actions\n${actions}`,
    contextText({
      now: request.now,
      timeZone: request.timeZone,
      requester: request.requester,
      scope: request.scope,
      context,
    }),
  ].join('\n\n');
}

function stepLine(step: StepDraft, index: number): string {
  return `s${index + 1}: ${JSON.stringify({ action: step.action, input: step.input, rationale: step.rationale })}`;
}

/** The requester's words: the outcome, the answers to earlier questions, and a revision instruction. */
export function userMessage(request: PlanRequest): string {
  const parts = [`Request: ${request.outcome}`];
  const answered = request.clarifications ?? [];
  if (answered.length > 0) {
    parts.push(
      [
        'You asked, and the requester answered:',
        ...answered.flatMap((c) => [`Q: ${c.question}`, `A: ${c.answer}`]),
      ].join('\n'),
    );
  }
  const revision = request.revision;
  if (revision) {
    parts.push(
      [
        'The requester was shown this plan:',
        `Title: ${revision.previousTitle}`,
        ...revision.previousSteps.map(stepLine),
        `They want it changed: ${revision.instruction}`,
        'Answer with the complete new plan (every step, not only the changes), or a question, or unplannable.',
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

/** The follow-up after an unusable answer: what was wrong, and a request for the whole answer again. */
export function repairMessage(problems: readonly string[]): string {
  return [
    'Your answer cannot be used:',
    ...problems.map((problem) => `- ${problem}`),
    'Answer again with the whole corrected JSON object, following the rules. If the request cannot be planned within the rules, ask a question or answer with kind "unplannable".',
  ].join('\n');
}

/** The conversation for the first call. */
export function firstCall(system: string, request: PlanRequest): ChatMessage[] {
  return [
    { role: 'system', content: system },
    { role: 'user', content: userMessage(request) },
  ];
}

/** The conversation for the repair call: the first one, the model's answer, and the problems. */
export function repairCall(first: readonly ChatMessage[], answer: string, problems: readonly string[]): ChatMessage[] {
  return [...first, { role: 'assistant', content: answer }, { role: 'user', content: repairMessage(problems) }];
}
