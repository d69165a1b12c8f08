import type { SandboxStore } from '../store/store';

/** Seed the sandbox's chats data, relative to `now` (filled in by the chats feature). */
export function seedChats(store: SandboxStore, now: Date): void {
  void store;
  void now;
}
