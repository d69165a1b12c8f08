import { corpusFile } from '../build';
import { ADELE, ISAIAH, LAST_WEEK_MAIL, LYNNE, MEGAN, PATTI, THIS_WEEK_MAIL } from '../slots';

const REPLY = ['mail.search', 'mail.read?', 'mail.reply'];
const FORWARD = ['mail.search', 'mail.read?', 'mail.forward'];
const UPDATE = ['mail.search', 'mail.update'];
const MOVE = ['mail.search', 'mail.move'];
const READ = ['mail.search', 'mail.read'];
const THREAD = ['mail.search', 'mail.summariseThread'];

/** Finding mail and acting on it: reply, forward, flag, mark, move, read; and plain new mail. */
export default corpusFile('mail', [
  {
    request: "Reply to Patti's latest mail saying thanks and cc Megan",
    actions: REPLY,
    slots: {
      'mail.search.from': 'patti',
      'mail.search.top': 1,
      'mail.reply.comment': 'thanks',
      'mail.reply.cc': [MEGAN],
    },
    parts: ['Reply', "Patti's latest mail", 'thanks', 'cc Megan'],
  },
  {
    request: 'reply to dana and tell her we can do the volume tier from the start',
    actions: REPLY,
    slots: { 'mail.search.from': 'dana', 'mail.reply.comment': 'volume tier' },
    parts: ['reply', 'dana', 'we can do the volume tier from the start'],
  },
  {
    request: "Answer Raj's last email: yes, we support SAML",
    actions: REPLY,
    slots: { 'mail.search.from': 'raj', 'mail.search.top': 1, 'mail.reply.comment': 'we support SAML' },
    parts: ['Answer', "Raj's last email", 'yes, we support SAML'],
  },
  {
    request: 'Can you reply all to the latest mail from Patti saying count me in',
    actions: REPLY,
    slots: {
      'mail.search.from': 'patti',
      'mail.search.top': 1,
      'mail.reply.replyAll': true,
      'mail.reply.comment': 'count me in',
    },
    parts: ['reply all', 'latest mail from Patti', 'count me in'],
  },
  {
    request: "respond to tom becker's email saying the new delivery date works for us",
    actions: REPLY,
    slots: { 'mail.search.from': 'tom', 'mail.reply.comment': 'delivery date works' },
    parts: ['respond', "tom becker's email", 'the new delivery date works for us'],
  },
  {
    request: "Reply to Sofia's mail about the MSA redlines: I'll get legal to look at it this week",
    actions: REPLY,
    slots: {
      'mail.search.from': 'sofia',
      'mail.search.subject|mail.search.query': 'MSA',
      'mail.reply.comment': 'legal',
    },
    parts: ['Reply', 'Sofia', 'MSA redlines', "I'll get legal to look at it this week"],
  },
  {
    request: 'reply to megans email about the campaign brief saying sounds good, lets review thursday',
    actions: REPLY,
    slots: {
      'mail.search.from': 'megan',
      'mail.search.subject|mail.search.query': 'campaign brief',
      'mail.reply.comment': 'sounds good',
    },
    parts: ['reply', 'megans email', 'campaign brief', 'sounds good, lets review thursday'],
  },
  {
    request: 'Send a reply to Lena: the invoice has been paid.',
    actions: REPLY,
    slots: { 'mail.search.from': 'lena', 'mail.reply.comment': 'invoice has been paid' },
    parts: ['reply', 'Lena', 'the invoice has been paid'],
  },
  {
    request: "reply to isaiah's latest saying great news and cc patti",
    actions: REPLY,
    slots: {
      'mail.search.from': 'isaiah',
      'mail.search.top': 1,
      'mail.reply.comment': 'great news',
      'mail.reply.cc': [PATTI],
    },
    parts: ['reply', "isaiah's latest", 'great news', 'cc patti'],
  },
  {
    request: 'Forward the latest mail from Contoso to Megan',
    actions: FORWARD,
    slots: { 'mail.search.from': 'contoso', 'mail.search.top': 1, 'mail.forward.to': [MEGAN] },
    parts: ['Forward', 'latest mail from Contoso', 'Megan'],
  },
  {
    request: "fwd dana's last email to adele",
    actions: FORWARD,
    slots: { 'mail.search.from': 'dana', 'mail.search.top': 1, 'mail.forward.to': [ADELE] },
    parts: ['fwd', "dana's last email", 'adele'],
  },
  {
    request: 'Please forward the Fabrikam invoice email to Lynne with a note saying can you check this',
    actions: FORWARD,
    slots: {
      'mail.search.from|mail.search.subject|mail.search.query': 'fabrikam',
      'mail.forward.to': [LYNNE],
      'mail.forward.comment': 'can you check this',
    },
    parts: ['forward', 'Fabrikam invoice email', 'Lynne', 'can you check this'],
  },
  {
    request: "Pass Raj's SSO questions email on to Isaiah",
    actions: FORWARD,
    slots: { 'mail.search.from': 'raj', 'mail.search.subject|mail.search.query': 'SSO', 'mail.forward.to': [ISAIAH] },
    parts: ['Pass', 'on to Isaiah', "Raj's", 'SSO questions'],
  },
  {
    request: 'forward the most recent email from tom to patti and megan',
    actions: FORWARD,
    slots: { 'mail.search.from': 'tom', 'mail.search.top': 1, 'mail.forward.to': [PATTI, MEGAN] },
    parts: ['forward', 'most recent email from tom', 'patti', 'megan'],
  },
  {
    request: 'Send the latest Fabrikam Orders email on to Adele, cc Lynne',
    actions: FORWARD,
    slots: {
      'mail.search.from': 'fabrikam',
      'mail.search.top': 1,
      'mail.forward.to': [ADELE],
      'mail.forward.cc': [LYNNE],
    },
    parts: ['Send', 'on to Adele', 'latest Fabrikam Orders email', 'cc Lynne'],
  },
  {
    request: "Can you forward Sofia's email with the redlines to Patti? Say FYI",
    actions: FORWARD,
    slots: { 'mail.search.from': 'sofia', 'mail.forward.to': [PATTI], 'mail.forward.comment': 'FYI' },
    parts: ['forward', "Sofia's email", 'redlines', 'Patti', 'FYI'],
  },
  {
    request: 'Flag the latest mail from Tom',
    actions: UPDATE,
    slots: { 'mail.search.from': 'tom', 'mail.search.top': 1, 'mail.update.flag': 'flagged' },
    parts: ['Flag', 'latest mail from Tom'],
  },
  {
    request: 'flag all the unread emails from contoso for follow up',
    actions: UPDATE,
    slots: { 'mail.search.from': 'contoso', 'mail.search.unread': true, 'mail.update.flag': 'flagged' },
    parts: ['flag', 'unread', 'contoso', 'follow up'],
  },
  {
    request: "Mark Dana's emails from this week as read",
    actions: UPDATE,
    slots: { 'mail.search.from': 'dana', ...THIS_WEEK_MAIL, 'mail.update.isRead': true },
    parts: ['Mark', 'read', "Dana's emails", 'this week'],
  },
  {
    request: 'mark all the Fabrikam Orders mail as read pls',
    actions: UPDATE,
    slots: { 'mail.search.from': 'fabrikam', 'mail.update.isRead': true },
    parts: ['mark', 'read', 'Fabrikam Orders'],
  },
  {
    request: "Mark Raj's latest email as unread so I remember it",
    actions: UPDATE,
    slots: { 'mail.search.from': 'raj', 'mail.search.top': 1, 'mail.update.isRead': false },
    parts: ['Mark', 'unread', "Raj's latest email"],
  },
  {
    request: 'Unflag the emails from Lena',
    actions: UPDATE,
    slots: { 'mail.search.from': 'lena', 'mail.update.flag': 'notFlagged' },
    parts: ['Unflag', 'Lena'],
  },
  {
    request: 'mark the flagged mail from Tom as complete',
    actions: UPDATE,
    slots: { 'mail.search.from': 'tom', 'mail.update.flag': 'complete' },
    parts: ['mark', 'complete', 'Tom'],
  },
  {
    request: 'Move the mail from Fabrikam Orders to Archive',
    actions: MOVE,
    slots: { 'mail.search.from': 'fabrikam', 'mail.move.folder': 'Archive' },
    parts: ['Move', 'Fabrikam Orders', 'Archive'],
  },
  {
    request: 'archive all the emails from fabrikam orders',
    actions: MOVE,
    slots: { 'mail.search.from': 'fabrikam', 'mail.move.folder': 'Archive' },
    parts: ['archive', 'fabrikam orders'],
  },
  {
    request: "Can you file last week's Litware emails into the Archive folder",
    actions: MOVE,
    slots: { 'mail.search.from': 'litware', ...LAST_WEEK_MAIL, 'mail.move.folder': 'Archive' },
    parts: ['file', "last week's", 'Litware', 'Archive folder'],
  },
  {
    request: 'Delete the emails from Priya',
    actions: MOVE,
    slots: { 'mail.search.from': 'priya', 'mail.move.folder': 'Deleted' },
    parts: ['Delete', 'Priya'],
  },
  {
    request: "move carlos's emails to junk",
    actions: MOVE,
    slots: { 'mail.search.from': 'carlos', 'mail.move.folder': 'Junk' },
    parts: ['move', "carlos's emails", 'junk'],
  },
  {
    request: 'Read me the latest mail from Dana',
    actions: READ,
    slots: { 'mail.search.from': 'dana', 'mail.search.top': 1 },
    parts: ['Read', 'latest mail from Dana'],
  },
  {
    request: 'what did raj say in his last email?',
    actions: READ,
    slots: { 'mail.search.from': 'raj', 'mail.search.top': 1 },
    parts: ['raj', 'last email'],
  },
  {
    request: 'Open the most recent email from Lena Okafor',
    actions: READ,
    slots: { 'mail.search.from': 'lena', 'mail.search.top': 1 },
    parts: ['Open', 'most recent email from Lena Okafor'],
  },
  {
    request: "show me Sofia's email about the MSA amendment",
    actions: READ,
    slots: { 'mail.search.from': 'sofia', 'mail.search.subject|mail.search.query': 'MSA' },
    parts: ['show', 'Sofia', 'MSA amendment'],
  },
  {
    request: 'Summarise the Contoso renewal thread',
    actions: THREAD,
    slots: { 'mail.search.subject|mail.search.query': 'renewal' },
    parts: ['Summarise', 'Contoso renewal thread'],
  },
  {
    request: 'can you recap the whole email conversation with Dana about pricing',
    actions: THREAD,
    slots: { 'mail.search.from': 'dana', 'mail.search.subject|mail.search.query': 'pricing' },
    parts: ['recap', 'whole email conversation', 'Dana', 'pricing'],
  },
  {
    request: 'sum up the thread about the spring launch campaign brief',
    actions: THREAD,
    slots: { 'mail.search.subject|mail.search.query': 'brief' },
    parts: ['sum up', 'thread', 'spring launch campaign brief'],
  },
  {
    request: 'Email Megan to say the deck is ready',
    actions: ['mail.send'],
    slots: { 'mail.send.to': [MEGAN], 'mail.send.body': 'the deck is ready' },
    parts: ['Email Megan', 'the deck is ready'],
  },
  {
    request: 'send an email to adele and lynne: store photos are in the shared folder',
    actions: ['mail.send'],
    slots: { 'mail.send.to': [ADELE, LYNNE], 'mail.send.body': 'store photos are in the shared folder' },
    parts: ['send an email', 'adele', 'lynne', 'store photos are in the shared folder'],
  },
  {
    request: 'Drop Patti a line saying the Contoso renewal is signed',
    actions: ['mail.send'],
    slots: { 'mail.send.to': [PATTI], 'mail.send.body': 'Contoso renewal is signed' },
    parts: ['Drop Patti a line', 'the Contoso renewal is signed'],
  },
  {
    request: 'email isaiah with the subject "Pipeline" and tell him the numbers look good',
    actions: ['mail.send'],
    slots: { 'mail.send.to': [ISAIAH], 'mail.send.subject': 'Pipeline', 'mail.send.body': 'numbers look good' },
    parts: ['email isaiah', 'Pipeline', 'the numbers look good'],
  },
  {
    request: 'Write to Lynne: can we move the budget review?',
    actions: ['mail.send'],
    slots: { 'mail.send.to': [LYNNE], 'mail.send.body': 'move the budget review' },
    parts: ['Write to Lynne', 'can we move the budget review?'],
  },
  {
    request: 'Draft an email to Megan about the newsletter numbers, I want to check it before it goes',
    actions: ['mail.draft'],
    slots: { 'mail.draft.to': [MEGAN] },
    parts: ['Draft', 'Megan', 'newsletter numbers'],
  },
  {
    request: 'Mail Megan and cc Adele: the booth banners are ordered',
    actions: ['mail.send'],
    slots: { 'mail.send.to': [MEGAN], 'mail.send.cc': [ADELE], 'mail.send.body': 'booth banners are ordered' },
    parts: ['Mail Megan', 'cc Adele', 'the booth banners are ordered'],
  },
  {
    request: 'Find the emails from Tom about the shipping delay',
    actions: ['mail.search'],
    slots: { 'mail.search.from': 'tom', 'mail.search.subject|mail.search.query': 'shipping' },
    parts: ['Find', 'Tom', 'shipping delay'],
  },
  {
    request: 'any unread emails from Contoso?',
    actions: ['mail.search'],
    slots: { 'mail.search.from': 'contoso', 'mail.search.unread': true },
    parts: ['unread', 'Contoso'],
  },
  {
    request: 'show me the mails with attachments from sofia',
    actions: ['mail.search'],
    slots: { 'mail.search.from': 'sofia', 'mail.search.hasAttachments': true },
    parts: ['show', 'attachments', 'sofia'],
  },
  {
    request: "find Dana's latest mail and forward it to Megan",
    actions: FORWARD,
    slots: { 'mail.search.from': 'dana', 'mail.search.top': 1, 'mail.forward.to': [MEGAN] },
    parts: ['find', "Dana's latest mail", 'forward it to Megan'],
  },
  {
    request: "find the latest email from Raj and reply saying I'll call you tomorrow",
    actions: REPLY,
    slots: { 'mail.search.from': 'raj', 'mail.search.top': 1, 'mail.reply.comment': 'call you tomorrow' },
    parts: ['find', 'latest email from Raj', 'reply', "I'll call you tomorrow"],
  },
  {
    request: 'find the fabrikam invoice mail and flag it',
    actions: UPDATE,
    slots: { 'mail.search.from|mail.search.subject|mail.search.query': 'fabrikam', 'mail.update.flag': 'flagged' },
    parts: ['find', 'fabrikam invoice mail', 'flag it'],
  },
  {
    request: 'Find the emails from Carlos and move them to the archive',
    actions: MOVE,
    slots: { 'mail.search.from': 'carlos', 'mail.move.folder': 'Archive' },
    parts: ['Find', 'Carlos', 'move them to the archive'],
  },
]);
