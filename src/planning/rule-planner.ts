import type { PlanRequest, PlanResult, Planner } from '../engine/ports';
import { accountFor, type Accounting } from './accounting/account';
import { findParts } from './accounting/parts';
import { unusedPartsQuestion, waived } from './accounting/question';
import { amend } from './amend';
import { combineFragments } from './compose';
import type { Directory } from './directory';
import { refusalResult, withAnswers } from './extract/people';
import { withMonths } from './extract/day-of-month';
import { zonedNow } from './extract/zone';
import type { BuildContext, Fragment } from './intents/fragment';
import { buildMeeting } from './intents/meeting';
import { graft } from './intents/follow-on';
import { notifyIntent, withDone, type NotifySpec } from './intents/notify';
import type { BuildableSpec } from './intents/specs';
import { buildSummary } from './intents/summary-mail';
import * as text from './messages';
import { parseRequests } from './parse';
import { notAChange, notUnderstood, whatICanDo } from './refusals';
import { slotQuestion, withSlotAnswers } from './slots';
import type { Refusal, Result } from './result';
import { withCopies } from './intents/copy';
import { splitClauses } from './text/clauses';
import { conditionalMessage, conditionOf } from './text/conditional';
import { paraphrase, paraphraseMessage } from './text/paraphrase';
import { normaliseOutcome } from './text/normalise';

/** Longer messages are refused: a plan from a pasted document would be a guess. */
const MAX_OUTCOME_CHARS = 1000;

/** What the rule planner needs. */
export interface RulePlannerOptions {
  /** People and channel lookups, run as the requester. */
  readonly directory: Directory;
}

/**
 * The deterministic, offline planner. It understands outcomes in every domain of the catalogue
 * — a summary of mail emailed or posted to a channel, meetings, and the mail, calendar, files,
 * Teams, Planner / To Do and people requests of the domain intents (planning/intents/domains) —
 * and combinations of them in one message, extracting their parameters and resolving people and
 * channels through the directory. It proposes data only; user input never makes it throw (directory failures
 * propagate for the engine to report).
 *
 * 1. tidy the text; 2. split it into requests; 3. understand each (no I/O);
 * 4. resolve names and build steps, in order; 5. join them into one plan.
 */
export class RulePlanner implements Planner {
  constructor(private readonly options: RulePlannerOptions) {}

  async plan(request: PlanRequest): Promise<PlanResult> {
    return (await this.explain(request)).result;
  }

  /** The plan (or question, or refusal) and, for a plan, which parts of the request each step carries out. */
  async explain(request: PlanRequest): Promise<{ result: PlanResult; accounting?: Accounting }> {
    // Answers to "What time should it move to?" and the like complete the request they belong to.
    const outcome = normaliseOutcome(withSlotAnswers(request.outcome, request.clarifications));
    if (!outcome) return { result: { kind: 'unplannable', message: whatICanDo('Tell me what you would like done.') } };
    if (outcome.length > MAX_OUTCOME_CHARS) return { result: { kind: 'unplannable', message: text.TOO_LONG } };
    const { now, zone } = zonedNow(request.now, request.timeZone);
    const ctx: BuildContext = {
      // An answer to "which Megan?" makes the chosen person the only match on the re-plan.
      directory: withAnswers(this.options.directory, request.clarifications),
      requester: request.requester,
      scope: request.scope,
      timeZone: zone,
    };
    // A follow-up to the plan awaiting approval changes that plan ("make it 45 minutes").
    if (request.revision) {
      const amended = await amend(request.revision, ctx, now);
      return { result: amended ?? { kind: 'unplannable', message: notAChange(request.revision.instruction) } };
    }
    // "check if Megan is free and if so …": a step that depends on another's result is not a plan.
    const condition = conditionOf(outcome);
    if (condition) return { result: { kind: 'unplannable', message: conditionalMessage(condition) } };
    const clauses = splitClauses(paraphraseMessage(withMonths(outcome, now))).map(paraphrase);
    const parsed = parseRequests(clauses, now, notUnderstood);
    if (!parsed.ok) return { result: answerFor(parsed) };

    const fragments: Fragment[] = [];
    for (const [index, said] of parsed.value.specs.entries()) {
      // "… and tell her on Teams": what to tell is what the request before did.
      const done = fragments.at(-1)?.title;
      const spec =
        said.kind === 'domain' && said.intent === notifyIntent && done
          ? { ...said, value: withDone(said.value as NotifySpec, done) }
          : said;
      const built = await build(spec, ctx);
      if (!built.ok) return { result: answerFor(built) };
      const fragment = await withCopies(built.value, parsed.value.copies[index] ?? [], ctx);
      if (!fragment.ok) return { result: answerFor(fragment) };
      const found = parsed.value.grafts[index];
      const before = fragments.at(-1);
      // "is Adele on holiday? check her auto reply": the same request said twice is done once.
      if (before && sameSteps(before, fragment.value)) continue;
      if (!found || !before) {
        fragments.push(fragment.value);
        continue;
      }
      // "… and flag it": the steps act on what the request before found.
      const grafted = graft(before, fragment.value, found);
      if (!grafted) return { result: { kind: 'unplannable', message: text.DANGLING_IT } };
      fragments[fragments.length - 1] = grafted;
    }
    const { title, steps } = combineFragments(fragments);
    // Every part of the request that carries meaning must be used by some step, or be named.
    const parts = findParts(outcome, { instant: request.now, timezone: zone });
    const accounting = await accountFor(parts, steps, ctx);
    const missing = waived(accounting.unused, request.clarifications);
    if (missing.length > 0) return { result: unusedPartsQuestion(title, missing), accounting };
    return { result: { kind: 'plan', title, steps }, accounting };
  }
}

function sameSteps(a: Fragment, b: Fragment): boolean {
  return JSON.stringify(a.steps) === JSON.stringify(b.steps);
}

/** A refusal as the planner's answer: a question when it asks for a person or a missing part. */
function answerFor(refusal: Refusal): PlanResult {
  return slotQuestion(refusal.message) ?? refusalResult(refusal);
}

function build(spec: BuildableSpec, ctx: BuildContext): Promise<Result<Fragment>> {
  switch (spec.kind) {
    case 'meeting':
      return buildMeeting(spec, ctx);
    case 'summary':
      return buildSummary(spec, ctx);
    case 'domain':
      return spec.intent.build(spec.value, ctx);
  }
}
