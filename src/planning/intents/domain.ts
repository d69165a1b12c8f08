import type { DateTime } from 'luxon';
import type { Result } from '../result';
import type { BuildContext, Fragment } from './fragment';

/**
 * One more kind of request the rule planner understands ("reply to Dana's last mail saying …",
 * "add a task … to the Launch plan"). Parsing is pure; building may look people and things up
 * through the directory. Each domain lists its intents in `intents/domains/<domain>.ts`.
 */
export interface DomainIntent<S = unknown> {
  /** Stable name, for logs and tests (e.g. `mail.reply`). */
  readonly name: string;
  /** What this one clause asks for; undefined when it is not this intent. No I/O. */
  parse(clause: string, now: DateTime): Result<S> | undefined;
  /** The steps for the understood request. */
  build(spec: S, ctx: BuildContext): Promise<Result<Fragment>>;
}

/** A request understood by a {@link DomainIntent}: the intent and what it parsed. */
export interface DomainSpec {
  readonly kind: 'domain';
  readonly intent: DomainIntent;
  readonly value: unknown;
}

/** Pair a parsed value with its intent, keeping the value's type at the definition site. */
export function domainIntent<S>(intent: DomainIntent<S>): DomainIntent {
  return intent as DomainIntent;
}
