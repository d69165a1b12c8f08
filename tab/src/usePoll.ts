import { useCallback, useEffect, useRef, useState } from 'react';

/** How often the tab looks for changes while it is visible (answers are 304 when nothing changed). */
export const POLL_MS = 5_000;

/**
 * Load something now and again every few seconds while the page is visible, so changes made in
 * the chat (or by others) appear without a reload. `reload` loads at once (after a decision).
 */
export function usePoll<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): {
  data?: T;
  error?: Error;
  reload: () => void;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const latest = useRef(load);
  latest.current = load;
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    latest.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(undefined);
      },
      (err: unknown) => {
        if (mine === generation.current) setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }, []);
  useEffect(() => {
    run();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') run();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, deps);
  return { data, error, reload: run };
}
