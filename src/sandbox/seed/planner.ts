import type { SandboxStore } from '../store/store';

/** Seed the sandbox's planner data, relative to `now` (filled in by the planner feature). */
export function seedPlanner(store: SandboxStore, now: Date): void {
  void store;
  void now;
}
