/**
 * The phrasing corpus: requests written the way people type them in Teams, each with what a
 * correct plan must contain. Shared by the jest runner (test/planning/corpus.test.ts), the
 * model evaluation (`npm run eval:planner`) and the planning benchmark.
 */

/** How an expected slot value is compared with the value a step carries. */
export type SlotMatcher =
  /** Addresses (containing "@"): equal, ignoring case. Other text: contained, ignoring case, spacing and quote style. */
  | string
  | number
  | boolean
  /** Addresses: the same set. Other text: every one contained in some element. */
  | readonly string[]
  /** An instant (ISO string or Graph `{dateTime, timeZone}`) at this wall-clock time in the corpus zone, e.g. `2026-12-04T12:00`. */
  | { readonly $at: string }
  /** An instant within these wall-clock times in the corpus zone (inclusive). */
  | { readonly $between: readonly [string, string] }
  /** The value is absent (or null / empty): the request does not ask for it. */
  | { readonly $absent: true };

/**
 * Expected slots, keyed `action.path` (a dot path into the step's input, e.g.
 * `mail.send.to` or `calendar.createEvent.subject`). A key may list alternatives separated by
 * `|` (`calendar.createEvent.start|calendar.findMeetingTimes.windowStart`): any one matching
 * is enough. When an action occurs twice, every occurrence is tried.
 */
export type Slots = Readonly<Record<string, SlotMatcher>>;

export interface CorpusEntry {
  /** Stable, unique: `<domain>-<n>`. */
  readonly id: string;
  /** Exactly as a person would type it. */
  readonly request: string;
  /**
   * The catalogue actions of a right plan, in order. A trailing `?` marks a step a right plan
   * may leave out (e.g. a free/busy check before a meeting at a fixed time). Empty when the
   * right answer is a question.
   */
  readonly actions: readonly string[];
  readonly slots?: Slots;
  /** Words of the request that carry meaning and must be used by some step (or asked about). */
  readonly parts: readonly string[];
  /**
   * The right answer is a question (or an explaining refusal) naming one of these words,
   * because the request leaves something essential open.
   */
  readonly asks?: readonly string[];
}

/** A domain's entries, in one file. */
export interface CorpusFile {
  readonly domain: string;
  readonly entries: readonly CorpusEntry[];
}
