import type { SandboxStore } from '../store/store';
import { PRESENCE, type Presence } from './model';

/** A user's presence; someone never seen signed in reads as Offline / PresenceUnknown, as Teams shows. */
export function presenceOf(store: SandboxStore, userId: string): Presence {
  return (
    store.getDoc<Presence>(PRESENCE, userId) ?? {
      id: userId,
      availability: 'PresenceUnknown',
      activity: 'PresenceUnknown',
      statusMessage: null,
    }
  );
}
