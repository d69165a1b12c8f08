import type { SandboxStore } from '../store/store';

/** Seed the sandbox's todo data, relative to `now` (filled in by the todo feature). */
export function seedTodo(store: SandboxStore, now: Date): void {
  void store;
  void now;
}
