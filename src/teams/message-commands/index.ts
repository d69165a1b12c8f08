import { approvers } from './approvers';
import { cancel, forget, owner, pause, resume, unwatch, watch } from './control';
import { outcome } from './outcome';
import { schedule, schedules } from './schedules';
import { audit, help, policy, status, tasks, usage } from './read';
import type { CommandTable } from './turn';

/**
 * The one table of text commands: each command's handler, keyed by the names `parseCommand`
 * gives (src/teams/commands.ts). Anything that is no command parses as `outcome`: a new task.
 */
export const MESSAGE_COMMANDS: CommandTable = {
  help,
  usage,
  policy,
  approvers,
  tasks,
  status,
  audit,
  watch,
  unwatch,
  owner,
  forget,
  cancel,
  pause,
  resume,
  schedules,
  schedule,
  outcome,
};
