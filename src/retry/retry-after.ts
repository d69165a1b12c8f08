/**
 * Parse Retry-After (delta-seconds or an HTTP date) into milliseconds from `now`.
 * Undefined when absent or unparseable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Response headers, as `fetch`'s Headers or anything with a case-insensitive `get`. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * How long the service asked us to wait: `retry-after-ms` (Azure's, milliseconds) when
 * present and valid, else `retry-after` (seconds or an HTTP date); undefined when it did not say.
 */
export function retryAfterFromHeaders(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms.trim());
  return parseRetryAfter(headers.get('retry-after'), now);
}
