import type { ActionContext } from '../../src/engine/catalogue';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { inboxMessage } from './mail-helpers';
import { eventOf } from './calendar-helpers';
import { alex, megan, team, type ActionHarness } from './sandbox-harness';

/** An input, or how to find one in the freshly reset tenant (ids of seeded mail, events, files). */
export type Input = Record<string, unknown> | ((h: ActionHarness) => Promise<Record<string, unknown>>);

/** A run of an action: its input, and (for a retry) its context. */
export interface Run {
  readonly input?: Input;
  readonly ctx?: Partial<ActionContext>;
}

/** How the identity-mode tests run one action. */
export interface IdentityCase {
  /** A realistic input against the sandbox's seed data. */
  readonly input: Input;
  /**
   * For a declared permission that only some runs need, the run that needs it (another input,
   * or a retry that reconciles): the one-short test removes the permission from that run.
   */
  readonly needs?: Readonly<Record<string, Run>>;
  /**
   * For an action that declares no application permission although some of its runs would pass
   * as the app: the run that needs what Graph refuses to applications.
   */
  readonly refusedAsApp?: Run;
}

const users = SANDBOX_DIRECTORY.users;
const person = (first: string) => {
  const found = users.find((u) => u.givenName === first);
  if (!found) throw new Error(`no ${first} in the sandbox directory`);
  return found;
};
const adele = person('Adele');
const isaiah = person('Isaiah');
const patti = person('Patti');
const [general, announcements] = team.channels;
if (!general || !announcements) throw new Error('the sandbox team has no General or Announcements channel');
const q = encodeURIComponent;
const channel = (c: { id: string; displayName: string }) => ({
  teamId: team.id,
  teamName: team.displayName,
  channelId: c.id,
  channelName: c.displayName,
});

const messageId = (subject: string) => async (h: ActionHarness) => (await inboxMessage(h, subject)).id;
const eventId = (subject: string) => async (h: ActionHarness) => (await eventOf(h, alex.upn, subject)).id;
const fileId = async (h: ActionHarness, path: string) =>
  (await h.read<{ id: string }>(alex.upn, `/me/drive/root:/${path.split('/').map(q).join('/')}`)).id;
const latestPost = async (h: ActionHarness) => {
  const page = await h.read<{ value: Array<{ id: string }> }>(
    alex.upn,
    `/teams/${team.id}/channels/${q(general.id)}/messages?$top=1`,
  );
  const [post] = page.value;
  if (!post) throw new Error('no post in General');
  return post.id;
};
const plannerTask = async (h: ActionHarness, title: string) => {
  const plans = await h.read<{ value: Array<{ id: string; title: string }> }>(alex.upn, '/me/planner/plans');
  const plan = plans.value.find((p) => p.title === 'Spring launch');
  const tasks = await h.read<{ value: Array<{ id: string; title: string }> }>(
    alex.upn,
    `/planner/plans/${plan?.id ?? ''}/tasks`,
  );
  const task = tasks.value.find((t) => t.title === title);
  if (!task) throw new Error(`no planner task ${title}`);
  return task.id;
};
/** A retry of the step: the action first looks for what an earlier attempt did. */
const retry: Partial<ActionContext> = { attempt: 2 };

/**
 * Every catalogue action that calls Microsoft Graph, with an input that exercises what it
 * declares. The identity-mode test fails for an action of the catalogue missing here.
 */
