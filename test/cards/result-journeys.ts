import { HOSTILE_BODY, HOSTILE_EXACT, HOSTILE_SUBJECT } from './hostile';
import { ADELE, type Journey, type JourneyStep } from './journeys';

/**
 * Tasks that only read (and perhaps compose), whose answer the result card must show. Outputs
 * have the real shapes of each action's `output` schema (the tests parse them with it); the
 * hostile variants carry what a mail, a file or a post may hold: template syntax, markdown
 * links and emphasis, HTML, invisible direction overrides and non-https links.
 */

/** Markdown and HTML that would become a link or emphasis if a card read it as markdown. */
export const HOSTILE_MARKDOWN =
  '**Pay now** [Open the invoice](https://evil.example.com/pay) <a href="https://evil.example.com">here</a> ![x](https://evil.example.com/p.png)';
/** A right-to-left override that shows "Invoice‮gnp.exe" as "Invoiceexe.png". */
export const HOSTILE_BIDI = 'Invoice\u202Egnp.exe';

const PERSONAL = { kind: 'personal', conversationId: 'a:personal-adele' } as const;
const BRIEF_URL =
  'https://contoso-my.sharepoint.com/personal/adelev_contoso_com/Documents/Spring%20launch%20brief.docx';

function journey(name: string, id: string, outcome: string, steps: JourneyStep[]): Journey {
  return {
    name,
    id,
    title: outcome,
    outcome,
    requester: ADELE,
    approvers: [ADELE.id],
    scope: PERSONAL,
    planVersion: 1,
    steps,
  };
}

function read(
  id: string,
  action: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  resolved = input,
): JourneyStep {
  return {
    id,
    action,
    input,
    resolved,
    output,
    risk: action.startsWith('compose.') || action === 'text.summarise' ? 'compose' : 'read',
    gate: 'auto',
    rationale: `Run ${action}.`,
  };
}

