import { badRequest } from './errors';

/** A fault to inject into the next `count` matching requests (throttling and outage drills). */
export interface FaultRule {
  /** 429 or 503; omit with `latencyMs` to only slow requests down. */
  readonly status?: 429 | 503;
  readonly retryAfterSeconds?: number;
  readonly count: number;
  /** Only requests whose path and query contain this text (case-insensitive). */
  readonly pathContains?: string;
  readonly latencyMs?: number;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** Validate an admin request body into a rule (400 on nonsense). */
export function parseFaultRule(body: unknown): FaultRule {
  const b = (body ?? {}) as Record<string, unknown>;
  const status = b.status;
  const count = b.count ?? 1;
  const latencyMs = b.latencyMs;
  if (status !== undefined && status !== 429 && status !== 503) throw badRequest('status must be 429 or 503.');
  if (status === undefined && typeof latencyMs !== 'number') throw badRequest('Give a status (429|503) or latencyMs.');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    throw badRequest('count must be a positive integer.');
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || latencyMs < 0 || latencyMs > 60_000))
    throw badRequest('latencyMs must be 0..60000.');
  if (b.retryAfterSeconds !== undefined && (typeof b.retryAfterSeconds !== 'number' || b.retryAfterSeconds < 0))
    throw badRequest('retryAfterSeconds must be ≥ 0.');
  if (b.pathContains !== undefined && typeof b.pathContains !== 'string')
    throw badRequest('pathContains must be a string.');
  return {
    status: status as 429 | 503 | undefined,
    count,
    retryAfterSeconds: b.retryAfterSeconds as number | undefined,
    pathContains: b.pathContains as string | undefined,
    latencyMs: latencyMs as number | undefined,
  };
}

/** The queue of injected faults; each matching request consumes one use of the first matching rule. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.count });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any, consuming it. */
  take(pathAndQuery: string): FaultRule | undefined {
    const hay = safeDecode(pathAndQuery).toLowerCase();
    const active = this.rules.find((r) => !r.rule.pathContains || hay.includes(r.rule.pathContains.toLowerCase()));
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
    return active.rule;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
