import type { SandboxStore } from '../store/store';

/** Seed the sandbox's drive data, relative to `now` (filled in by the drive feature). */
export function seedDrive(store: SandboxStore, now: Date): void {
  void store;
  void now;
}
