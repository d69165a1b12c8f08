import type { Router } from '../router';

/** The sandbox's people routes (filled in by the people feature). */
export function registerPeopleRoutes(router: Router): void {
  void router;
}
