/**
 * The Microsoft Graph permissions each sandbox route needs, as Graph's v1.0 API reference
 * documents them (each method page's "Permissions" table), per identity kind:
 * - a list: the call succeeds with ANY ONE of these (least privileged first, then the higher ones);
 * - `[]`: no permission is needed (`$batch`: each request inside is checked on its own);
 * - `null`: Graph does not support this identity kind for the call ("Not supported.").
 *
 * Two deliberate simplifications, both stricter than Graph, never more lenient:
 * - `*.ReadBasic` permissions that make Graph return fewer properties (`Mail.ReadBasic`,
 *   `Calendars.ReadBasic` on events) are left out: the sandbox does not trim its answers, so a
 *   caller holding only those would be tested against data Graph would not give it;
 * - `User.Read` (the signed-in user only) is left out of directory reads of other people.
 *
 * Permissions that Graph grants only for data migration (`Teamwork.Migrate.All` to post channel
 * and chat messages as an application) count as not supported: Delegate never imports history.
 */
export interface RoutePermissions {
  readonly delegated: readonly string[] | null;
  readonly application: readonly string[] | null;
}

/** Which Microsoft 365 service answers a route: decides the shape of Graph's 403. */
export type Workload = 'exchange' | 'directory' | 'teams' | 'drive' | 'planner' | 'todo' | 'presence' | 'graph';

/** One row of the table: the route patterns it covers (as registered; `…` matches any rest). */
export interface PermissionRule extends RoutePermissions {
  readonly method: string | readonly string[];
  readonly paths: readonly string[];
  readonly workload: Workload;
  /** The Graph API reference page the row was taken from. */
  readonly doc: string;
}

const both = (permissions: readonly string[]) => ({ delegated: permissions, application: permissions });

const MAIL_READ = ['Mail.Read', 'Mail.ReadWrite'];
const MAIL_WRITE = ['Mail.ReadWrite'];
const MAIL_SEND = ['Mail.Send'];
const CAL_READ = ['Calendars.Read', 'Calendars.ReadWrite'];
const CAL_WRITE = ['Calendars.ReadWrite'];
const USERS_READ = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const USERS_FULL = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const FILES_READ = {
  delegated: ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All'],
  application: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
};
const FILES_WRITE = {
  delegated: ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'],
  application: ['Files.ReadWrite.All', 'Sites.ReadWrite.All'],
};
const TASKS_READ = {
  delegated: ['Tasks.Read', 'Tasks.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All'],
  application: ['Tasks.Read.All', 'Tasks.ReadWrite.All'],
};
const TASKS_WRITE = {
  delegated: ['Tasks.ReadWrite', 'Group.ReadWrite.All'],
  application: ['Tasks.ReadWrite.All'],
};
const TODO_READ = {
  delegated: ['Tasks.Read', 'Tasks.ReadWrite'],
  application: ['Tasks.Read.All', 'Tasks.ReadWrite.All'],
};
const TODO_WRITE = { delegated: ['Tasks.ReadWrite'], application: ['Tasks.ReadWrite.All'] };
const CHANNEL_MESSAGES_READ = both(['ChannelMessage.Read.All', 'Group.Read.All', 'Group.ReadWrite.All']);
const CHANNELS_READ = both([
  'Channel.ReadBasic.All',
  'ChannelSettings.Read.All',
  'ChannelSettings.ReadWrite.All',
  'Directory.Read.All',
]);
const TEAMS_READ = both([
  'Team.ReadBasic.All',
  'TeamSettings.Read.All',
  'TeamSettings.ReadWrite.All',
  'Directory.Read.All',
]);
const DOCS = 'https://learn.microsoft.com/graph/api/';

