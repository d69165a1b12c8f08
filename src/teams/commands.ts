/** The text commands Delegate understands; anything else is a new outcome. */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'tasks' }
  | { readonly name: 'policy' }
  | { readonly name: 'status'; readonly taskId: string }
  | { readonly name: 'cancel'; readonly taskId: string }
  | { readonly name: 'pause'; readonly taskId: string }
  | { readonly name: 'audit'; readonly taskId: string }
  | { readonly name: 'resume'; readonly taskId: string }
  | { readonly name: 'forget'; readonly taskId: string }
  | { readonly name: 'watch'; readonly taskId: string }
  | { readonly name: 'unwatch'; readonly taskId: string }
  | { readonly name: 'owner'; readonly taskId: string; readonly person: string }
  | { readonly name: 'approvers'; readonly action: 'list' }
  | { readonly name: 'approvers'; readonly action: 'add' | 'remove'; readonly person: string }
  | { readonly name: 'schedules' }
  | {
      readonly name: 'schedule';
      readonly action: 'show' | 'pause' | 'resume' | 'delete' | 'run' | 'approve' | 'reject' | 'edit';
      readonly scheduleId: string;
      /** `schedule edit <id> <when>`: the new recurrence in words. */
      readonly text?: string;
    }
  | { readonly name: 'usage'; readonly message: string }
  | { readonly name: 'outcome'; readonly text: string };

const WITH_ID: Record<string, 'status' | 'cancel' | 'pause' | 'resume' | 'audit' | 'forget' | 'watch' | 'unwatch'> = {
  status: 'status',
  cancel: 'cancel',
  pause: 'pause',
  resume: 'resume',
  audit: 'audit',
  forget: 'forget',
  watch: 'watch',
  unwatch: 'unwatch',
};

/** Parse a message (mention already removed). Commands match whole words only, never prefixes. */
export function parseCommand(text: string): Command {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const [head = '', ...rest] = trimmed.split(' ');
  const word = head.toLowerCase().replace(/^\//, '');
  if (rest.length === 0 && (word === 'help' || word === '?')) return { name: 'help' };
  if (rest.length === 0 && word === 'tasks') return { name: 'tasks' };
  if (rest.length === 0 && word === 'policy') return { name: 'policy' };
  if (word === 'approvers') return approvers(rest);
  if (rest.length === 0 && word === 'schedules') return { name: 'schedules' };
  if (word === 'schedule') {
    const found = scheduleCommand(rest);
    if (found) return found;
  }
  if (word === 'owner') {
    const [id = '', ...who] = rest;
    if (/^[A-Za-z0-9-]{1,64}$/.test(id) && who.length > 0)
      return { name: 'owner', taskId: id.toUpperCase(), person: who.join(' ') };
    return {
      name: 'usage',
      message:
        'Say `owner` followed by the task id and a person (`owner K7Q2MX @Megan`) to hand a task you own to someone else.',
    };
  }
  const withId = WITH_ID[word];
  if (withId) {
    if (rest.length === 1 && /^[A-Za-z0-9-]{1,64}$/.test(rest[0] ?? ''))
      return { name: withId, taskId: (rest[0] ?? '').toUpperCase() };
    if (rest.length === 0)
      return {
        name: 'usage',
        message: `Say \`${word}\` followed by the task id, for example \`${word} K7Q2MX\`. \`tasks\` lists your tasks.`,
      };
  }
  return { name: 'outcome', text: trimmed };
}

/** `approvers`, `approvers add <person>`, `approvers remove <person>` (a mention, a name or an email). */
function approvers(rest: readonly string[]): Command {
  if (rest.length === 0) return { name: 'approvers', action: 'list' };
  const [verb = '', ...who] = rest;
  const action = verb.toLowerCase();
  const person = who.join(' ').trim();
  if ((action === 'add' || action === 'remove') && person !== '') return { name: 'approvers', action, person };
  return {
    name: 'usage',
    message:
      "Say `approvers` to list this channel's approvers, or `approvers add` / `approvers remove` followed by a person (`approvers add @Megan`).",
  };
}

const SCHEDULE_ACTIONS = ['show', 'pause', 'resume', 'delete', 'run', 'approve', 'reject', 'edit'] as const;

/**
 * `schedule pause|resume|delete|run|show|approve|reject <id>` and `schedule edit <id> <when>`.
 * Anything else starting with "schedule" ("schedule a meeting with Megan") is an outcome.
 */
function scheduleCommand(rest: readonly string[]): Command | undefined {
  const [verb = '', id = '', ...words] = rest;
  const action = SCHEDULE_ACTIONS.find((a) => a === verb.toLowerCase());
  if (!action) return undefined;
  if (!/^S[A-Za-z0-9]{1,63}$/.test(id)) {
    if (rest.length > 2 || (rest.length === 2 && !/^S\d/i.test(id))) return undefined;
    return {
      name: 'usage',
      message: `Say \`schedule ${action}\` followed by the schedule id, for example \`schedule ${action} ST0001\`${action === 'edit' ? ' and when it should run (`every Tuesday at 10am`)' : ''}. \`schedules\` lists them.`,
    };
  }
  const scheduleId = id.toUpperCase();
  if (action === 'edit') {
    if (words.length === 0)
      return {
        name: 'usage',
        message: `Say when schedule ${scheduleId} should run, for example \`schedule edit ${scheduleId} every Tuesday at 10am\`.`,
      };
    return { name: 'schedule', action, scheduleId, text: words.join(' ') };
  }
  if (words.length > 0) return undefined;
  return { name: 'schedule', action, scheduleId };
}
