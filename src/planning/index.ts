export { RulePlanner, type RulePlannerOptions } from './rule-planner';
export { MemoryDirectory } from './memory-directory';
export { PLANNER_ACTIONS, type PlannerAction } from './actions';
export type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from './directory';
