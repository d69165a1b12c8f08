import type { Catalogue } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import { buildPlan } from '../../engine/plan-builder';
import type { Ids, StepDraft } from '../../engine/ports';

/** Ids for a plan that is built only to be checked, then thrown away. */
const THROWAWAY_IDS: Ids = { taskId: () => 'check', uuid: () => 'check' };

/**
 * Every reason the engine would refuse these drafts, in the engine's own words: the plan is
 * built with the engine's plan builder (catalogue actions only, literal inputs fit their
 * schema, references point backwards), so the planner and the engine can never disagree.
 */
export function planProblems(drafts: readonly StepDraft[], catalogue: Catalogue, now: Date): string[] {
  try {
    buildPlan(drafts, 1, catalogue, THROWAWAY_IDS, now);
    return [];
  } catch (error) {
    if (!(error instanceof DelegateError) || error.code !== 'invalid_plan') throw error;
    const detail = error.cause instanceof Error ? error.cause.message : '';
    const problems = detail.split('\n').filter((line) => line.trim().length > 0);
    return problems.length > 0 ? problems : ['the plan is not valid'];
  }
}
