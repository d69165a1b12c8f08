import { PromiseCache } from '../cache/promise-cache';
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

/**
 * A {@link Directory} that answers the same look-up (same person asking, same words) once:
 * concurrent identical look-ups share one Graph call, and the answer is reused for a short
 * while. Planning a message looks up every name it mentions, and 40 people sending messages at
 * once mostly mention the same colleagues and channels; the channel list alone costs a call
 * per joined team. Failures are not kept. Answers are per requester (what one person may see
 * is never served to another).
 */
export class CachedDirectory implements Directory {
  private readonly cache: PromiseCache<unknown>;

  constructor(
    private readonly inner: Directory,
    options: DirectoryCacheOptions = {},
  ) {
    this.cache = new PromiseCache({
      ttlMs: options.ttlMs ?? 60_000,
      maxEntries: options.maxEntries ?? 1_000,
      now: options.now,
    });
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
    return (this.cache.get(key, load) as Promise<T>).then((result) => copy(result));
  }
}

/** Callers get their own array, so one caller sorting or filtering it cannot change another's. */
function copy<T>(value: T): T {
  return (Array.isArray(value) ? [...(value as unknown[])] : value) as T;
}
