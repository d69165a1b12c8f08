import { corpusFile } from '../build';
import { ADELE, ISAIAH, LYNNE, MEGAN, PATTI } from '../slots';

const CHAT = 'teams.sendChatMessage';
const POST = 'teams.postChannelMessage';
const NEWS = ['teams.listChannelMessages', 'text.summarise'];
const REPLY = ['teams.listChannelMessages', 'teams.replyToMessage'];

/** Teams: chats with people, channel posts, catching up on channels and replying in them. */
export default corpusFile('teams', [
  {
    request: 'Ping Isaiah on Teams and ask if the deck is ready',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': ISAIAH, 'teams.sendChatMessage.text': 'deck' },
    parts: ['Ping Isaiah', 'Teams', 'ask if the deck is ready'],
  },
  {
    request: 'Message Megan on Teams: the deck is ready',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': MEGAN, 'teams.sendChatMessage.text': 'the deck is ready' },
    parts: ['Message Megan', 'Teams', 'the deck is ready'],
  },
  {
    request: "tell adele in teams that i'll be 10 mins late",
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': ADELE, 'teams.sendChatMessage.text': '10 mins late' },
    parts: ['tell adele', 'teams', "i'll be 10 mins late"],
  },
  {
    request: 'send lynne a teams message saying the rota is done',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': LYNNE, 'teams.sendChatMessage.text': 'rota is done' },
    parts: ['send lynne a teams message', 'the rota is done'],
  },
  {
    request: 'IM Patti: are we still on for 3?',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': PATTI, 'teams.sendChatMessage.text': 'still on for 3' },
    parts: ['IM Patti', 'are we still on for 3?'],
  },
  {
    request: 'Chat with Megan and say thanks for the brief',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': MEGAN, 'teams.sendChatMessage.text': 'thanks for the brief' },
    parts: ['Chat with Megan', 'thanks for the brief'],
  },
  {
    request: 'ping isaiah: can you send me the Contoso leads?',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': ISAIAH, 'teams.sendChatMessage.text': 'Contoso leads' },
    parts: ['ping isaiah', 'can you send me the Contoso leads?'],
  },
  {
    request: 'Let Adele know on Teams that the Bellevue signage proofs look fine',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': ADELE, 'teams.sendChatMessage.text': 'signage proofs look fine' },
    parts: ['Let Adele know', 'Teams', 'the Bellevue signage proofs look fine'],
  },
  {
    request: 'teams msg to megan - running late, start without me',
    actions: [CHAT],
    slots: { 'teams.sendChatMessage.to': MEGAN, 'teams.sendChatMessage.text': 'running late' },
    parts: ['teams msg', 'megan', 'running late, start without me'],
  },
  {
    request: 'Send a chat to Lynne and Adele saying the stock count is in',
    actions: [CHAT, CHAT],
    slots: { 'teams.sendChatMessage.to': LYNNE, 'teams.sendChatMessage.text': 'stock count is in' },
    parts: ['Send a chat', 'Lynne', 'Adele', 'the stock count is in'],
  },
  {
    request: 'Post in General: the launch date is confirmed for 3 March',
    actions: [POST],
    slots: {
      'teams.postChannelMessage.channelName': 'General',
      'teams.postChannelMessage.text': 'launch date is confirmed',
    },
    parts: ['Post', 'General', 'the launch date is confirmed for 3 March'],
  },
  {
    request: 'post to announcements that the office is closed on friday',
    actions: [POST],
    slots: {
      'teams.postChannelMessage.channelName': 'Announcements',
      'teams.postChannelMessage.text': 'office is closed',
    },
    parts: ['post', 'announcements', 'the office is closed on friday'],
  },
  {
    request: 'Tell the team in the General channel that the all-hands moved to 4pm',
    actions: [POST],
    slots: { 'teams.postChannelMessage.channelName': 'General', 'teams.postChannelMessage.text': 'all-hands moved' },
    parts: ['Tell the team', 'General channel', 'the all-hands moved to 4pm'],
  },
  {
    request: 'can you share in #announcements: new brand guidelines are on the intranet',
    actions: [POST],
    slots: {
      'teams.postChannelMessage.channelName': 'Announcements',
      'teams.postChannelMessage.text': 'brand guidelines',
    },
    parts: ['share', '#announcements', 'new brand guidelines are on the intranet'],
  },
  {
    request: 'Announce in General that Isaiah closed the Contoso deal 🎉',
    actions: [POST],
    slots: { 'teams.postChannelMessage.channelName': 'General', 'teams.postChannelMessage.text': 'Contoso deal' },
    parts: ['Announce', 'General', 'Isaiah closed the Contoso deal'],
  },
  {
    request: "What's new in General",
    actions: NEWS,
    slots: { 'teams.listChannelMessages.channelName': 'General' },
    parts: ["What's new", 'General'],
  },
  {
    request: 'catch me up on the announcements channel',
    actions: NEWS,
    slots: { 'teams.listChannelMessages.channelName': 'Announcements' },
    parts: ['catch me up', 'announcements channel'],
  },
  {
    request: 'what did I miss in general this week?',
    actions: NEWS,
    slots: {
      'teams.listChannelMessages.channelName': 'General',
      'teams.listChannelMessages.since': { $at: '2026-11-30T00:00' },
    },
    parts: ['what did I miss', 'general', 'this week'],
  },
  {
    request: 'Summarise the latest posts in General',
    actions: NEWS,
    slots: { 'teams.listChannelMessages.channelName': 'General' },
    parts: ['Summarise', 'latest posts', 'General'],
  },
  {
    request: "give me a recap of yesterday's chatter in the General channel",
    actions: NEWS,
    slots: {
      'teams.listChannelMessages.channelName': 'General',
      'teams.listChannelMessages.since': { $at: '2026-12-01T00:00' },
    },
    parts: ['recap', "yesterday's", 'General channel'],
  },
  {
    request: 'Reply to the latest post in General saying great work',
    actions: REPLY,
    slots: { 'teams.replyToMessage.channelName': 'General', 'teams.replyToMessage.text': 'great work' },
    parts: ['Reply', 'latest post', 'General', 'great work'],
  },
  {
    request: 'respond to the last announcement with "congrats all!"',
    actions: REPLY,
    slots: { 'teams.replyToMessage.channelName': 'Announcements', 'teams.replyToMessage.text': 'congrats all' },
    parts: ['respond', 'last announcement', 'congrats all!'],
  },
  {
    request: 'reply in the general channel thread: I can take this one',
    actions: REPLY,
    slots: { 'teams.replyToMessage.channelName': 'General', 'teams.replyToMessage.text': 'I can take this one' },
    parts: ['reply', 'general channel thread', 'I can take this one'],
  },
  {
    request: 'Post in General and tag Megan: can you check the launch FAQ?',
    actions: [POST],
    slots: { 'teams.postChannelMessage.channelName': 'General', 'teams.postChannelMessage.text': 'launch FAQ' },
    parts: ['Post', 'General', 'tag Megan', 'can you check the launch FAQ?'],
  },
  {
    request: "Summarise what's new in General and send it to Patti",
    actions: [...NEWS, 'mail.send'],
    slots: { 'teams.listChannelMessages.channelName': 'General', 'mail.send.to': [PATTI] },
    parts: ['Summarise', "what's new", 'General', 'send it to Patti'],
  },
  {
    request: 'Catch up on announcements and message Megan the highlights on Teams',
    actions: [...NEWS, CHAT],
    slots: { 'teams.listChannelMessages.channelName': 'Announcements', 'teams.sendChatMessage.to': MEGAN },
    parts: ['Catch up', 'announcements', 'message Megan', 'highlights', 'Teams'],
  },
  {
    request: 'what channels are there in My Team?',
    actions: ['teams.listChannels'],
    slots: { 'teams.listChannels.teamId': 'e5c2a8d4-7f3b-4e1a-b9c6-5d7e8f9a0b17' },
    parts: ['channels', 'My Team'],
  },
  {
    request: 'list the channels of my team',
    actions: ['teams.listChannels'],
    parts: ['list the channels', 'my team'],
  },
]);
