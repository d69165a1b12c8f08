import type { DomainIntent } from '../domain';

/** The rule planner's mail requests, tried in order. */
export const mailIntents: readonly DomainIntent[] = [];
