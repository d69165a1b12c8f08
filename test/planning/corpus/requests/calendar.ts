import { corpusFile } from '../build';
import { ADELE, at, FIND_EVENT, ISAIAH, LYNNE, MEGAN, PATTI } from '../slots';

const LIST = 'calendar.listEvents';
const range = (from: string, to: string) => ({
  'calendar.listEvents.start': at(from),
  'calendar.listEvents.end': at(to),
});
const TOMORROW = range('2026-12-03T00:00', '2026-12-04T00:00');
const FRIDAY = range('2026-12-04T00:00', '2026-12-05T00:00');
const FIND = 'calendar.listEvents.subjectContains';

/** The requester's calendar: what is on it, and changing, cancelling and answering meetings. */
export default corpusFile('calendar', [
  {
    request: "What's on my calendar tomorrow?",
    actions: [LIST],
    slots: TOMORROW,
    parts: ['calendar', 'tomorrow'],
  },
  {
    request: 'whats in my diary for friday',
    actions: [LIST],
    slots: FRIDAY,
    parts: ['diary', 'friday'],
  },
  {
    request: 'Do I have any meetings this afternoon?',
    actions: [LIST],
    slots: {
      'calendar.listEvents.start': { $between: ['2026-12-02T10:00', '2026-12-02T12:00'] },
      'calendar.listEvents.end': { $between: ['2026-12-02T17:00', '2026-12-03T00:00'] },
    },
    parts: ['meetings', 'this afternoon'],
  },
  {
    request: 'show me my schedule for next week',
    actions: [LIST],
    slots: {
      'calendar.listEvents.start': at('2026-12-07T00:00'),
      'calendar.listEvents.end': { $between: ['2026-12-12T00:00', '2026-12-14T00:00'] },
    },
    parts: ['schedule', 'next week'],
  },
  {
    request: 'what meetings have I got with Megan next week',
    actions: [LIST],
    slots: { 'calendar.listEvents.with': [MEGAN], 'calendar.listEvents.start': at('2026-12-07T00:00') },
    parts: ['meetings', 'Megan', 'next week'],
  },
  {
    request: "What's left on my calendar today?",
    actions: [LIST],
    slots: {
      'calendar.listEvents.start': { $between: ['2026-12-02T00:00', '2026-12-02T10:00'] },
      'calendar.listEvents.end': at('2026-12-03T00:00'),
    },
    parts: ['calendar', 'today'],
  },
  {
    request: 'When is my next 1:1 with Megan?',
    actions: [LIST],
    slots: { 'calendar.listEvents.with|calendar.listEvents.subjectContains': 'megan' },
    parts: ['next', '1:1', 'Megan'],
  },
  {
    request: "which invitations haven't I answered yet?",
    actions: [LIST],
    slots: { 'calendar.listEvents.awaitingMyResponse': true },
    parts: ["invitations haven't I answered"],
  },
  {
    request: 'When is the Q3 planning workshop',
    actions: [LIST],
    slots: { [FIND]: 'Q3 planning workshop' },
    parts: ['When', 'Q3 planning workshop'],
  },
  {
    request: 'am i free on thursday afternoon?',
    actions: [LIST],
    slots: { 'calendar.listEvents.start': { $between: ['2026-12-03T12:00', '2026-12-03T14:00'] } },
    parts: ['free', 'thursday afternoon'],
  },
  {
    request: 'list the meetings I organise next week',
    actions: [LIST],
    slots: { 'calendar.listEvents.organizedByMe': true, 'calendar.listEvents.start': at('2026-12-07T00:00') },
    parts: ['meetings I organise', 'next week'],
  },
  {
    request: 'Move the newsletter planning meeting to Tuesday at 3pm',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'newsletter planning', 'calendar.updateEvent.start': at('2026-12-08T15:00') },
    parts: ['Move', 'newsletter planning meeting', 'Tuesday at 3pm'],
  },
  {
    request: 'push the Contoso renewal review to tomorrow same time',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'Contoso renewal review', 'calendar.updateEvent.start': at('2026-12-03T14:00') },
    parts: ['push', 'Contoso renewal review', 'tomorrow same time'],
  },
  {
    request: 'Reschedule the brand refresh kickoff to 15 December at 10am',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'brand refresh kickoff', 'calendar.updateEvent.start': at('2026-12-15T10:00') },
    parts: ['Reschedule', 'brand refresh kickoff', '15 December at 10am'],
  },
  {
    request: 'can you move my lunch with carlos to 1pm',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'lunch with carlos', 'calendar.updateEvent.start': at('2026-12-10T13:00') },
    parts: ['move', 'lunch with carlos', '1pm'],
  },
  {
    request: 'Move the website copy review',
    actions: [],
    asks: ['time', 'when'],
    parts: ['Move', 'website copy review'],
  },
  {
    request: 'Rename the newsletter planning meeting to "Newsletter: January issue"',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'newsletter planning', 'calendar.updateEvent.subject': 'Newsletter: January issue' },
    parts: ['Rename', 'newsletter planning meeting', 'Newsletter: January issue'],
  },
  {
    request: 'add isaiah to the newsletter planning meeting',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'newsletter planning', 'calendar.updateEvent.addAttendees': [ISAIAH] },
    parts: ['add isaiah', 'newsletter planning meeting'],
  },
  {
    request: 'Invite Lynne and Patti to the Brand refresh kickoff',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'brand refresh kickoff', 'calendar.updateEvent.addAttendees': [LYNNE, PATTI] },
    parts: ['Invite', 'Lynne', 'Patti', 'Brand refresh kickoff'],
  },
  {
    request: 'take Megan off the website copy review',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'website copy review', 'calendar.updateEvent.removeAttendees': [MEGAN] },
    parts: ['take Megan off', 'website copy review'],
  },
  {
    request: 'make the social media calendar sync a teams meeting',
    actions: [FIND_EVENT, 'calendar.updateEvent'],
    slots: { [FIND]: 'social media calendar sync', 'calendar.updateEvent.isOnlineMeeting': true },
    parts: ['teams meeting', 'social media calendar sync'],
  },
  {
    request: 'Cancel the Brand refresh kickoff',
    actions: [FIND_EVENT, 'calendar.cancelEvent'],
    slots: { [FIND]: 'brand refresh kickoff' },
    parts: ['Cancel', 'Brand refresh kickoff'],
  },
  {
    request: "cancel today's contoso renewal review and tell them we'll rebook next week",
    actions: [FIND_EVENT, 'calendar.cancelEvent'],
    slots: { [FIND]: 'contoso renewal review', 'calendar.cancelEvent.comment': 'rebook next week' },
    parts: ['cancel', "today's", 'contoso renewal review', "we'll rebook next week"],
  },
  {
    request: 'Please call off the social media calendar sync',
    actions: [FIND_EVENT, 'calendar.cancelEvent'],
    slots: { [FIND]: 'social media calendar sync' },
    parts: ['call off', 'social media calendar sync'],
  },
  {
    request: 'scrap the contoso sales manager training, the customer postponed',
    actions: [FIND_EVENT, 'calendar.cancelEvent'],
    slots: { [FIND]: 'contoso sales manager training', 'calendar.cancelEvent.comment': 'postponed' },
    parts: ['scrap', 'contoso sales manager training', 'the customer postponed'],
  },
  {
    request: 'Accept the Spring campaign retrospective invitation',
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: { [FIND]: 'spring campaign retrospective', 'calendar.respond.response': 'accept' },
    parts: ['Accept', 'Spring campaign retrospective'],
  },
  {
    request: 'decline the east coast sales kickoff, I am on leave',
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: {
      [FIND]: 'east coast sales kickoff',
      'calendar.respond.response': 'decline',
      'calendar.respond.comment': 'leave',
    },
    parts: ['decline', 'east coast sales kickoff', 'I am on leave'],
  },
  {
    request: 'Tentatively accept the Berlin store opening prep',
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: { [FIND]: 'Berlin store opening prep', 'calendar.respond.response': 'tentativelyAccept' },
    parts: ['Tentatively accept', 'Berlin store opening prep'],
  },
  {
    request: "say yes to Megan's retro invite",
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: { [FIND]: 'retro', 'calendar.respond.response': 'accept' },
    parts: ['say yes', "Megan's", 'retro invite'],
  },
  {
    request: "I can't make the Q3 budget review - decline it and let Lynne know I'll send notes",
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: { [FIND]: 'Q3 budget review', 'calendar.respond.response': 'decline', 'calendar.respond.comment': 'notes' },
    parts: ["can't make", 'Q3 budget review', 'decline', "I'll send notes"],
  },
  {
    request: 'accept the all-hands',
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: { [FIND]: 'all-hands', 'calendar.respond.response': 'accept' },
    parts: ['accept', 'all-hands'],
  },
  {
    request: 'Maybe to the East Coast sales kickoff invite',
    actions: [FIND_EVENT, 'calendar.respond'],
    slots: { [FIND]: 'east coast sales kickoff', 'calendar.respond.response': 'tentativelyAccept' },
    parts: ['Maybe', 'East Coast sales kickoff'],
  },
  {
    request: "What's on my calendar on the 10th?",
    actions: [LIST],
    slots: range('2026-12-10T00:00', '2026-12-11T00:00'),
    parts: ['calendar', 'the 10th'],
  },
  {
    request: 'how busy am I tomorrow',
    actions: [LIST],
    slots: TOMORROW,
    parts: ['busy', 'tomorrow'],
  },
  {
    request: 'Any meetings with Isaiah this week?',
    actions: [LIST],
    slots: { 'calendar.listEvents.with': [ISAIAH] },
    parts: ['meetings', 'Isaiah', 'this week'],
  },
  {
    request: "show me Megan and Adele's free/busy for tomorrow",
    actions: ['calendar.getSchedules'],
    slots: { 'calendar.getSchedules.people': [MEGAN, ADELE] },
    parts: ['free/busy', 'Megan', 'Adele', 'tomorrow'],
  },
  {
    request: "how does Lynne's calendar look on Friday?",
    actions: ['calendar.getSchedules'],
    slots: { 'calendar.getSchedules.people': [LYNNE] },
    parts: ["Lynne's calendar", 'Friday'],
  },
]);
