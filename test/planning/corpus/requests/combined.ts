import { corpusFile } from '../build';
import {
  ADELE,
  FIND_AND_BOOK,
  ISAIAH,
  LYNNE,
  MEETING_NEXT_WEEK,
  meetingOn,
  MEGAN,
  PATTI,
  SUMMARISE_MAIL,
  THIS_WEEK_MAIL,
} from '../slots';

const ATT = 'calendar.findMeetingTimes.attendees|calendar.createEvent.attendees';

/** Several requests in one message, with references between them (it, her, them, the summary). */
export default corpusFile('combined', [
  {
    request: "Summarise this week's Contoso mail, email it to Megan, and set up 30 minutes with her next week",
    actions: [...SUMMARISE_MAIL, 'mail.send', ...FIND_AND_BOOK],
    slots: {
      'mail.search.from': 'contoso',
      ...THIS_WEEK_MAIL,
      'mail.send.to': [MEGAN],
      [ATT]: [MEGAN],
      'calendar.findMeetingTimes.durationMinutes': 30,
      ...MEETING_NEXT_WEEK,
    },
    parts: ['Summarise', "this week's", 'Contoso', 'email it to Megan', '30 minutes', 'her', 'next week'],
  },
  {
    request: 'summarise my unread contoso emails and book a call with patti tomorrow to go through them',
    actions: [...SUMMARISE_MAIL, ...FIND_AND_BOOK],
    slots: { 'mail.search.from': 'contoso', 'mail.search.unread': true, [ATT]: [PATTI], ...meetingOn('2026-12-03') },
    parts: ['summarise', 'unread', 'contoso', 'book a call', 'patti', 'tomorrow'],
  },
  {
    request: 'Set up a call with Patti and Lynne tomorrow, then send them a summary of my unread mail',
    actions: [...FIND_AND_BOOK, ...SUMMARISE_MAIL, 'mail.send'],
    slots: {
      [ATT]: [PATTI, LYNNE],
      ...meetingOn('2026-12-03'),
      'mail.search.unread': true,
      'mail.send.to': [PATTI, LYNNE],
    },
    parts: ['Set up a call', 'Patti', 'Lynne', 'tomorrow', 'send them', 'summary', 'unread'],
  },
  {
    request: "Forward Dana's latest email to Megan and set up 30 mins with her on Friday to discuss it",
    actions: ['mail.search', 'mail.read?', 'mail.forward', ...FIND_AND_BOOK],
    slots: {
      'mail.search.from': 'dana',
      'mail.forward.to': [MEGAN],
      [ATT]: [MEGAN],
      'calendar.findMeetingTimes.durationMinutes': 30,
      ...meetingOn('2026-12-04'),
    },
    parts: ['Forward', "Dana's latest email", 'Megan', '30 mins', 'her', 'Friday'],
  },
  {
    request: "reply to Raj saying we'll confirm SSO details by Friday and flag his email",
    actions: ['mail.search', 'mail.read?', 'mail.reply', 'mail.update'],
    slots: { 'mail.search.from': 'raj', 'mail.reply.comment': 'SSO', 'mail.update.flag': 'flagged' },
    parts: ['reply', 'Raj', "we'll confirm SSO details by Friday", 'flag his email'],
  },
  {
    request: 'Post a summary of the unread Fabrikam mail to General and ping Adele about it on Teams',
    actions: [...SUMMARISE_MAIL, 'teams.postChannelMessage', 'teams.sendChatMessage'],
    slots: {
      'mail.search.from': 'fabrikam',
      'mail.search.unread': true,
      'teams.postChannelMessage.channelName': 'General',
      'teams.sendChatMessage.to': ADELE,
    },
    parts: ['Post', 'summary', 'unread', 'Fabrikam', 'General', 'ping Adele', 'Teams'],
  },
  {
    request: 'Share the Q3 planning workbook with Lynne and book an hour with her next week to go through it',
    actions: ['files.search', 'files.share', ...FIND_AND_BOOK],
    slots: {
      'files.search.query': 'Q3 planning',
      'files.share.recipients': [LYNNE],
      [ATT]: [LYNNE],
      'calendar.findMeetingTimes.durationMinutes': 60,
      ...MEETING_NEXT_WEEK,
    },
    parts: ['Share', 'Q3 planning workbook', 'Lynne', 'book an hour', 'her', 'next week'],
  },
  {
    request: 'Accept the retro invite and tell Megan on Teams I will bring the numbers',
    actions: ['calendar.listEvents', 'calendar.respond', 'teams.sendChatMessage'],
    slots: {
      'calendar.respond.response': 'accept',
      'teams.sendChatMessage.to': MEGAN,
      'teams.sendChatMessage.text': 'numbers',
    },
    parts: ['Accept', 'retro invite', 'tell Megan', 'Teams', 'I will bring the numbers'],
  },
  {
    request: 'cancel the social media calendar sync and let isaiah and lynne know by email',
    actions: ['calendar.listEvents', 'calendar.cancelEvent', 'mail.send'],
    slots: { 'calendar.listEvents.subjectContains': 'social media calendar sync', 'mail.send.to': [ISAIAH, LYNNE] },
    parts: ['cancel', 'social media calendar sync', 'isaiah', 'lynne', 'email'],
  },
  {
    request: "Add 'Prepare pricing FAQ' to the Spring launch plan for Isaiah and email him about it",
    actions: ['planner.createTask', 'mail.send'],
    slots: {
      'planner.createTask.title': 'Prepare pricing FAQ',
      'planner.createTask.assignees': [ISAIAH],
      'mail.send.to': [ISAIAH],
    },
    parts: ['Add', 'Prepare pricing FAQ', 'Spring launch plan', 'Isaiah', 'email him'],
  },
  {
    request: 'find the fabrikam invoice email, forward it to lynne and move it to the archive',
    actions: ['mail.search', 'mail.read?', 'mail.forward', 'mail.move'],
    slots: { 'mail.forward.to': [LYNNE], 'mail.move.folder': 'Archive' },
    parts: ['find', 'fabrikam invoice email', 'forward it to lynne', 'move it to the archive'],
  },
  {
    request: "Summarise this week's Fabrikam mail and save it as a Word doc, then share it with Adele",
    actions: [...SUMMARISE_MAIL, 'files.create', 'files.share'],
    slots: {
      'mail.search.from': 'fabrikam',
      ...THIS_WEEK_MAIL,
      'files.create.path': '.docx',
      'files.share.recipients': [ADELE],
    },
    parts: ['Summarise', "this week's", 'Fabrikam', 'Word doc', 'share it with Adele'],
  },
  {
    request: 'Book a 1:1 with Isaiah on Monday and add a to do to prep the pipeline numbers',
    actions: [...FIND_AND_BOOK, 'todo.createTask'],
    slots: { [ATT]: [ISAIAH], ...meetingOn('2026-12-07'), 'todo.createTask.title': 'pipeline numbers' },
    parts: ['Book', '1:1', 'Isaiah', 'Monday', 'add a to do', 'prep the pipeline numbers'],
  },
  {
    request: "who is Lynne's manager? email them a recap of Lynne's mail this week",
    actions: ['people.manager', ...SUMMARISE_MAIL, 'mail.send'],
    slots: { 'people.manager.person': LYNNE, 'mail.search.from': 'lynne', ...THIS_WEEK_MAIL },
    parts: ["Lynne's manager", 'email them', 'recap', "Lynne's mail", 'this week'],
  },
  {
    request: "Reply to Megan's latest email saying yes and set up a 30 min meeting with her tomorrow",
    actions: ['mail.search', 'mail.read?', 'mail.reply', ...FIND_AND_BOOK],
    slots: {
      'mail.search.from': 'megan',
      'mail.reply.comment': 'yes',
      [ATT]: [MEGAN],
      'calendar.findMeetingTimes.durationMinutes': 30,
      ...meetingOn('2026-12-03'),
    },
    parts: ['Reply', "Megan's latest email", 'yes', '30 min meeting', 'her', 'tomorrow'],
  },
  {
    request: 'email Patti a summary of my unread mail and post the same summary in Announcements',
    actions: [...SUMMARISE_MAIL, 'mail.send', 'teams.postChannelMessage'],
    slots: {
      'mail.search.unread': true,
      'mail.send.to': [PATTI],
      'teams.postChannelMessage.channelName': 'Announcements',
    },
    parts: ['email Patti', 'summary', 'unread', 'post', 'Announcements'],
  },
  {
    request: 'Check if Megan is free and if so message her on Teams that the deck is ready',
    // A plan's steps all run once approved: the message would go whether or not she is free.
    actions: [],
    asks: ['free'],
    parts: ['Check if Megan is free', 'message her', 'Teams', 'the deck is ready'],
  },
  {
    request: 'Summarise my unread Contoso emails, then email it to Megan',
    actions: [...SUMMARISE_MAIL, 'mail.send'],
    slots: { 'mail.search.from': 'contoso', 'mail.search.unread': true, 'mail.send.to': [MEGAN] },
    parts: ['Summarise', 'unread', 'Contoso', 'email it to Megan'],
  },
  {
    request:
      'set up a meeting with adele and lynne next week about the berlin opening and share the launch checklist with them',
    actions: [...FIND_AND_BOOK, 'files.search', 'files.share'],
    slots: { [ATT]: [ADELE, LYNNE], ...MEETING_NEXT_WEEK, 'files.share.recipients': [ADELE, LYNNE] },
    parts: ['set up a meeting', 'adele', 'lynne', 'next week', 'berlin opening', 'share the launch checklist', 'them'],
  },
  {
    request: 'Read the travel policy and tell Isaiah on Teams what it says about hotels',
    actions: ['files.search', 'files.readText', 'teams.sendChatMessage'],
    slots: { 'files.search.query': 'travel', 'teams.sendChatMessage.to': ISAIAH },
    parts: ['Read', 'travel policy', 'tell Isaiah', 'Teams', 'hotels'],
  },
  {
    request: 'decline the Q3 budget review and book 30 minutes with Lynne on Thursday instead',
    actions: ['calendar.listEvents', 'calendar.respond', ...FIND_AND_BOOK],
    slots: {
      'calendar.respond.response': 'decline',
      [ATT]: [LYNNE],
      'calendar.findMeetingTimes.durationMinutes': 30,
      ...meetingOn('2026-12-03'),
    },
    parts: ['decline', 'Q3 budget review', 'book 30 minutes', 'Lynne', 'Thursday'],
  },
]);
