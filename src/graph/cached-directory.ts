import type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from '../planning/directory';

/** How long a look-up's answer is reused, and how many answers are kept. */
export interface DirectoryCacheOptions {
  /** Default 60 s: a new colleague or channel shows up within a minute. */
  readonly ttlMs?: number;
  /** Default 1,000 answers; the oldest go first. */
  readonly maxEntries?: number;
  /** Milliseconds now; injectable for tests. */
  readonly now?: () => number;
}

interface Entry<T> {
  readonly at: number;
  readonly value: Promise<T>;
}

/**
 * A {@link Directory} that answers the same look-up (same person asking, same words) once:
 * concurrent identical look-ups share one Graph call, and the answer is reused for a short
 * while. Planning a message looks up every name it mentions, and 40 people sending messages at
 * once mostly mention the same colleagues and channels; the channel list alone costs a call
 * per joined team. Failures are not kept. Answers are per requester (what one person may see
 * is never served to another).
 */
export class CachedDirectory implements Directory {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: Directory,
    options: DirectoryCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  findPeople(query: string, actor: DirectoryActor): Promise<DirectoryPerson[]> {
    return this.cached(`people\u0000${actor.id}\u0000${query.trim().toLowerCase()}`, () =>
      this.inner.findPeople(query, actor),
    );
  }

  findChannels(query: string, actor: DirectoryActor): Promise<ChannelRef[]> {
    return this.cached(`channels\u0000${actor.id}\u0000${query.trim().toLowerCase()}`, () =>
      this.inner.findChannels(query, actor),
    );
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && now - hit.at < this.ttlMs) return hit.value.then((value) => copy(value));
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    // A failed look-up is asked again next time.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value.then((result) => copy(result));
  }
}

/** Callers get their own array, so one caller sorting or filtering it cannot change another's. */
function copy<T>(value: T): T {
  return (Array.isArray(value) ? [...(value as unknown[])] : value) as T;
}
