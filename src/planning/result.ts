/**
 * A value, or a message telling the requester why there is none. The planner's refusals are
 * ordinary data (they end up as an `unplannable` answer), never exceptions.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | Refusal;

/** A friendly explanation, safe to show to the requester as is. */
export interface Refusal {
  readonly ok: false;
  readonly message: string;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse(message: string): Refusal {
  return { ok: false, message };
}
