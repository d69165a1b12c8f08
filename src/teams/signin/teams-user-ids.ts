import type { Activity } from 'botbuilder';

/** Default bound: enough for a busy tenant's active people, small enough to never matter. */
const DEFAULT_CAPACITY = 5_000;

/**
 * Which Teams user id (`29:…`) belongs to which Entra object id, learnt from incoming activities.
 * The engine knows people by object id; the Bot Framework token service keys their tokens by the
 * Teams id, which is pairwise per bot and only ever arrives on activities. Bounded: the person
 * seen least recently is forgotten first (they get the sign-in card, whose Retry re-teaches us).
 */
export class TeamsUserIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  /**
   * Learn the sender of an activity. Call it for every admitted activity (messages, invokes,
   * conversation updates): only `from.id` with `from.aadObjectId` is kept, nothing else.
   */
  remember(activity: Pick<Partial<Activity>, 'from'>): void {
    const teamsId = activity.from?.id;
    const objectId = activity.from?.aadObjectId;
    if (typeof teamsId !== 'string' || !teamsId.startsWith('29:') || typeof objectId !== 'string' || objectId === '')
      return;
    // Re-inserting moves the entry to the end, so Map order is least recently seen first.
    this.ids.delete(objectId);
    this.ids.set(objectId, teamsId);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
  }

  /** The Teams user id of this Entra object id, if they have been seen since start-up. */
  teamsIdOf(objectId: string): string | undefined {
    return this.ids.get(objectId);
  }

  /** How many people are remembered (for tests and diagnostics). */
  get size(): number {
    return this.ids.size;
  }
}