/** "What's in the spring launch brief": files.search → files.readText. */
export function briefJourney(text: string, truncated = false): Journey {
  const file = {
    id: '01BRIEF',
    name: 'Spring launch brief.docx',
    kind: 'file',
    folder: '/Documents',
    webUrl: BRIEF_URL,
    size: 24576,
    lastModified: '2025-03-03T15:20:00Z',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  return journey('brief', 'T0201', "What's in the spring launch brief", [
    read('s1', 'files.search', { query: 'spring launch brief', top: 10 }, { items: [file], count: 1 }),
    read(
      's2',
      'files.readText',
      { itemId: { $ref: 's1.items.0.id' } },
      { itemId: file.id, name: file.name, webUrl: BRIEF_URL, format: 'docx', text, truncated },
      { itemId: file.id, maxChars: 20000 },
    ),
  ]);
}

/** "What's new in the General channel": teams.listChannelMessages → text.summarise. */
export function channelNewsJourney(summary: string): Journey {
  const where = {
    teamId: 'team-mark8',
    channelId: '19:general@thread.tacv2',
    channelName: 'General',
    teamName: 'Mark 8 Project Team',
  };
  const post = {
    id: '1741165200000',
    author: 'Megan Bowen',
    createdDateTime: '2025-03-05T09:00:00Z',
    text: 'Launch moved to Friday.',
    webUrl: 'https://teams.microsoft.com/l/message/19%3Ageneral%40thread.tacv2/1741165200000',
    replies: [],
  };
  const item = {
    id: post.id,
    subject: 'Launch moved to Friday.',
    from: { name: 'Megan Bowen', address: '' },
    receivedDateTime: post.createdDateTime,
    bodyPreview: post.text,
    isRead: true,
  };
  return journey('channel news', 'T0202', "What's new in the General channel", [
    read(
      's1',
      'teams.listChannelMessages',
      { ...where, top: 10, repliesPerPost: 10 },
      { posts: [post], latest: post, items: [item], count: 1 },
    ),
    read(
      's2',
      'text.summarise',
      { items: { $ref: 's1.items' }, title: 'General' },
      { summary, sourceIds: [post.id] },
      { items: [item], title: 'General', maxItems: 10 },
    ),
  ]);
}

/** One meeting as calendar.listEvents returns it. */
export function eventOf(n: number, subject: string, webLink: string): Record<string, unknown> {
  const hour = String(8 + n).padStart(2, '0');
  return {
    id: `AAMkAD-ev-${n}`,
    subject,
    start: `2025-03-06T${hour}:00:00Z`,
    end: `2025-03-06T${hour}:30:00Z`,
    startLocal: `2025-03-06T${hour}:00:00`,
    endLocal: `2025-03-06T${hour}:30:00`,
    organizer: { name: 'Megan Bowen', address: 'meganb@example.com' },
    isOrganizer: false,
    myResponse: 'accepted',
    attendees: [{ name: 'Adele Vance', address: 'adelev@example.com', type: 'required', response: 'accepted' }],
    isCancelled: false,
    isOnlineMeeting: true,
    showAs: 'busy',
    location: n === 1 ? 'Room 4.01' : '',
    webLink,
  };
}

/** "What's on my calendar tomorrow": calendar.listEvents, with `events` as given. */
export function calendarJourney(events: Record<string, unknown>[]): Journey {
  const input = { start: '2025-03-06T00:00:00Z', end: '2025-03-07T00:00:00Z', timeZone: 'Europe/London' };
  return journey('calendar', 'T0203', "What's on my calendar tomorrow", [
    read('s1', 'calendar.listEvents', input, { events, count: events.length, truncated: false }),
  ]);
}

const person = (id: string, displayName: string, mail: string, jobTitle: string): Record<string, unknown> => ({
  id,
  displayName,
  mail,
  jobTitle,
  department: 'Sales & Marketing',
});

/** "Who is Megan's manager": people.manager. */
export function managerJourney(): Journey {
  const megan = person('aad-megan', 'Megan Bowen', 'meganb@example.com', 'Marketing Manager');
  const miriam = person('aad-miriam', 'Miriam Graham', 'miriamg@example.com', 'Director');
  return journey('manager', 'T0204', "Who is Megan's manager", [
    read(
      's1',
      'people.manager',
      { person: 'meganb@example.com' },
      { person: megan, manager: miriam, answer: 'Megan Bowen reports to Miriam Graham (Director).' },
    ),
  ]);
}

/** "What are my planner tasks": planner.listTasks, one task titled with hostile text when asked. */
export function plannerJourney(hostile = false): Journey {
  const task = (id: string, title: string, due: string | null, names: string[]): Record<string, unknown> => ({
    id,
    title,
    planId: 'plan-launch',
    planTitle: 'Spring launch',
    bucket: 'To do',
    percentComplete: 0,
    dueDateTime: due,
    assignees: names.map((name, i) => ({ id: `aad-${i}`, name })),
  });
  const tasks = [
    task('pt-1', hostile ? HOSTILE_SUBJECT : 'Book the venue', '2025-03-10T17:00:00Z', ['Adele Vance']),
    task('pt-2', 'Draft the press release', null, ['Adele Vance', 'Megan Bowen']),
  ];
  const output = {
    plans: [{ id: 'plan-launch', title: 'Spring launch' }],
    buckets: [{ id: 'b-todo', name: 'To do', planId: 'plan-launch' }],
    tasks,
    count: 2,
    answer:
      '2 open tasks assigned to you: Book the venue (due 2025-03-10, Adele Vance); Draft the press release (Adele Vance and Megan Bowen).',
  };
  return journey('planner', 'T0205', 'What are my planner tasks', [
    read('s1', 'planner.listTasks', { includeCompleted: false, top: 50 }, output),
  ]);
}

/** "Summarise the thread Renewal terms": mail.summariseThread. */
export function threadJourney(subject: string, summary: string): Journey {
  return journey('thread', 'T0206', 'Summarise the thread Renewal terms', [
    read(
      's1',
      'mail.summariseThread',
      { messageId: 'AAMkAD-m1', subject: 'Renewal terms', maxItems: 20 },
      {
        summary,
        subject,
        conversationId: 'AAQkAD-conv-1',
        count: 3,
        sourceIds: ['AAMkAD-m1', 'AAMkAD-m2', 'AAMkAD-m3'],
      },
    ),
  ]);
}

/** A summary of plain text, several paragraphs, as text.summarise writes it. */
export const PLAIN_SUMMARY =
  '1 post in General.\n\nLaunch moved to Friday:\n- Megan Bowen, 2025-03-05: Launch moved to Friday.';
/** Hostile text in every form, one per line, each `${…}` early enough never to be clipped. */
export const HOSTILE_TEXT = [HOSTILE_BODY, HOSTILE_MARKDOWN, HOSTILE_BIDI, HOSTILE_EXACT].join('\n');
