import type { Router } from '../router';

/** The sandbox's drive routes (filled in by the drive feature). */
export function registerDriveRoutes(router: Router): void {
  void router;
}
