import type { Router } from '../router';

/** The sandbox's planner routes (filled in by the planner feature). */
export function registerPlannerRoutes(router: Router): void {
  void router;
}
