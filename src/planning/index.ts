export { RulePlanner, type RulePlannerOptions } from './rule-planner';
export { MemoryDirectory } from './memory-directory';
export { PLANNER_ACTIONS, type PlannerAction } from './actions';
export { EXAMPLES as PLANNER_EXAMPLES, helpMessage } from './messages';
export type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from './directory';
