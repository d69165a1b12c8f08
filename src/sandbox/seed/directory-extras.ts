import type { SandboxStore } from '../store/store';

/** Seed mailbox settings, presence and the reporting lines, relative to `now` (filled in by the people feature). */
export function seedDirectoryExtras(store: SandboxStore, now: Date): void {
  void store;
  void now;
}
