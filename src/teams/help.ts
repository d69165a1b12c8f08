/** What Delegate says to `help`, and when it can't plan something. */
export const HELP_TEXT = [
  "**Delegate** plans and runs work across Microsoft 365 for you, and stops for your approval before anything is sent, posted or created.",
  '',
  'Tell me an outcome, for example:',
  '- *Email Megan Bowen a summary of my unread mail from Contoso*',
  '- *Set up a 30 minute meeting with Megan and Adele next week about the launch*',
  "- *Post a summary of this week's mail from Contoso to the General channel*",
  '',
  'Commands:',
  '- `tasks` — your tasks (in a channel: the channel\'s tasks)',
  '- `status <id>` — a task\'s card',
  '- `pause <id>` / `resume <id>` — stop a task between steps, and carry on',
  '- `cancel <id>` — cancel a task',
  '- `audit <id>` — the task\'s audit trail',
  '- `policy` — what is gated here, and why',
  '- `help` — this message',
].join('\n');
