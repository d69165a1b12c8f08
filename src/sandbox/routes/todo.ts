import type { Router } from '../router';

/** The sandbox's todo routes (filled in by the todo feature). */
export function registerTodoRoutes(router: Router): void {
  void router;
}
