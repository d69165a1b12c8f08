/**
 * In-process listeners for "a task may have become runnable", shared by the adapters: each
 * rings it after a write that leaves a task `running`. The PostgreSQL adapter also rings it
 * when another instance says so (LISTEN/NOTIFY).
 */
export class RunnableSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    const entry = () => listener();
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Call every listener soon (never inside the caller's write); a throwing listener is ignored. */
  ring(): void {
    if (this.listeners.size === 0) return;
    setImmediate(() => {
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch {
          // A listener's failure is its own business; the others still hear the signal.
        }
      }
    });
  }
}
