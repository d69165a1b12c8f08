import type { SandboxStore } from '../store/store';
import { isoSeconds } from '../time';
import { seedCalendar } from './calendar';
import { seedChannels } from './channels';
import { seedInjectionMail } from './injection';
import { seedMail } from './mail';

/** Fill an empty store with the deterministic demo tenant, relative to `now`. */
export function seedSandbox(store: SandboxStore, now: Date): void {
  seedMail(store, now);
  seedInjectionMail(store, now);
  seedCalendar(store, now);
  seedChannels(store, now);
  store.setMeta('seededAt', isoSeconds(now));
}
