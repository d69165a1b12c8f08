import { addUsage } from '../../engine/budgets';
import type { Catalogue } from '../../engine/catalogue';
import type { TokenUsage } from '../../engine/model';
import type { Logger, PlanRequest, PlanResult, Planner } from '../../engine/ports';
import type { Directory } from '../directory';
import { ANSWER_SCHEMA, ANSWER_SCHEMA_NAME, parseAnswer, type Answer } from './answer';
import type { JsonSchemaFormat } from '../../llm/port';
import { strictSchemaProblems } from './schema-limits';
import { planAnswerSchema } from './strict-schema';
import { gatherContext } from './context';
import type { ChatMessage, ChatResult, LlmClient } from '../../llm/port';
import { catalogueText } from './prompt/catalogue-text';
import { firstCall, repairCall, systemPrompt } from './prompt/messages';
import { allowedFor, untracedDestinations, type Allowed } from './trace';
import { badReferences } from './output-paths';
import { planProblems } from './validate';
import * as wording from './wording';

/** What the LLM planner needs. */
export interface LlmPlannerOptions {
  /** The chat model. */
  readonly llm: LlmClient;
  /** The actions a plan may use; described to the model and checked after it answers. */
  readonly catalogue: Catalogue;
  /** People and channel lookups, run as the requester, to give the model exact addresses and ids. */
  readonly directory: Directory;
  readonly logger: Logger;
  /** Follow-up calls after an unusable answer, each naming what was wrong. Default 1. */
  readonly maxRepairs?: number;
  /** The most steps a plan may have. Default 10. */
  readonly maxSteps?: number;
  /** Completion-token cap per call. Default 2000. */
  readonly maxTokens?: number;
  /** Sampling temperature. Default 0 (the most repeatable plans); `null` sends none, for models that reject it. */
  readonly temperature?: number | null;
}

/** Longer requests are refused before any model call: a pasted document is not an outcome. */
const MAX_OUTCOME_CHARS = 4000;

type Verdict =
  { readonly ok: true; readonly answer: Answer } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The planner backed by a chat model: one call per plan, plus at most `maxRepairs` repair calls
 * when the answer is unusable (bad JSON, unknown action, input that does not fit its schema,
 * or a recipient, attendee or channel that cannot be traced to the request).
 *
 * Only the requester's words, directory entries (names, addresses, channels) and the catalogue
 * are sent at planning time: **no Microsoft 365 content (mail, files, messages) is sent**; steps
 * read it at run time, after approval.
 *
 * 1. refuse empty or oversized requests without a call; 2. look up people and channels;
 * 3. ask the model; 4. parse, validate with the engine's plan builder, trace destinations;
 * 5. on problems, repair once with the problems named; 6. answer with the summed usage.
 */
export class LlmPlanner implements Planner {
  readonly revises = true;
  readonly background = true;
  private readonly actions: string;
  private readonly log: Logger;
  private readonly format: JsonSchemaFormat;

  constructor(private readonly options: LlmPlannerOptions) {
    this.actions = catalogueText(options.catalogue);
    this.log = options.logger.child({ component: 'llm-planner' });
    this.format = answerFormat(options.catalogue, this.log);
  }

  async plan(request: PlanRequest): Promise<PlanResult> {
    const outcome = request.outcome.trim();
    if (!outcome) return { kind: 'unplannable', message: wording.EMPTY };
    if (outcome.length > MAX_OUTCOME_CHARS) return { kind: 'unplannable', message: wording.TOO_LONG };

    const context = await gatherContext(request, this.options.directory);
    const allowed = allowedFor(request, context, this.options.catalogue);
    let messages: ChatMessage[] = firstCall(systemPrompt(this.actions, request, context), { ...request, outcome });
    let reply = await this.call(messages);
    let usage: TokenUsage = reply.usage;
    let verdict = this.check(reply.content, request, allowed);
    for (let repair = 0; !verdict.ok && repair < (this.options.maxRepairs ?? 1); repair++) {
      this.log.info(
        { problems: verdict.problems.length, repair: repair + 1 },
        'plan answer unusable; asking for a repair',
      );
      messages = repairCall(messages, reply.content, verdict.problems);
      reply = await this.call(messages);
      usage = addUsage(usage, reply.usage) ?? usage;
      verdict = this.check(reply.content, request, allowed);
    }
    if (!verdict.ok) {
      this.log.warn({ problems: verdict.problems.length, calls: usage.calls }, 'no valid plan after repair');
      return { kind: 'unplannable', message: wording.couldNotPlan(verdict.problems), usage };
    }
    this.log.info(
      {
        kind: verdict.answer.kind,
        calls: usage.calls,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
      },
      'planned',
    );
    return { ...verdict.answer, usage };
  }

  private async call(messages: readonly ChatMessage[]): Promise<ChatResult> {
    const result = await this.options.llm.complete({
      messages,
      jsonSchema: this.format,
      ...(this.options.temperature === null ? {} : { temperature: this.options.temperature ?? 0 }),
      maxTokens: this.options.maxTokens ?? 2000,
    });
    this.log.debug({ model: result.model, requestId: result.requestId, ...result.usage }, 'model answered');
    return result;
  }

  /** Everything wrong with an answer, at once, so that one repair can fix it all. */
  private check(content: string, request: PlanRequest, allowed: Allowed): Verdict {
    const parsed = parseAnswer(content, this.options.maxSteps ?? 10);
    if (!parsed.ok || parsed.answer.kind !== 'plan') return parsed;
    const { catalogue } = this.options;
    const problems = [
      ...planProblems(parsed.answer.steps, catalogue, request.now),
      ...badReferences(parsed.answer.steps, catalogue),
      ...untracedDestinations(parsed.answer.steps, allowed, catalogue),
    ];
    return problems.length > 0 ? { ok: false, problems } : parsed;
  }
}

/**
 * The structured-output format of plan answers: the catalogue's strict schema, which the service
 * enforces; the loose one (checked by zod alone) only if the catalogue outgrew the strict limits.
 */
function answerFormat(catalogue: Catalogue, log: Logger): JsonSchemaFormat {
  const schema = planAnswerSchema(catalogue);
  const { problems, size } = strictSchemaProblems(schema);
  if (problems.length === 0) return { name: ANSWER_SCHEMA_NAME, schema, strict: true };
  log.warn({ problems: problems.slice(0, 5), ...size }, 'the catalogue does not fit strict structured outputs');
  return { name: ANSWER_SCHEMA_NAME, schema: ANSWER_SCHEMA, strict: false };
}
