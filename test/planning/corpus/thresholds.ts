/**
 * The share of the corpus the rule planner must plan right: the target of issue 15. The corpus
 * landed at 32.8%, the first compositional planner measured 39.5%, then 89.7%; it measures 97.1%
 * (336/346) now. Never lower it.
 */
export const MIN_HIT_RATE = 0.95;

/**
 * Entries whose plan, when the corpus landed, left out an expected action without saying so
 * (the invariant's known violations, to be emptied). The runner fails on any other entry that
 * drops a part, and tells you which of these no longer do (delete them here).
 */
export const KNOWN_DROPS: ReadonlySet<string> = new Set<string>([]);
