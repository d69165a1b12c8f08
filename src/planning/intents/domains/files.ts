import type { DomainIntent } from '../domain';

/** The rule planner's files requests, tried in order. */
export const filesIntents: readonly DomainIntent[] = [];
