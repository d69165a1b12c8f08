import type { DomainIntent } from '../domain';
import { askIntent } from '../people/ask';

/** The rule planner's people requests: manager, reports, presence, working hours, directory look-up. */
export const peopleIntents: readonly DomainIntent[] = [askIntent];
