import type { DomainIntent } from '../domain';

/** The rule planner's teams requests, tried in order. */
export const teamsIntents: readonly DomainIntent[] = [];
