import { corpusFile } from '../build';
import {
  ADELE,
  BOOK_AT,
  FIND_AND_BOOK,
  ISAIAH,
  LYNNE,
  MEETING_NEXT_WEEK,
  meetingAt,
  meetingOn,
  MEGAN,
  PATTI,
} from '../slots';

const ATT = 'calendar.findMeetingTimes.attendees|calendar.createEvent.attendees';
const MINUTES = 'calendar.findMeetingTimes.durationMinutes';
const SUBJECT = 'calendar.createEvent.subject';

/** New meetings: book, schedule, find time, organise, set up; lunches, calls, 1:1s, workshops. */
export default corpusFile('meeting', [
  {
    request: 'Schedule lunch with Adele on Friday at noon',
    actions: BOOK_AT,
    slots: { [ATT]: [ADELE], [SUBJECT]: 'lunch', ...meetingAt('2026-12-04T12:00') },
    parts: ['Schedule', 'lunch', 'Adele', 'Friday', 'noon'],
  },
  {
    request: 'Set up a 30 minute meeting with Megan and Adele next week about the launch',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN, ADELE], [MINUTES]: 30, [SUBJECT]: 'launch', ...MEETING_NEXT_WEEK },
    parts: ['Set up', '30 minute', 'Megan', 'Adele', 'next week', 'launch'],
  },
  {
    request: 'book a 1:1 with megan tomorrow',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN], ...meetingOn('2026-12-03') },
    parts: ['book', '1:1', 'megan', 'tomorrow'],
  },
  {
    request: 'Can you find time for me and Isaiah to talk pipeline next week? 45 mins',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ISAIAH], [MINUTES]: 45, [SUBJECT]: 'pipeline', ...MEETING_NEXT_WEEK },
    parts: ['find time', 'Isaiah', 'pipeline', 'next week', '45 mins'],
  },
  {
    request: 'organise a call with patti on thursday',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [PATTI], ...meetingOn('2026-12-03') },
    parts: ['organise', 'call', 'patti', 'thursday'],
  },
  {
    request: 'Set up an hour-long workshop with Lynne, Adele and Isaiah next week on the Berlin store opening',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [LYNNE, ADELE, ISAIAH], [MINUTES]: 60, [SUBJECT]: 'Berlin store opening', ...MEETING_NEXT_WEEK },
    parts: ['Set up', 'hour-long', 'workshop', 'Lynne', 'Adele', 'Isaiah', 'next week', 'Berlin store opening'],
  },
  {
    request: 'Book a meeting with Megan on Monday at 2pm',
    actions: BOOK_AT,
    slots: { [ATT]: [MEGAN], ...meetingAt('2026-12-07T14:00') },
    parts: ['Book', 'Megan', 'Monday', '2pm'],
  },
  {
    request: 'schedule a quick 15 min catch up with isaiah today',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ISAIAH], [MINUTES]: 15, ...meetingOn('2026-12-02') },
    parts: ['schedule', '15 min', 'catch up', 'isaiah', 'today'],
  },
  {
    request: "I'd like to meet with Patti and Megan next week for an hour to go over the Q3 budget",
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [PATTI, MEGAN], [MINUTES]: 60, [SUBJECT]: 'Q3 budget', ...MEETING_NEXT_WEEK },
    parts: ['meet', 'Patti', 'Megan', 'next week', 'an hour', 'Q3 budget'],
  },
  {
    request: 'Could you set up a call with Lynne tomorrow afternoon about the store rota?',
    actions: FIND_AND_BOOK,
    slots: {
      [ATT]: [LYNNE],
      [SUBJECT]: 'store rota',
      'calendar.findMeetingTimes.windowStart': { $between: ['2026-12-03T12:00', '2026-12-03T14:00'] },
    },
    parts: ['set up', 'call', 'Lynne', 'tomorrow afternoon', 'store rota'],
  },
  {
    request: 'get 30 mins in the diary with adele on wednesday next week',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ADELE], [MINUTES]: 30, ...meetingOn('2026-12-09') },
    parts: ['get', '30 mins', 'diary', 'adele', 'wednesday next week'],
  },
  {
    request: 'Book lunch with Megan and Patti next Tuesday',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN, PATTI], [SUBJECT]: 'lunch', ...meetingOn('2026-12-08') },
    parts: ['Book', 'lunch', 'Megan', 'Patti', 'next Tuesday'],
  },
  {
    request: 'set up a teams call with Isaiah on Friday morning',
    actions: FIND_AND_BOOK,
    slots: {
      [ATT]: [ISAIAH],
      'calendar.createEvent.isOnlineMeeting': true,
      'calendar.findMeetingTimes.windowStart': { $between: ['2026-12-04T00:00', '2026-12-04T10:00'] },
      'calendar.findMeetingTimes.windowEnd': { $between: ['2026-12-04T11:00', '2026-12-04T13:00'] },
    },
    parts: ['set up', 'teams call', 'Isaiah', 'Friday morning'],
  },
  {
    request: 'Invite Adele and Lynne to a 90 minute planning workshop next week',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ADELE, LYNNE], [MINUTES]: 90, [SUBJECT]: 'planning workshop', ...MEETING_NEXT_WEEK },
    parts: ['Invite', 'Adele', 'Lynne', '90 minute', 'planning workshop', 'next week'],
  },
  {
    request: "Put a meeting in with Megan called 'Newsletter retro' for Thursday at 11",
    actions: BOOK_AT,
    slots: { [ATT]: [MEGAN], [SUBJECT]: 'Newsletter retro', ...meetingAt('2026-12-03T11:00') },
    parts: ['meeting', 'Megan', 'Newsletter retro', 'Thursday', '11'],
  },
  {
    request: 'find a slot next week for me, Megan and Isaiah, 1 hour, subject "Pipeline deep dive"',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN, ISAIAH], [MINUTES]: 60, [SUBJECT]: 'Pipeline deep dive', ...MEETING_NEXT_WEEK },
    parts: ['find a slot', 'next week', 'Megan', 'Isaiah', '1 hour', 'Pipeline deep dive'],
  },
  {
    request: 'Please arrange a coffee with Adele tomorrow morning',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ADELE], [SUBJECT]: 'coffee', ...meetingOn('2026-12-03') },
    parts: ['arrange', 'coffee', 'Adele', 'tomorrow morning'],
  },
  {
    request: 'schedule a call with Patti at 4pm today',
    actions: BOOK_AT,
    slots: { [ATT]: [PATTI], ...meetingAt('2026-12-02T16:00') },
    parts: ['schedule', 'call', 'Patti', '4pm today'],
  },
  {
    request: 'Set up a 2 hour workshop with the whole team on Tuesday the 8th',
    actions: FIND_AND_BOOK,
    slots: { [MINUTES]: 120, [SUBJECT]: 'workshop', ...meetingOn('2026-12-08') },
    parts: ['Set up', '2 hour', 'workshop', 'whole team', 'Tuesday the 8th'],
  },
  {
    request: 'book an online meeting w/ lynne and adele monday 10am for 45 minutes',
    actions: BOOK_AT,
    slots: {
      [ATT]: [LYNNE, ADELE],
      'calendar.createEvent.isOnlineMeeting': true,
      ...meetingAt('2026-12-07T10:00'),
    },
    parts: ['book', 'online meeting', 'lynne', 'adele', 'monday 10am', '45 minutes'],
  },
  {
    request: 'can we get megan, adele and patti together next week to review the launch plan',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN, ADELE, PATTI], [SUBJECT]: 'launch plan', ...MEETING_NEXT_WEEK },
    parts: ['get', 'megan', 'adele', 'patti', 'together', 'next week', 'review the launch plan'],
  },
  {
    request: 'Schedule my 1:1 with Isaiah for Friday afternoon, 30 minutes',
    actions: FIND_AND_BOOK,
    slots: {
      [ATT]: [ISAIAH],
      [MINUTES]: 30,
      'calendar.findMeetingTimes.windowStart': { $between: ['2026-12-04T12:00', '2026-12-04T14:00'] },
    },
    parts: ['Schedule', '1:1', 'Isaiah', 'Friday afternoon', '30 minutes'],
  },
  {
    request: 'Set up a meeting with Megan',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN] },
    parts: ['Set up', 'meeting', 'Megan'],
  },
  {
    request: 'Book a lunch with Isaiah on Thursday at 12:30',
    actions: BOOK_AT,
    slots: { [ATT]: [ISAIAH], [SUBJECT]: 'lunch', ...meetingAt('2026-12-03T12:30') },
    parts: ['Book', 'lunch', 'Isaiah', 'Thursday', '12:30'],
  },
  {
    request: 'organize a brainstorm with adele and megan about the holiday campaign sometime next week',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ADELE, MEGAN], [SUBJECT]: 'holiday campaign', ...MEETING_NEXT_WEEK },
    parts: ['organize', 'brainstorm', 'adele', 'megan', 'holiday campaign', 'next week'],
  },
  {
    request: 'find 20 minutes with Patti before Friday',
    actions: FIND_AND_BOOK,
    slots: {
      [ATT]: [PATTI],
      [MINUTES]: 20,
      'calendar.findMeetingTimes.windowEnd': { $between: ['2026-12-03T12:00', '2026-12-04T00:00'] },
    },
    parts: ['find', '20 minutes', 'Patti', 'before Friday'],
  },
  {
    request: 'Schedule a call with Megan and Isaiah in the next two weeks',
    actions: FIND_AND_BOOK,
    slots: {
      [ATT]: [MEGAN, ISAIAH],
      'calendar.findMeetingTimes.windowEnd': { $between: ['2026-12-11T00:00', '2026-12-17T00:00'] },
    },
    parts: ['Schedule', 'call', 'Megan', 'Isaiah', 'next two weeks'],
  },
  {
    request: 'set up a meeting tomorrow at 3 with lynne to go through the Q3 forecast',
    actions: BOOK_AT,
    slots: { [ATT]: [LYNNE], [SUBJECT]: 'Q3 forecast', ...meetingAt('2026-12-03T15:00') },
    parts: ['set up', 'meeting', 'tomorrow at 3', 'lynne', 'Q3 forecast'],
  },
  {
    request: 'Book an in-person meeting with Adele on Friday at 9:30 for an hour',
    actions: BOOK_AT,
    slots: { [ATT]: [ADELE], ...meetingAt('2026-12-04T09:30') },
    parts: ['Book', 'in-person', 'Adele', 'Friday at 9:30', 'an hour'],
  },
  {
    request: 'Grab 30 min with Megan sometime this week to prep the newsletter',
    actions: FIND_AND_BOOK,
    slots: {
      [ATT]: [MEGAN],
      [MINUTES]: 30,
      [SUBJECT]: 'newsletter',
      'calendar.findMeetingTimes.windowEnd': { $between: ['2026-12-04T12:00', '2026-12-07T00:00'] },
    },
    parts: ['Grab', '30 min', 'Megan', 'this week', 'prep the newsletter'],
  },
  {
    request: 'please set up a kickoff with isaiah and patti for the east coast push next week, 1hr',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ISAIAH, PATTI], [MINUTES]: 60, [SUBJECT]: 'kickoff', ...MEETING_NEXT_WEEK },
    parts: ['set up', 'kickoff', 'isaiah', 'patti', 'east coast push', 'next week', '1hr'],
  },
  {
    request: 'I need a 1-1 with Lynne on Monday',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [LYNNE], ...meetingOn('2026-12-07') },
    parts: ['1-1', 'Lynne', 'Monday'],
  },
  {
    request: 'Schedule a meeting with Megan Bowen next Wednesday from 2 to 3pm: Website copy sign-off',
    actions: BOOK_AT,
    slots: {
      [ATT]: [MEGAN],
      [SUBJECT]: 'Website copy sign-off',
      ...meetingAt('2026-12-09T14:00'),
    },
    parts: ['Schedule', 'Megan Bowen', 'next Wednesday', '2 to 3pm', 'Website copy sign-off'],
  },
  {
    request: 'Book a one hour review with Patti this Friday about the board deck',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [PATTI], [MINUTES]: 60, [SUBJECT]: 'board deck', ...meetingOn('2026-12-04') },
    parts: ['Book', 'one hour', 'review', 'Patti', 'this Friday', 'board deck'],
  },
  {
    request: 'set up time w adele n lynne tmrw for the rota',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ADELE, LYNNE], [SUBJECT]: 'rota', ...meetingOn('2026-12-03') },
    parts: ['set up time', 'adele', 'lynne', 'tmrw', 'rota'],
  },
  {
    request: 'Could you please schedule a 45-minute call with Isaiah and Megan on 10 December?',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [ISAIAH, MEGAN], [MINUTES]: 45, ...meetingOn('2026-12-10') },
    parts: ['schedule', '45-minute', 'call', 'Isaiah', 'Megan', '10 December'],
  },
  {
    request: 'Lunch with Lynne on Tuesday 8 Dec at 1pm please',
    actions: BOOK_AT,
    slots: { [ATT]: [LYNNE], [SUBJECT]: 'lunch', ...meetingAt('2026-12-08T13:00') },
    parts: ['Lunch', 'Lynne', 'Tuesday 8 Dec', '1pm'],
  },
  {
    request: 'book a quick sync with Megan after lunch tomorrow',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [MEGAN], [SUBJECT]: 'sync', ...meetingOn('2026-12-03') },
    parts: ['book', 'quick sync', 'Megan', 'after lunch tomorrow'],
  },
  {
    request: 'Set up a Teams meeting with Patti next week to discuss the Contoso renewal',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [PATTI], 'calendar.createEvent.isOnlineMeeting': true, [SUBJECT]: 'renewal', ...MEETING_NEXT_WEEK },
    parts: ['Set up', 'Teams meeting', 'Patti', 'next week', 'Contoso renewal'],
  },
  {
    request: 'pencil in a call with patti on the 9th',
    actions: FIND_AND_BOOK,
    slots: { [ATT]: [PATTI], ...meetingOn('2026-12-09') },
    parts: ['pencil in', 'call', 'patti', 'the 9th'],
  },
]);
