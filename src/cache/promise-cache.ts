/** How long answers are kept and how many; `now` (milliseconds) is injectable for tests. */
export interface PromiseCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly now?: () => number;
}

/**
 * Answers to look-ups by key, kept for a while: concurrent asks for one key share one load, a
 * failed load is not kept (the next ask loads again), and past `maxEntries` the oldest go first.
 */
export class PromiseCache<T> {
  private readonly entries = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  private readonly now: () => number;

  constructor(private readonly options: PromiseCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.options.ttlMs) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
