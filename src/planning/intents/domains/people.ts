import type { DomainIntent } from '../domain';

/** The rule planner's people requests, tried in order. */
export const peopleIntents: readonly DomainIntent[] = [];
