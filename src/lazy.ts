/**
 * A value made on first use instead of at start-up. Start-to-ready is the sum of every module
 * loaded before the server listens, and some are needed only by a request (a card, a date in a
 * request) or only in some deployments (a model, PostgreSQL): those load through this, once.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
