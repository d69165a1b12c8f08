import { corpusFile } from '../build';

/** Requests that leave something essential open: the right answer is a question (or an explaining refusal) naming it. */
export default corpusFile('ask', [
  {
    request: 'Set up a call with him tomorrow',
    actions: [],
    asks: ['who', 'him'],
    parts: ['call', 'him', 'tomorrow'],
  },
  {
    request: 'email it to megan',
    actions: [],
    asks: ['what', 'which'],
    parts: ['email', 'it', 'megan'],
  },
  {
    request: 'Send a summary to Zoe',
    actions: [],
    asks: ['Zoe'],
    parts: ['summary', 'Zoe'],
  },
  {
    request: 'book a meeting with Gregory next week',
    actions: [],
    asks: ['Gregory'],
    parts: ['meeting', 'Gregory', 'next week'],
  },
  {
    request: 'post the contoso summary to the Marketing channel',
    actions: [],
    asks: ['Marketing'],
    parts: ['post', 'contoso', 'summary', 'Marketing channel'],
  },
  {
    request: 'reply to the email',
    actions: [],
    asks: ['which', 'what', 'say'],
    parts: ['reply', 'the email'],
  },
  {
    request: 'Share the file with Megan',
    actions: [],
    asks: ['which', 'file'],
    parts: ['Share', 'the file', 'Megan'],
  },
  {
    request: 'Message Isaiah on Teams',
    actions: [],
    asks: ['what', 'say'],
    parts: ['Message', 'Isaiah', 'Teams'],
  },
  {
    request: 'move my meeting',
    actions: [],
    asks: ['which', 'when', 'time'],
    parts: ['move', 'my meeting'],
  },
  {
    request: 'add a task to the plan',
    actions: [],
    asks: ['which', 'what', 'plan', 'task'],
    parts: ['add a task', 'the plan'],
  },
]);
