import type { Router } from '../router';

/** The sandbox's chats routes (filled in by the chats feature). */
export function registerChatRoutes(router: Router): void {
  void router;
}
