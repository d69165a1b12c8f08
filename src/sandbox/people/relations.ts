import { findUser, SANDBOX_DIRECTORY, type SandboxUser } from '../directory';
import type { SandboxStore } from '../store/store';
import { MANAGER, type ManagerLink } from './model';

/** A user's manager, if the directory records one. */
export function managerOf(store: SandboxStore, userId: string): SandboxUser | undefined {
  const link = store.getDoc<ManagerLink>(MANAGER, userId);
  return link ? findUser(link.managerId) : undefined;
}

/** The people who report to a user, in directory order. */
export function directReportsOf(store: SandboxStore, userId: string): SandboxUser[] {
  const ids = new Set(store.listDocs<ManagerLink>(MANAGER, { parent: userId }).map((l) => l.userId));
  return SANDBOX_DIRECTORY.users.filter((u) => ids.has(u.id));
}

/**
 * How close someone is to a user, for ranking `/people` results the way Graph ranks by
 * interaction: manager and reports first, then the same department, then everyone else.
 */
export function closeness(store: SandboxStore, userId: string, other: SandboxUser): number {
  if (managerOf(store, userId)?.id === other.id) return 0;
  if (managerOf(store, other.id)?.id === userId) return 1;
  const me = findUser(userId);
  return me && me.department === other.department ? 2 : 3;
}
