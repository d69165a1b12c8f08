import type { Person, RiskClass, Scope } from '../../src/engine/model';
import { HOSTILE_BODY, HOSTILE_EXACT, HOSTILE_OUTCOME, HOSTILE_SUBJECT, HOSTILE_TITLE } from './hostile';

/** One step of a journey as planned, and what it resolves to and produces when it runs. */
export interface JourneyStep {
  readonly id: string;
  readonly action: string;
  /** As planned: may hold `{ $ref }` references. */
  readonly input: Record<string, unknown>;
  /** With references filled in, as an approval binds to it. */
  readonly resolved: Record<string, unknown>;
  readonly output: Record<string, unknown>;
  readonly risk: RiskClass;
  readonly gate: 'auto' | 'checkpoint';
  readonly rationale: string;
}

/** A realistic task before it has a state: who asked, where, and the plan the planner made. */
export interface Journey {
  readonly name: string;
  readonly id: string;
  readonly title: string;
  readonly outcome: string;
  readonly requester: Person;
  readonly approvers: readonly string[];
  readonly scope: Scope;
  /** Deliberately not always 1, so that "carries the plan version" cannot pass by accident. */
  readonly planVersion: number;
  readonly steps: readonly JourneyStep[];
}

export const ADELE: Person = { id: 'aad-adele', name: 'Adele Vance', upn: 'adelev@example.com' };
const PERSONAL: Scope = { kind: 'personal', conversationId: 'a:personal-adele' };
const CHANNEL: Scope = {
  kind: 'channel',
  conversationId: '19:general@thread.tacv2;messageid=1741165200000',
  teamId: 'team-mark8',
  channelId: '19:general@thread.tacv2',
};

const MESSAGES = [
  {
    id: 'AAMkAD-m1',
    subject: 'Renewal terms',
    from: { name: 'Dana Whitman', address: 'dana@contoso.com' },
    receivedDateTime: '2025-03-04T08:12:00Z',
    bodyPreview: 'We accept the renewal terms.',
    isRead: false,
  },
  {
    id: 'AAMkAD-m2',
    subject: 'Security review',
    from: { name: 'Raj Patel', address: 'raj.patel@contoso.com' },
    receivedDateTime: '2025-03-03T16:40:00Z',
    bodyPreview: 'The review is booked for Friday.',
    isRead: true,
  },
];
const SUMMARY =
  '2 messages from 2 senders in 2 threads.\n\nRenewal terms:\n- Dana Whitman, 2025-03-04: We accept the renewal terms.\n\nSecurity review:\n- Raj Patel, 2025-03-03: The review is booked for Friday.';

/** mail.search → text.summarise, the start of every summary journey. */
function searchAndSummarise(summary: string): JourneyStep[] {
  const search = { from: 'contoso.com', since: '2025-03-03T00:00:00Z', top: 25 };
  const title = 'Mail from contoso.com this week';
  return [
    {
      id: 's1',
      action: 'mail.search',
      input: search,
      resolved: search,
      output: { messages: MESSAGES, count: 2 },
      risk: 'read',
      gate: 'auto',
      rationale: 'Find your mail from contoso.com this week.',
    },
    {
      id: 's2',
      action: 'text.summarise',
      input: { items: { $ref: 's1.messages' }, title },
      resolved: { items: MESSAGES, title, maxItems: 10 },
      output: { summary, sourceIds: MESSAGES.map((m) => m.id) },
      risk: 'compose',
      gate: 'auto',
      rationale: 'Summarise what was found.',
    },
  ];
}

/** "Summarise this week's mail from Contoso and email it to Megan": search → summarise → send. */
export function summaryMail(hostile = false): Journey {
  const subject = hostile ? HOSTILE_SUBJECT : 'Summary of mail from contoso.com this week';
  const body = hostile ? HOSTILE_BODY : SUMMARY;
  const to = ['meganb@example.com'];
  return {
    name: `summary mail${hostile ? ' (hostile text)' : ''}`,
    id: hostile ? 'T0101' : 'T0001',
    title: hostile ? HOSTILE_TITLE : 'Email Megan Bowen a summary of mail from contoso.com this week',
    outcome: hostile ? HOSTILE_OUTCOME : "Summarise this week's mail from Contoso and email it to Megan",
    requester: ADELE,
    approvers: [ADELE.id],
    scope: PERSONAL,
    planVersion: 2,
    steps: [
      ...searchAndSummarise(body),
      {
        id: 's3',
        action: 'mail.send',
        input: { to, subject, body: { $ref: 's2.summary' } },
        resolved: { to, subject, body },
        output: { messageId: 'AAMkAD-sent-1', sentAt: '2025-03-05T09:01:00Z' },
        risk: 'write-internal',
        gate: 'checkpoint',
        rationale: 'Send the summary to Megan Bowen.',
      },
    ],
  };
}

