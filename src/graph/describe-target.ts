/** Graph collection segments: how to name one item of them, and the collection as a whole. */
const NAMES: Readonly<Record<string, readonly [item: string, collection: string]>> = {
  users: ['the user', 'the directory'],
  joinedTeams: ['the team', 'the list of teams'],
  teams: ['the team', 'the list of teams'],
  channels: ['the channel', "the team's channels"],
  messages: ['the message', 'the mailbox'],
  mailFolders: ['the mail folder', 'the mailbox'],
  sendMail: ['the mailbox', 'the mailbox'],
  calendar: ['the calendar', 'the calendar'],
  events: ['the calendar event', 'the calendar'],
  findMeetingTimes: ['the calendar', 'the calendar'],
  calendarView: ['the calendar', 'the calendar'],
  getSchedule: ['the calendars', 'the calendars'],
  attachments: ['the attachment', 'the attachments'],
  mailboxSettings: ['the mailbox settings', 'the mailbox settings'],
  manager: ['the manager', 'the manager'],
  directReports: ['the person', 'the direct reports'],
  presence: ['the presence', 'the presence'],
  people: ['the person', 'the people'],
  chats: ['the chat', 'your chats'],
  replies: ['the reply', 'the thread'],
  drive: ['the OneDrive', 'the OneDrive'],
  drives: ['the drive', 'the drives'],
  items: ['the file', 'the folder'],
  children: ['the file', 'the folder'],
  permissions: ['the sharing link', 'the sharing links'],
  plans: ['the plan', 'the plans'],
  buckets: ['the bucket', 'the plan'],
  tasks: ['the task', 'the task list'],
  lists: ['the task list', 'your task lists'],
};

/**
 * A human name for what a Graph path points at, for error messages: "/users/1/messages" is
 * "the mailbox", "/users/1/messages/2" is "the message". Ids never appear in the result.
 */
export function describeTarget(path: string): string {
  const segments = (path.split('?')[0] ?? '').split('/').filter((s) => s.length > 0);
  let name = 'the requested item';
  let previous = '';
  segments.forEach((segment, index) => {
    let names = Object.prototype.hasOwnProperty.call(NAMES, segment) ? NAMES[segment] : undefined;
    // Messages under a channel or a chat are posts, not mail.
    if (segment === 'messages' && previous === 'channels') names = ['the channel message', 'the channel'];
    if (segment === 'messages' && previous === 'chats') names = ['the chat message', 'the chat'];
    if (names) {
      name = index === segments.length - 1 ? names[1] : names[0];
      previous = segment;
    }
  });
  return name;
}
