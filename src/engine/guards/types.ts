/**
 * The shapes the guards exchange with the engine. They mirror `StepFlag` (model.ts) and
 * `Destination` (catalogue.ts) structurally instead of importing them, because the engine's
 * lint rule forbids `../` imports from inside src/engine/guards. TypeScript's structural
 * typing makes them interchangeable; test/guards/types.test.ts fails to compile if they drift.
 */

/** A warning or refusal raised by a guard: same shape as `StepFlag`. */
export interface GuardFlag {
  /** Stable code, e.g. `untraced_recipient`, `link_removed`. */
  readonly code: string;
  /** Shown on the card. */
  readonly message: string;
}

/** Where a write sends or exposes something: same shape as `Destination`. */
export interface GuardDestination {
  readonly kind: 'recipient' | 'attendee' | 'channel' | 'sharing' | 'link';
  /** An email address, `teamId/channelId`, a sharing scope, or a URL. */
  readonly value: string;
  /** How a person would name it (display name, channel name). */
  readonly label?: string;
  /** The input field it came from. */
  readonly field: string;
}
