import type { Catalogue } from '../engine/catalogue';
import { ABILITIES, type Ability } from '../planning/abilities';

const INTRO =
  '**Delegate** plans and runs work across Microsoft 365 for you, and stops for your approval before anything is sent, posted or created.';

/**
 * What Delegate can do, per domain, generated from the actions in the catalogue: each action
 * the planner understands contributes its plain-language ability and an example.
 */
export function abilitiesText(catalogue: Catalogue): string {
  const present = new Set(catalogue.list().map((action) => action.name));
  const byDomain = new Map<string, Ability[]>();
  for (const [action, ability] of Object.entries(ABILITIES)) {
    if (!present.has(action)) continue;
    const list = byDomain.get(ability.domain) ?? [];
    if (!list.some((known) => known.can === ability.can)) list.push(ability);
    byDomain.set(ability.domain, list);
  }
  return [...byDomain.entries()]
    .map(
      ([domain, abilities]) =>
        `**${domain}**: ${abilities.map((a) => a.can).join('; ')}. For example: *${abilities[0]?.example ?? ''}*`,
    )
    .join('\n\n');
}

/** `help`: what Delegate can do (from the catalogue), then the commands. */
export function helpText(catalogue: Catalogue): string {
  return [
    INTRO,
    '',
    'Tell me an outcome in your own words. What I can do:',
    '',
    abilitiesText(catalogue),
    '',
    COMMANDS,
  ].join('\n');
}

const COMMANDS = [
  'Commands:',
  "- `tasks` — your tasks (in a channel: the channel's tasks)",
  "- `status` *id* — a task's card (the id is on every card, e.g. `status K7Q2MX`)",
  '- `pause` *id* / `resume` *id* — stop a task between steps, and carry on',
  '- `cancel` *id* — cancel a task',
  "- `audit` *id* — the task's audit trail",
  '- `policy` — what is gated here, and why',
  '- `approvers` — who approves tasks in this channel; `approvers add` *@person* / `approvers remove` *@person* (team owners and policy admins)',
  '- `forget` *id* — revoke the approvals you asked a task to remember',
  '- `owner` *id* *@person* — hand a task you own to someone else; `watch` *id* / `unwatch` *id* — follow a task',
  "- `schedules` — your recurring work (in a channel: the channel's); start one with the words, e.g. *every Monday at 9am email Megan a summary of last week's mail from Contoso*",
  '- `schedule pause` *id* / `schedule resume` *id* / `schedule delete` *id* / `schedule run` *id* — stop, restart, remove or run once now; `schedule edit` *id* *every Tuesday at 10am* — change when it runs (approved again)',
  '- `help` — this message',
].join('\n');

/** The help without the catalogue (kept for callers that have none): intro, examples, commands. */
export const HELP_TEXT = [
  INTRO,
  '',
  'Tell me an outcome, for example:',
  '- *Email Megan Bowen a summary of my unread mail from Contoso*',
  '- *Set up a 30 minute meeting with Megan and Adele next week about the launch*',
  "- *Post a summary of this week's mail from Contoso to the General channel*",
  '',
  COMMANDS,
].join('\n');
