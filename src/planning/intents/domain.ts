import type { DateTime } from 'luxon';
import type { Result } from '../result';
import type { Found } from './follow-on';
import type { BuildContext, Fragment } from './fragment';
import type { Destination } from './specs';

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
  /**
   * The people the request names, for "her", "him" and "them" in it or in a later request
   * ("forward it to Megan and set up 30 minutes with her"). Absent: it names nobody.
   */
  readonly people?: PeopleLens<S>;
  /** What the request finds, that "it" in a later request acts on ("… and flag it"); see follow-on.ts. */
  readonly finds?: Found;
  /** For a request that writes text (a summary): the request with one more place to send it. */
  readonly deliver?: (spec: S, destination: Destination) => S;
}

/** Read and replace the names of people in a parsed request. */
export interface PeopleLens<S> {
  get(spec: S): readonly string[];
  /** The request with its names replaced; absent when they cannot be (a sender read from mail). */
  set?(spec: S, names: readonly string[]): S;
}

/** The lens of a request that keeps its people in `names`. */
export function namesLens<S extends { readonly names: readonly string[] }>(): PeopleLens<S> {
  return { get: (spec) => spec.names, set: (spec, names) => ({ ...spec, names }) };
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
