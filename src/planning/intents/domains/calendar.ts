import type { DomainIntent } from '../domain';

/** The rule planner's calendar requests, tried in order. */
export const calendarIntents: readonly DomainIntent[] = [];