export const IDENTITY_CASES: Readonly<Record<string, IdentityCase>> = {
  // Mail
  'mail.search': { input: { from: 'Contoso' } },
  'mail.read': {
    input: async (h) => ({ messageId: await messageId('Contoso MSA amendment - redlines attached')(h) }),
  },
  'mail.summariseThread': {
    input: async (h) => ({ messageId: await messageId('Re: Contoso renewal: revised pricing for FY27')(h) }),
  },
  'mail.send': { input: { to: [megan.upn], subject: 'Both modes', body: 'Hello' } },
  'mail.draft': { input: { to: [megan.upn], subject: 'Draft for review', body: 'Numbers attached tomorrow.' } },
  'mail.reply': {
    input: async (h) => ({
      messageId: await messageId('Lead from the Contoso webinar')(h),
      to: [isaiah.mail],
      comment: 'Case study pack is on its way.',
    }),
  },
  'mail.forward': {
    input: async (h) => ({
      messageId: await messageId('Invoice FAB-2291 due next week')(h),
      to: [megan.upn],
      comment: 'Can you schedule this payment?',
    }),
  },
  'mail.move': {
    input: async (h) => ({ messageIds: [await messageId('Order confirmation #45821')(h)], folder: 'Archive' }),
  },
  'mail.update': {
    input: async (h) => ({
      messageIds: [await messageId('Order confirmation #45821')(h)],
      flag: 'flagged',
      isRead: true,
    }),
  },
  // Calendar
  'calendar.listEvents': { input: { start: '2025-03-10T00:00:00Z', end: '2025-03-15T00:00:00Z', timeZone: 'UTC' } },
  'calendar.getSchedules': {
    input: { people: [megan.upn], start: '2025-03-19T00:00:00Z', end: '2025-03-20T00:00:00Z', timeZone: 'UTC' },
  },
  'calendar.findMeetingTimes': {
    input: {
      attendees: [megan.upn],
      durationMinutes: 30,
      windowStart: '2025-03-10T09:00:00Z',
      windowEnd: '2025-03-14T17:00:00Z',
      timeZone: 'UTC',
    },
  },
  'calendar.createEvent': {
    input: {
      subject: 'Both modes',
      attendees: [megan.upn],
      start: '2025-03-11T14:00:00Z',
      end: '2025-03-11T14:30:00Z',
      timeZone: 'UTC',
    },
  },
  'calendar.updateEvent': {
    input: async (h) => ({
      eventId: await eventId('Website copy review')(h),
      start: '2025-03-21T14:00:00Z',
      timeZone: 'UTC',
    }),
  },
  'calendar.cancelEvent': {
    input: async (h) => ({
      eventId: await eventId('Brand refresh kickoff')(h),
      comment: 'The agency needs another week.',
    }),
  },
  'calendar.respond': {
    input: async (h) => ({
      eventId: await eventId('Spring campaign retrospective')(h),
      response: 'accept',
      comment: 'See you there.',
    }),
  },
  // Files
  'files.search': { input: { query: 'Q3 planning workbook' } },
  'files.listRecent': { input: { top: 3 } },
  'files.readText': {
    input: async (h) => ({ itemId: await fileId(h, 'Documents/Marketing/Spring launch brief.docx') }),
  },
  'files.create': {
    input: {
      path: 'Documents/Summaries/Contoso summary.docx',
      content: '# Contoso summary\n\n- Dana asked for the reseller training dates.',
      conflictBehavior: 'fail',
    },
  },
  'files.share': {
    input: async (h) => ({
      itemId: await fileId(h, 'Documents/Planning/Q3 planning workbook.xlsx'),
      itemName: 'Q3 planning workbook.xlsx',
      type: 'view',
      scope: 'users',
      recipients: [megan.upn],
    }),
  },
  // Teams
  'teams.listChannels': { input: { teamId: team.id, teamName: team.displayName } },
  'teams.listChannelMessages': { input: { ...channel(general), top: 3 } },
  'teams.postChannelMessage': {
    input: { ...channel(announcements), text: 'The launch plan is in the channel files.' },
    // Read only by a retry, which looks for the post an earlier attempt made before posting again.
    needs: { 'ChannelMessage.Read.All': { ctx: retry } },
  },
  'teams.replyToMessage': {
    input: async (h) => ({ ...channel(general), messageId: await latestPost(h), text: 'Numbers are in.' }),
    needs: {
      'ChannelMessage.Read.All': {
        input: async (h) => ({ ...channel(general), messageId: await latestPost(h), text: 'Numbers are in.' }),
        ctx: retry,
      },
    },
  },
  'teams.sendChatMessage': {
    // Isaiah and Alex have no one-on-one chat yet: the action creates it.
    input: { to: isaiah.mail, text: 'Welcome aboard' },
    needs: { 'Chat.Read': { ctx: retry } },
  },
  // Tasks
  'planner.listTasks': { input: { plan: 'Spring launch' } },
  'planner.createTask': {
    input: {
      plan: 'Spring launch',
      bucket: 'To do',
      title: 'Book venue',
      assignees: [megan.upn],
      dueDateTime: '2025-03-07T17:00:00Z',
    },
  },
  'planner.updateTask': {
    input: async (h) => ({
      taskId: await plannerTask(h, 'Confirm press list'),
      percentComplete: 100,
      addAssignees: [adele.mail],
    }),
    // By id the app may update a task; naming it in a plan lists the requester's plans, which
    // Graph does not let applications do (GET /users/{id}/planner/plans: "Application: Not supported").
    refusedAsApp: { input: { title: 'Confirm press list', plan: 'Spring launch', percentComplete: 100 } },
  },
  'todo.listTasks': { input: {} },
  'todo.createTask': { input: { title: 'Buy printer paper', dueDateTime: '2025-03-07T00:00:00Z', note: 'A4' } },
  // People
  'people.resolve': { input: { query: 'Megan' } },
  'people.manager': { input: { person: alex.upn } },
  'people.directReports': { input: { person: patti.mail } },
  'people.presence': { input: { people: [megan.upn, adele.mail] } },
  'people.mailboxSettings': {
    // A colleague's from free/busy and mail tips; the requester's own from their mailbox settings.
    input: { person: megan.upn },
    needs: { 'MailboxSettings.Read': { input: { person: alex.upn } } },
  },
};

/** Catalogue actions that never call Microsoft Graph (they work on other steps' output, or a model). */
export const WITHOUT_GRAPH: readonly string[] = [
  'text.summarise',
  'compose.summarise',
  'compose.draft',
  'compose.actionItems',
];

/** The input of a run, found in the tenant when it depends on seed data. */
export async function inputOf(h: ActionHarness, input: Input): Promise<Record<string, unknown>> {
  return typeof input === 'function' ? input(h) : input;
}