/** "Set up a 30-minute review with Megan and Alex next week": find times → create the event. */
export function meeting(hostile = false): Journey {
  const attendees = ['meganb@example.com', 'alexw@example.com'];
  const window = {
    durationMinutes: 30,
    windowStart: '2025-04-07T07:00:00Z',
    windowEnd: '2025-04-11T16:00:00Z',
    timeZone: 'Europe/London',
  };
  const slot = { start: '2025-04-08T09:00:00Z', end: '2025-04-08T09:30:00Z' };
  const event = {
    subject: hostile ? HOSTILE_EXACT : 'Review with Megan Bowen and Alex Wilber',
    attendees,
    isOnlineMeeting: true,
    timeZone: 'Europe/London',
  };
  const body = hostile ? { body: HOSTILE_BODY } : {};
  return {
    name: `meeting${hostile ? ' (hostile text)' : ''}`,
    id: hostile ? 'T0102' : 'T0002',
    title: hostile ? HOSTILE_TITLE : 'Set up a 30-minute review with Megan Bowen and Alex Wilber next week',
    outcome: hostile ? HOSTILE_OUTCOME : 'Set up a 30-minute review with Megan and Alex next week on Teams',
    requester: ADELE,
    approvers: [ADELE.id],
    scope: PERSONAL,
    planVersion: 1,
    steps: [
      {
        id: 's1',
        action: 'calendar.findMeetingTimes',
        input: { attendees, ...window },
        resolved: { attendees, ...window },
        output: { suggestions: [slot] },
        risk: 'read',
        gate: 'auto',
        rationale: 'Find 30 minutes next week when Megan Bowen, Alex Wilber and you are free.',
      },
      {
        id: 's2',
        action: 'calendar.createEvent',
        input: { ...event, ...body, start: { $ref: 's1.suggestions.0.start' }, end: { $ref: 's1.suggestions.0.end' } },
        resolved: { ...event, ...body, ...slot },
        output: {
          eventId: 'AAMkAD-event-1',
          webLink: 'https://outlook.office365.com/owa/?itemid=AAMkAD-event-1&exvsurl=1&path=/calendar/item',
          ...slot,
        },
        risk: 'write-internal',
        gate: 'checkpoint',
        rationale: 'Book the first time that suits everyone and invite Megan Bowen and Alex Wilber.',
      },
    ],
  };
}

/** "@Delegate post a summary of this week's Contoso mail here", in a channel with approvers. */
export function channelPost(hostile = false): Journey {
  const text = hostile ? HOSTILE_BODY : SUMMARY;
  const where = {
    teamId: 'team-mark8',
    channelId: '19:general@thread.tacv2',
    channelName: 'General',
    teamName: 'Mark 8 Project Team',
  };
  return {
    name: `channel post${hostile ? ' (hostile text)' : ''}`,
    id: hostile ? 'T0103' : 'T0003',
    title: hostile ? HOSTILE_TITLE : 'Post a summary of mail from contoso.com this week to General',
    outcome: hostile ? HOSTILE_OUTCOME : "Post a summary of this week's mail from Contoso here",
    requester: ADELE,
    approvers: [ADELE.id, 'aad-megan', 'aad-patti'],
    scope: CHANNEL,
    planVersion: 3,
    steps: [
      ...searchAndSummarise(text),
      {
        id: 's3',
        action: 'teams.postChannelMessage',
        input: { ...where, text: { $ref: 's2.summary' } },
        resolved: { ...where, text },
        output: {
          messageId: '1741165260000',
          webUrl: 'https://teams.microsoft.com/l/message/19%3Ageneral%40thread.tacv2/1741165260000',
        },
        risk: 'write-internal',
        gate: 'checkpoint',
        rationale: 'Post the summary to General in Mark 8 Project Team.',
      },
    ],
  };
}

export const SUMMARY_TEXT = SUMMARY;
