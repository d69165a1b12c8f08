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
    // Messages under a channel are channel posts, not mail.
    if (segment === 'messages' && previous === 'channels') names = ['the channel message', 'the channel'];
    if (names) {
      name = index === segments.length - 1 ? names[1] : names[0];
      previous = segment;
    }
  });
  return name;
}
