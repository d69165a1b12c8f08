import type { Person, Scope } from '../../engine/model';
import type { StepDraft } from '../../engine/ports';
import type { Directory } from '../directory';

/**
 * Part of a plan built from one request of a message. Its step references count from 1 within
 * the fragment; {@link combineFragments} renumbers them when fragments are joined.
 */
export interface Fragment {
  /** Starts with a verb: "Email Megan Bowen a summary of …". */
  readonly title: string;
  readonly steps: readonly StepDraft[];
}

/** What building a fragment may look up, as whom, and in which zone. */
export interface BuildContext {
  readonly directory: Directory;
  readonly requester: Person;
  readonly scope: Scope;
  readonly timeZone: string;
}
