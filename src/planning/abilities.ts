import type { PlannerAction } from './actions';

/**
 * What each action the rule planner proposes lets people do, in their words: a sentence for
 * `help` and refusals, an example the planner understands (tests plan every one and check the
 * action is in the plan), and the words that make it the closest match to a request.
 */
export interface Ability {
  readonly domain: 'Mail' | 'Calendar' | 'Files' | 'Teams' | 'Tasks' | 'People';
  readonly can: string;
  readonly example: string;
  readonly words: readonly string[];
}

export const ABILITIES: Readonly<Record<PlannerAction, Ability>> = {
  'mail.search': {
    domain: 'Mail',
    can: 'find mail by sender, subject, words or date',
    example: "Summarise this week's mail from Contoso",
    words: ['find', 'search', 'mail', 'email', 'inbox', 'messages', 'look'],
  },
  'text.summarise': {
    domain: 'Mail',
    can: 'summarise mail',
    example: 'Summarise my unread mail from Contoso',
    words: ['summary', 'summarise', 'summarize', 'recap', 'digest', 'overview', 'gist', 'notes'],
  },
  'mail.send': {
    domain: 'Mail',
    can: 'email someone a note or a summary',
    example: 'Email Megan Bowen a summary of my unread mail from Contoso',
    words: ['email', 'mail', 'send', 'write', 'tell', 'let', 'know', 'note', 'line'],
  },
  'mail.draft': {
    domain: 'Mail',
    can: 'save a draft email for you to finish and send yourself',
    example: 'Draft an email to Megan about the newsletter numbers',
    words: ['draft', 'drafts', 'prepare', 'email'],
  },
  'mail.read': {
    domain: 'Mail',
    can: 'reply all (reading who else a mail went to)',
    example: "Reply all to Patti's latest mail saying thanks",
    words: ['read', 'open', 'who'],
  },
  'mail.reply': {
    domain: 'Mail',
    can: 'reply to a mail',
    example: "Reply to Patti's latest mail saying thanks",
    words: ['reply', 'respond', 'answer', 'back'],
  },
  'mail.forward': {
    domain: 'Mail',
    can: 'forward a mail, attachments included',
    example: 'Forward the latest mail from Contoso to Megan',
    words: ['forward', 'fwd', 'pass', 'attachment', 'attachments'],
  },
  'mail.update': {
    domain: 'Mail',
    can: 'flag mail or mark it read',
    example: 'Flag my unread mail from Fabrikam',
    words: ['flag', 'mark', 'read', 'unread', 'follow', 'star', 'important'],
  },
  'mail.move': {
    domain: 'Mail',
    can: 'move mail to a folder, such as Archive',
    example: 'Archive the mail from Contoso',
    words: ['move', 'archive', 'folder', 'file', 'clean', 'tidy', 'delete', 'junk'],
  },
  'mail.summariseThread': {
    domain: 'Mail',
    can: 'summarise a whole mail thread',
    example: 'Summarise the thread "Contoso renewal"',
    words: ['thread', 'conversation', 'summarise', 'chain'],
  },
  'calendar.findMeetingTimes': {
    domain: 'Calendar',
    can: 'find a time when people are free',
    example: 'Find time with Megan and Adele next week',
    words: ['free', 'time', 'slot', 'available', 'when'],
  },
  'calendar.createEvent': {
    domain: 'Calendar',
    can: 'set up a meeting, call or lunch and invite people',
    example: 'Set up a 30 minute meeting with Megan and Adele next week about the launch',
    words: ['meeting', 'schedule', 'book', 'set', 'arrange', 'invite', 'call', 'lunch', 'catch', 'sync', '1:1'],
  },
  'calendar.listEvents': {
    domain: 'Calendar',
    can: 'list your meetings',
    example: 'List my meetings next week',
    words: ['agenda', 'calendar', 'meetings', 'diary', 'schedule', 'busy', 'list'],
  },
  'calendar.updateEvent': {
    domain: 'Calendar',
    can: 'move a meeting you organise',
    example: 'Move my 1:1 with Megan to Friday at 3pm',
    words: ['move', 'reschedule', 'push', 'postpone', 'change', 'later', 'earlier'],
  },
  'calendar.cancelEvent': {
    domain: 'Calendar',
    can: 'cancel a meeting you organise',
    example: 'Cancel my 1:1 with Megan next week',
    words: ['cancel', 'call', 'off', 'delete', 'remove'],
  },
  'calendar.respond': {
    domain: 'Calendar',
    can: 'accept or decline an invitation',
    example: 'Decline the retrospective because I am travelling',
    words: ['accept', 'decline', 'tentative', 'rsvp', 'invitation', 'invite'],
  },
  'calendar.getSchedules': {
    domain: 'Calendar',
    can: 'see when colleagues are free or busy (not what their meetings are)',
    example: "How does Lynne's calendar look on Friday?",
    words: ['free', 'busy', 'availability', 'free/busy', 'calendar', 'schedule', 'diary'],
  },
  'files.search': {
    domain: 'Files',
    can: 'find files in your OneDrive',
    example: 'Search my OneDrive for the Contoso proposal',
    words: ['file', 'files', 'document', 'doc', 'onedrive', 'find', 'search', 'look'],
  },
  'files.listRecent': {
    domain: 'Files',
    can: 'list the files you used recently',
    example: 'Show my recent files',
    words: ['recent', 'files', 'latest', 'documents'],
  },
  'files.readText': {
    domain: 'Files',
    can: 'read a document and answer from it',
    example: 'Read the meeting notes',
    words: ['read', 'open', 'say', 'says', 'document', 'policy', 'notes'],
  },
  'files.create': {
    domain: 'Files',
    can: 'save a summary as a Word, Markdown or text document',
    example: "Save a summary of this month's mail from Fabrikam as a Word document",
    words: ['save', 'document', 'word', 'docx', 'file', 'export', 'store', 'onedrive'],
  },
  'files.share': {
    domain: 'Files',
    can: 'share a file with people',
    example: 'Share the Q3 planning workbook with Megan',
    words: ['share', 'link', 'file', 'access'],
  },
  'teams.postChannelMessage': {
    domain: 'Teams',
    can: 'post in a channel',
    example: "Post a summary of this week's mail from Contoso to the General channel",
    words: ['post', 'channel', 'announce', 'team', 'teams'],
  },
  'teams.listChannelMessages': {
    domain: 'Teams',
    can: "catch up on a channel's latest posts",
    example: "What's new in General",
    words: ['channel', 'new', 'posts', 'catch', 'latest', 'happening'],
  },
  'teams.replyToMessage': {
    domain: 'Teams',
    can: 'reply to the latest post in a channel',
    example: 'Reply to the latest post in General saying I will be there',
    words: ['reply', 'post', 'channel', 'thread'],
  },
  'teams.sendChatMessage': {
    domain: 'Teams',
    can: 'send someone a Teams chat message',
    example: 'Ping Isaiah on Teams and ask if the deck is ready',
    words: ['ping', 'chat', 'message', 'dm', 'teams', 'ask', 'im', 'text'],
  },
  'teams.listChannels': {
    domain: 'Teams',
    can: 'list the channels of one of your teams',
    example: 'What channels are there in My Team?',
    words: ['channels', 'team', 'list'],
  },
  'planner.listTasks': {
    domain: 'Tasks',
    can: 'list your Planner tasks',
    example: 'What are my planner tasks',
    words: ['tasks', 'planner', 'plan', 'list', 'assigned'],
  },
  'planner.createTask': {
    domain: 'Tasks',
    can: 'add a task to a Planner plan',
    example: 'Add a task Order banners to the Spring launch plan for Megan by tomorrow',
    words: ['task', 'add', 'plan', 'planner', 'assign', 'create'],
  },
  'planner.updateTask': {
    domain: 'Tasks',
    can: 'complete or change a Planner task',
    example: 'Complete "Order booth banners" in the Spring launch plan',
    words: ['complete', 'done', 'finish', 'task', 'progress', 'due'],
  },
  'todo.listTasks': {
    domain: 'Tasks',
    can: 'list your To Do tasks',
    example: 'What is on my to do list',
    words: ['todo', 'to-do', 'list', 'tasks', 'errands'],
  },
  'todo.createTask': {
    domain: 'Tasks',
    can: 'add a To Do task or reminder',
    example: 'Add buy milk to my to-dos',
    words: ['remind', 'reminder', 'todo', 'to-do', 'add', 'task'],
  },
  'people.resolve': {
    domain: 'People',
    can: 'look someone up in the directory',
    example: 'Look up Megan in the directory',
    words: ['who', 'look', 'directory', 'find', 'person', 'contact'],
  },
  'people.manager': {
    domain: 'People',
    can: "tell you someone's manager",
    example: "Who is Megan's manager",
    words: ['manager', 'boss', 'report', 'reports'],
  },
  'people.directReports': {
    domain: 'People',
    can: "list someone's direct reports",
    example: 'Who reports to Megan',
    words: ['reports', 'team', 'direct'],
  },
  'people.presence': {
    domain: 'People',
    can: 'tell you whether people are available right now',
    example: 'Is Megan available',
    words: ['available', 'online', 'busy', 'free', 'status', 'presence', 'now'],
  },
  'people.mailboxSettings': {
    domain: 'People',
    can: "tell you someone's working hours, time zone or out-of-office",
    example: 'What time zone is Lynne in',
    words: ['hours', 'zone', 'office', 'ooo', 'holiday', 'leave', 'working'],
  },
};

