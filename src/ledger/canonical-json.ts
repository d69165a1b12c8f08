/**
 * Canonical JSON for hashing: the same value always gives the same text, whatever order its
 * keys were written in. Object keys are sorted by UTF-16 code units and nothing is indented;
 * strings and numbers are written as `JSON.stringify` writes them. For JSON values this is
 * RFC 8785 (JCS), so another implementation can recompute the ledger's hashes.
 *
 * Anything that is not a JSON value is refused instead of silently changed (a `NaN` that
 * became `null` would make a hash that no longer says what was recorded). As with
 * `JSON.stringify`, object properties whose value is `undefined` are left out and a value
 * with `toJSON` (a Date) is written as what `toJSON` returns.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, where: string, seen: Set<object>): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${where} is not a finite number`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new TypeError(`canonicalJson: ${where} is a ${typeof value}, not a JSON value`);
  if (seen.has(value)) throw new TypeError(`canonicalJson: ${where} is circular`);
  seen.add(value);
  try {
    return Array.isArray(value) ? writeArray(value, where, seen) : writeObject(value, where, seen);
  } finally {
    seen.delete(value);
  }
}

function writeArray(items: readonly unknown[], where: string, seen: Set<object>): string {
  // Holes and undefined items have no JSON form that keeps their meaning.
  const parts: string[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (!(i in items) || items[i] === undefined) throw new TypeError(`canonicalJson: ${where}[${i}] is undefined`);
    parts.push(write(items[i], `${where}[${i}]`, seen));
  }
  return `[${parts.join(',')}]`;
}

function writeObject(object: object, where: string, seen: Set<object>): string {
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`canonicalJson: ${where} is not a plain object`);
  }
  const record = object as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  const parts = keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${where}.${key}`, seen)}`);
  return `{${parts.join(',')}}`;
}
