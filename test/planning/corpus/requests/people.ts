import { corpusFile } from '../build';
import { ADELE, ALEX, ISAIAH, LYNNE, MEGAN, PATTI } from '../slots';

/** The directory: managers, reports, presence, working hours and out-of-office, and finding people. */
export default corpusFile('people', [
  {
    request: "who is Megan's manager?",
    actions: ['people.manager'],
    slots: { 'people.manager.person': MEGAN },
    parts: ['manager', 'Megan'],
  },
  {
    request: 'who does lynne report to',
    actions: ['people.manager'],
    slots: { 'people.manager.person': LYNNE },
    parts: ['report to', 'lynne'],
  },
  { request: "Who's my boss?", actions: ['people.manager'], slots: { 'people.manager.person': ALEX }, parts: ['boss'] },
  {
    request: "who is adele vance's line manager",
    actions: ['people.manager'],
    slots: { 'people.manager.person': ADELE },
    parts: ['line manager', 'adele vance'],
  },
  {
    request: 'Who manages Isaiah?',
    actions: ['people.manager'],
    slots: { 'people.manager.person': ISAIAH },
    parts: ['manages', 'Isaiah'],
  },
  {
    request: 'Who reports to Patti?',
    actions: ['people.directReports'],
    slots: { 'people.directReports.person': PATTI },
    parts: ['reports to', 'Patti'],
  },
  {
    request: "who's on adele's team",
    actions: ['people.directReports'],
    slots: { 'people.directReports.person': ADELE },
    parts: ["adele's team"],
  },
  {
    request: "list Megan Bowen's direct reports",
    actions: ['people.directReports'],
    slots: { 'people.directReports.person': MEGAN },
    parts: ['direct reports', 'Megan Bowen'],
  },
  {
    request: 'who works for patti fernandez?',
    actions: ['people.directReports'],
    slots: { 'people.directReports.person': PATTI },
    parts: ['works for', 'patti fernandez'],
  },
  {
    request: 'Is Megan available?',
    actions: ['people.presence'],
    slots: { 'people.presence.people': [MEGAN] },
    parts: ['available', 'Megan'],
  },
  {
    request: 'is isaiah online right now',
    actions: ['people.presence'],
    slots: { 'people.presence.people': [ISAIAH] },
    parts: ['online', 'isaiah'],
  },
  {
    request: 'Are Adele and Lynne free to chat?',
    actions: ['people.presence'],
    slots: { 'people.presence.people': [ADELE, LYNNE] },
    parts: ['free to chat', 'Adele', 'Lynne'],
  },
  {
    request: "what's patti's status on teams",
    actions: ['people.presence'],
    slots: { 'people.presence.people': [PATTI] },
    parts: ['status', "patti's", 'teams'],
  },
  {
    request: 'is lynne busy?',
    actions: ['people.presence'],
    slots: { 'people.presence.people': [LYNNE] },
    parts: ['busy', 'lynne'],
  },
  {
    request: "What are Megan's working hours",
    actions: ['people.mailboxSettings'],
    slots: { 'people.mailboxSettings.person': MEGAN },
    parts: ['working hours', 'Megan'],
  },
  {
    request: 'what time zone is Lynne in?',
    actions: ['people.mailboxSettings'],
    slots: { 'people.mailboxSettings.person': LYNNE },
    parts: ['time zone', 'Lynne'],
  },
  {
    request: 'Is Megan out of office next week?',
    actions: ['people.mailboxSettings'],
    slots: { 'people.mailboxSettings.person': MEGAN },
    parts: ['out of office', 'Megan', 'next week'],
  },
  {
    request: 'when does isaiah start work',
    actions: ['people.mailboxSettings'],
    slots: { 'people.mailboxSettings.person': ISAIAH },
    parts: ['start work', 'isaiah'],
  },
  {
    request: 'is adele on holiday? check her auto reply',
    actions: ['people.mailboxSettings'],
    slots: { 'people.mailboxSettings.person': ADELE },
    parts: ['on holiday', 'auto reply', 'adele'],
  },
  {
    request: "Find Lynne's email address",
    actions: ['people.resolve'],
    slots: { 'people.resolve.query': 'Lynne' },
    parts: ['email address', 'Lynne'],
  },
  {
    request: 'whats isaiahs email',
    actions: ['people.resolve'],
    slots: { 'people.resolve.query': 'isaiah' },
    parts: ['email', 'isaiahs'],
  },
  {
    request: 'look up Patti Fernandez in the directory',
    actions: ['people.resolve'],
    slots: { 'people.resolve.query': 'Patti' },
    parts: ['look up', 'Patti Fernandez', 'directory'],
  },
  {
    request: "What's Adele's job title?",
    actions: ['people.resolve'],
    slots: { 'people.resolve.query': 'Adele' },
    parts: ['job title', "Adele's"],
  },
  {
    request: 'who is megan bowen',
    actions: ['people.resolve'],
    slots: { 'people.resolve.query': 'megan' },
    parts: ['who is', 'megan bowen'],
  },
  {
    request: "Who's the manager of Alex's manager?",
    actions: ['people.manager', 'people.manager'],
    slots: { 'people.manager.person': ALEX },
    parts: ['manager', "Alex's manager"],
  },
  {
    request: 'Is my manager in today?',
    actions: ['people.manager', 'people.presence'],
    slots: { 'people.manager.person': ALEX },
    parts: ['my manager', 'in today'],
  },
]);
