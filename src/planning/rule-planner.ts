import type { PlanRequest, PlanResult, Planner } from '../engine/ports';
import { combineFragments } from './compose';
import type { Directory } from './directory';
import { refusalResult, withAnswers } from './extract/people';
import { zonedNow } from './extract/zone';
import type { BuildContext, Fragment } from './intents/fragment';
import { buildMeeting } from './intents/meeting';
import type { BuildableSpec } from './intents/specs';
import { buildSummary } from './intents/summary-mail';
import * as text from './messages';
import { parseRequests } from './parse';
import type { Result } from './result';
import { withCopies } from './intents/copy';
import { splitClauses } from './text/clauses';
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
 * The deterministic, offline planner. It understands three families of outcomes — email a
 * summary of mail, set up a meeting, post a summary of mail to a channel — and combinations of
 * them in one message, extracting their parameters and resolving people and channels through
 * the directory. It proposes data only; user input never makes it throw (directory failures
 * propagate for the engine to report).
 *
 * 1. tidy the text; 2. split it into requests; 3. understand each (no I/O);
 * 4. resolve names and build steps, in order; 5. join them into one plan.
 */
export class RulePlanner implements Planner {
  constructor(private readonly options: RulePlannerOptions) {}

  async plan(request: PlanRequest): Promise<PlanResult> {
    const outcome = normaliseOutcome(request.outcome);
    if (!outcome) return { kind: 'unplannable', message: text.helpMessage('Tell me what you would like done.') };
    if (outcome.length > MAX_OUTCOME_CHARS) return { kind: 'unplannable', message: text.TOO_LONG };
    const { now, zone } = zonedNow(request.now, request.timeZone);
    const clauses = splitClauses(paraphraseMessage(outcome)).map(paraphrase);
    const parsed = parseRequests(clauses, now);
    if (!parsed.ok) return refusalResult(parsed);

    const ctx: BuildContext = {
      // An answer to "which Megan?" makes the chosen person the only match on the re-plan.
      directory: withAnswers(this.options.directory, request.clarifications),
      requester: request.requester,
      scope: request.scope,
      timeZone: zone,
    };
    const fragments: Fragment[] = [];
    for (const [index, spec] of parsed.value.specs.entries()) {
      const built = await build(spec, ctx);
      if (!built.ok) return refusalResult(built);
      const fragment = await withCopies(built.value, parsed.value.copies[index] ?? [], ctx);
      if (!fragment.ok) return refusalResult(fragment);
      fragments.push(fragment.value);
    }
    const { title, steps } = combineFragments(fragments);
    return { kind: 'plan', title, steps };
  }
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