export const PERMISSION_TABLE: readonly PermissionRule[] = [
  // Directory
  {
    method: 'GET',
    paths: ['/users', '/users/:user'],
    workload: 'directory',
    ...both(USERS_READ),
    doc: `${DOCS}user-list`,
  },
  {
    method: 'GET',
    paths: ['/users/:user/manager', '/users/:user/directReports'],
    workload: 'directory',
    delegated: USERS_READ,
    application: USERS_FULL,
    doc: `${DOCS}user-list-manager`,
  },
  {
    method: 'GET',
    paths: ['/users/:user/mailboxSettings'],
    workload: 'exchange',
    ...both(['MailboxSettings.Read', 'MailboxSettings.ReadWrite']),
    doc: `${DOCS}user-get-mailboxsettings`,
  },
  {
    method: 'GET',
    paths: ['/users/:user/people'],
    workload: 'graph',
    delegated: ['People.Read', 'People.Read.All'],
    application: ['People.Read.All'],
    doc: `${DOCS}user-list-people`,
  },
  {
    method: 'GET',
    paths: ['/groups/:group', '/groups/:group/members', '/groups/:group/transitiveMembers'],
    workload: 'directory',
    ...both(['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All']),
    doc: `${DOCS}group-list-members`,
  },
  // Presence
  {
    method: ['GET', 'POST'],
    paths: ['/users/:user/presence', '/communications/getPresencesByUserId'],
    workload: 'presence',
    ...both(['Presence.Read.All', 'Presence.ReadWrite.All']),
    doc: `${DOCS}cloudcommunications-getpresencesbyuserid`,
  },
  // Mail
  {
    method: 'GET',
    paths: ['/users/:user/messages', '/users/:user/mailFolders…', '/users/:user/messages/:id…'],
    workload: 'exchange',
    ...both(MAIL_READ),
    doc: `${DOCS}user-list-messages`,
  },
  {
    method: ['POST', 'PATCH', 'DELETE'],
    paths: [
      '/users/:user/messages',
      '/users/:user/mailFolders/:folder/messages',
      '/users/:user/messages/:id',
      '/users/:user/mailFolders/:folder/messages/:id',
      '/users/:user/messages/:id/move',
      '/users/:user/messages/:id/copy',
      '/users/:user/messages/:id/createReply',
      '/users/:user/messages/:id/createReplyAll',
      '/users/:user/messages/:id/createForward',
      '/users/:user/messages/:id/attachments',
      '/users/:user/mailFolders/:folder/messages/:id/attachments',
    ],
    workload: 'exchange',
    ...both(MAIL_WRITE),
    doc: `${DOCS}user-post-messages`,
  },
  {
    method: 'POST',
    paths: [
      '/users/:user/sendMail',
      '/users/:user/messages/:id/send',
      '/users/:user/messages/:id/reply',
      '/users/:user/messages/:id/replyAll',
      '/users/:user/messages/:id/forward',
    ],
    workload: 'exchange',
    ...both(MAIL_SEND),
    doc: `${DOCS}user-sendmail`,
  },
  {
    method: 'POST',
    paths: ['/users/:user/getMailTips'],
    workload: 'exchange',
    ...both(['Mail.Read', 'Mail.ReadWrite']),
    doc: `${DOCS}user-getmailtips`,
  },
  // Calendar
  {
    method: 'GET',
    paths: [
      '/users/:user/events…',
      '/users/:user/calendar/events…',
      '/users/:user/calendarView',
      '/users/:user/calendar/calendarView',
    ],
    workload: 'exchange',
    ...both(CAL_READ),
    doc: `${DOCS}user-list-events`,
  },
  {
    method: ['POST', 'PATCH', 'DELETE'],
    paths: ['/users/:user/events…', '/users/:user/calendar/events…'],
    workload: 'exchange',
    ...both(CAL_WRITE),
    doc: `${DOCS}user-post-events`,
  },
  {
    method: 'POST',
    paths: ['/users/:user/findMeetingTimes'],
    workload: 'exchange',
    delegated: ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
    application: null,
    doc: `${DOCS}user-findmeetingtimes`,
  },
  {
    method: 'POST',
    paths: ['/users/:user/calendar/getSchedule'],
    workload: 'exchange',
    delegated: [
      'Calendars.ReadBasic',
      'Calendars.Read',
      'Calendars.Read.Shared',
      'Calendars.ReadWrite',
      'Calendars.ReadWrite.Shared',
    ],
    application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    doc: `${DOCS}calendar-getschedule`,
  },
  // OneDrive (recent first: the first row that covers a route wins)
  {
    method: 'GET',
    paths: ['/users/:user/drive/recent', '/drives/:drive/recent'],
    workload: 'drive',
    delegated: FILES_READ.delegated,
    application: null,
    doc: `${DOCS}drive-recent`,
  },
  {
    method: 'GET',
    paths: ['/users/:user/drive…', '/drives/:drive…'],
    workload: 'drive',
    ...FILES_READ,
    doc: `${DOCS}driveitem-get`,
  },
  {
    method: ['POST', 'PUT', 'DELETE'],
    paths: ['/users/:user/drive…', '/drives/:drive…'],
    workload: 'drive',
    ...FILES_WRITE,
    doc: `${DOCS}driveitem-put-content`,
  },
  // Teams
  {
    method: 'GET',
    paths: ['/users/:user/joinedTeams', '/teams/:team'],
    workload: 'teams',
    ...TEAMS_READ,
    doc: `${DOCS}user-list-joinedteams`,
  },
  {
    method: 'GET',
    paths: ['/teams/:team/channels', '/teams/:team/channels/:channel', '/teams/:team/primaryChannel'],
    workload: 'teams',
    ...CHANNELS_READ,
    doc: `${DOCS}channel-list`,
  },
  {
    method: 'GET',
    paths: ['/teams/:team/members'],
    workload: 'teams',
    ...both(['TeamMember.Read.All', 'TeamMember.ReadWrite.All']),
    doc: `${DOCS}team-list-members`,
  },
  {
    method: 'GET',
    paths: ['/teams/:team/channels/:channel/messages…'],
    workload: 'teams',
    ...CHANNEL_MESSAGES_READ,
    doc: `${DOCS}channel-list-messages`,
  },
  {
    method: 'POST',
    paths: ['/teams/:team/channels/:channel/messages', '/teams/:team/channels/:channel/messages/:id/replies'],
    workload: 'teams',
    delegated: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
    application: null,
    doc: `${DOCS}channel-post-messages`,
  },
  {
    method: 'GET',
    paths: ['/chats'],
    workload: 'teams',
    delegated: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
    application: null,
    doc: `${DOCS}chat-list`,
  },
  {
    method: 'GET',
    paths: ['/users/:user/chats', '/chats/:chat'],
    workload: 'teams',
    delegated: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
    application: ['Chat.ReadBasic.All', 'Chat.Read.All', 'Chat.ReadWrite.All'],
    doc: `${DOCS}chat-get`,
  },
  {
    method: 'POST',
    paths: ['/chats'],
    workload: 'teams',
    delegated: ['Chat.Create', 'Chat.ReadWrite'],
    application: ['Chat.Create', 'Chat.ReadWrite.All'],
    doc: `${DOCS}chat-post`,
  },
  {
    method: 'GET',
    paths: ['/chats/:chat/members'],
    workload: 'teams',
    delegated: ['ChatMember.Read', 'ChatMember.ReadWrite', 'Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
    application: [
      'ChatMember.Read.All',
      'ChatMember.ReadWrite.All',
      'Chat.ReadBasic.All',
      'Chat.Read.All',
      'Chat.ReadWrite.All',
    ],
    doc: `${DOCS}chat-list-members`,
  },
  {
    method: 'GET',
    paths: ['/chats/:chat/messages', '/chats/:chat/messages/:id'],
    workload: 'teams',
    delegated: ['Chat.Read', 'Chat.ReadWrite'],
    application: ['Chat.Read.All', 'Chat.ReadWrite.All'],
    doc: `${DOCS}chat-list-messages`,
  },
  {
    method: 'POST',
    paths: ['/chats/:chat/messages'],
    workload: 'teams',
    delegated: ['ChatMessage.Send', 'Chat.ReadWrite'],
    application: null,
    doc: `${DOCS}chat-post-messages`,
  },
  // Planner
  {
    method: 'GET',
    paths: ['/users/:user/planner/plans'],
    workload: 'planner',
    delegated: TASKS_READ.delegated,
    application: null,
    doc: `${DOCS}planneruser-list-plans`,
  },
  {
    method: 'GET',
    paths: [
      '/users/:user/planner/tasks',
      '/groups/:group/planner/plans',
      '/planner/plans/:plan…',
      '/planner/tasks/:task…',
    ],
    workload: 'planner',
    ...TASKS_READ,
    doc: `${DOCS}planneruser-list-tasks`,
  },
  {
    method: ['POST', 'PATCH'],
    paths: ['/planner/tasks', '/planner/tasks/:task', '/planner/tasks/:task/details'],
    workload: 'planner',
    ...TASKS_WRITE,
    doc: `${DOCS}planner-post-tasks`,
  },
  // To Do
  { method: 'GET', paths: ['/users/:user/todo/lists…'], workload: 'todo', ...TODO_READ, doc: `${DOCS}todo-list-lists` },
  {
    method: ['POST', 'PATCH'],
    paths: ['/users/:user/todo/lists/:list/tasks', '/users/:user/todo/lists/:list/tasks/:task'],
    workload: 'todo',
    ...TODO_WRITE,
    doc: `${DOCS}todotasklist-post-tasks`,
  },
  // Each request inside a batch is checked on its own.
  {
    method: 'POST',
    paths: ['/$batch'],
    workload: 'graph',
    delegated: [],
    application: [],
    doc: `${DOCS}json-batching`,
  },
];
