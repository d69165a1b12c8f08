import type { DomainIntent } from '../domain';

/** The rule planner's tasks requests, tried in order. */
export const tasksIntents: readonly DomainIntent[] = [];