const WORD = /[a-z0-9:'-]+/g;

/** Crude stem so "meetings" meets "meeting" and "summarised" meets "summarise". */
function stem(word: string): string {
  return word.replace(/(?:'s|ing|ed|es|s)$/, '');
}

const INDEX: ReadonlyArray<readonly [PlannerAction, Ability, ReadonlySet<string>]> = (
  Object.entries(ABILITIES) as Array<[PlannerAction, Ability]>
).map(([action, ability]) => [action, ability, new Set(ability.words.map(stem))]);

/** Used when a request shares no word with any ability: one of each kind people ask most. */
const DEFAULTS: readonly PlannerAction[] = ['mail.send', 'calendar.createEvent', 'teams.sendChatMessage'];

/** The `count` abilities whose words best match `request` (distinct sentences), best first. */
export function closestAbilities(request: string, count = 3): Ability[] {
  const words = new Set((request.toLowerCase().match(WORD) ?? []).map(stem));
  const scored = INDEX.map(([action, ability, keys], order) => ({
    action,
    ability,
    order,
    score: [...keys].filter((key) => words.has(key)).length,
  }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const picked: Ability[] = [];
  for (const entry of [...scored.map((s) => s.ability), ...DEFAULTS.map((action) => ABILITIES[action])]) {
    if (picked.length >= count) break;
    if (!picked.some((p) => p.example === entry.example)) picked.push(entry);
  }
  return picked;
}
