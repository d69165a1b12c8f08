import type { SandboxStore } from '../store/store';
import { isoSeconds } from '../time';
import { seedCalendar } from './calendar';
import { seedChannels } from './channels';
import { seedChats } from './chats';
import { seedDrive } from './drive';
import { seedDirectoryExtras } from './directory-extras';
import { seedPlanner } from './planner';
import { seedTodo } from './todo';
import { seedInjectionMail } from './injection';
import { seedMail } from './mail';

/** Fill an empty store with the deterministic demo tenant, relative to `now`. */
export function seedSandbox(store: SandboxStore, now: Date): void {
  seedMail(store, now);
  seedInjectionMail(store, now);
  seedCalendar(store, now);
  seedChannels(store, now);
  seedChats(store, now);
  seedDrive(store, now);
  seedPlanner(store, now);
  seedTodo(store, now);
  seedDirectoryExtras(store, now);
  store.setMeta('seededAt', isoSeconds(now));
}
