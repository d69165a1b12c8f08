import { corpusFile } from '../build';
import { ADELE, ISAIAH, LYNNE, MEGAN, PATTI } from '../slots';

const READ = ['files.search', 'files.readText'];
const SHARE = ['files.search', 'files.share'];
const QUERY = 'files.search.query';

/** OneDrive: finding, reading, listing and sharing files. */
export default corpusFile('files', [
  {
    request: "What's in the spring launch brief",
    actions: READ,
    slots: { [QUERY]: 'spring launch brief' },
    parts: ['spring launch brief'],
  },
  {
    request: 'can you read the travel and expense policy and tell me what it says',
    actions: READ,
    slots: { [QUERY]: 'travel' },
    parts: ['read', 'travel and expense policy'],
  },
  {
    request: 'open the Q3 planning workbook',
    actions: READ,
    slots: { [QUERY]: 'Q3 planning' },
    parts: ['open', 'Q3 planning workbook'],
  },
  {
    request: 'What does the Contoso proposal draft say?',
    actions: READ,
    slots: { [QUERY]: 'Contoso proposal' },
    parts: ['Contoso proposal draft'],
  },
  {
    request: 'show me whats in my meeting notes file',
    actions: READ,
    slots: { [QUERY]: 'meeting notes' },
    parts: ['meeting notes file'],
  },
  {
    request: 'Read me the launch checklist pls',
    actions: READ,
    slots: { [QUERY]: 'launch checklist' },
    parts: ['Read', 'launch checklist'],
  },
  {
    request: "what's the total in the team budget spreadsheet",
    actions: READ,
    slots: { [QUERY]: 'team budget' },
    parts: ['total', 'team budget spreadsheet'],
  },
  {
    request: 'Share the Q3 planning workbook with Megan',
    actions: SHARE,
    slots: { [QUERY]: 'Q3 planning', 'files.share.recipients': [MEGAN] },
    parts: ['Share', 'Q3 planning workbook', 'Megan'],
  },
  {
    request: 'share the spring launch brief with adele and lynne so they can edit it',
    actions: SHARE,
    slots: { [QUERY]: 'spring launch brief', 'files.share.recipients': [ADELE, LYNNE], 'files.share.type': 'edit' },
    parts: ['share', 'spring launch brief', 'adele', 'lynne', 'edit'],
  },
  {
    request: 'Give Patti view access to the Contoso proposal draft',
    actions: SHARE,
    slots: { [QUERY]: 'Contoso proposal', 'files.share.recipients': [PATTI], 'files.share.type': 'view' },
    parts: ['Give Patti', 'view access', 'Contoso proposal draft'],
  },
  {
    request: 'send isaiah a link to the team budget',
    actions: SHARE,
    slots: { [QUERY]: 'team budget', 'files.share.recipients': [ISAIAH] },
    parts: ['send isaiah a link', 'team budget'],
  },
  {
    request: 'Can you make a link to the launch checklist that anyone in the company can open?',
    actions: SHARE,
    slots: { [QUERY]: 'launch checklist', 'files.share.scope': 'organization' },
    parts: ['link', 'launch checklist', 'anyone in the company'],
  },
  {
    request: 'Let Megan edit the launch checklist',
    actions: SHARE,
    slots: { [QUERY]: 'launch checklist', 'files.share.recipients': [MEGAN], 'files.share.type': 'edit' },
    parts: ['Let Megan edit', 'launch checklist'],
  },
  {
    request: 'Find the travel policy',
    actions: ['files.search'],
    slots: { [QUERY]: 'travel' },
    parts: ['Find', 'travel policy'],
  },
  {
    request: 'where is the contoso proposal doc?',
    actions: ['files.search'],
    slots: { [QUERY]: 'contoso proposal' },
    parts: ['where', 'contoso proposal doc'],
  },
  {
    request: 'look for spreadsheets about the budget in my onedrive',
    actions: ['files.search'],
    slots: { [QUERY]: 'budget' },
    parts: ['look for', 'budget', 'onedrive'],
  },
  {
    request: 'search my files for Fabrikam',
    actions: ['files.search'],
    slots: { [QUERY]: 'Fabrikam' },
    parts: ['search my files', 'Fabrikam'],
  },
  {
    request: 'Show my recent files',
    actions: ['files.listRecent'],
    parts: ['recent files'],
  },
  {
    request: 'what documents have I been working on lately?',
    actions: ['files.listRecent'],
    parts: ['documents', 'lately'],
  },
  {
    request: 'list the last 5 files i opened',
    actions: ['files.listRecent'],
    slots: { 'files.listRecent.top': 5 },
    parts: ['last 5 files'],
  },
  {
    request: 'Share the launch checklist with Adele and let her know on Teams',
    actions: [...SHARE, 'teams.sendChatMessage'],
    slots: { [QUERY]: 'launch checklist', 'files.share.recipients': [ADELE], 'teams.sendChatMessage.to': ADELE },
    parts: ['Share', 'launch checklist', 'Adele', 'let her know on Teams'],
  },
  {
    request: 'find the Q3 planning workbook and share it with Lynne',
    actions: SHARE,
    slots: { [QUERY]: 'Q3 planning', 'files.share.recipients': [LYNNE] },
    parts: ['find', 'Q3 planning workbook', 'share it with Lynne'],
  },
  {
    request: 'Create a Word document called Launch notes saying: venue booked, caterer confirmed',
    actions: ['files.create'],
    slots: { 'files.create.path': 'Launch notes', 'files.create.content': 'venue booked' },
    parts: ['Create', 'Word document', 'Launch notes', 'venue booked, caterer confirmed'],
  },
  {
    request: 'save a note in onedrive called ideas.txt with "holiday window displays"',
    actions: ['files.create'],
    slots: { 'files.create.path': 'ideas.txt', 'files.create.content': 'holiday window displays' },
    parts: ['save', 'onedrive', 'ideas.txt', 'holiday window displays'],
  },
  {
    request: 'read the spring launch brief and email Megan a summary of it',
    actions: [...READ, 'text.summarise', 'mail.send'],
    slots: { [QUERY]: 'spring launch brief', 'mail.send.to': [MEGAN] },
    parts: ['read', 'spring launch brief', 'email Megan', 'summary'],
  },
]);
