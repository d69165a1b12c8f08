import type { ChannelRef, DirectoryPerson } from './directory';

/** Everything the rule planner says to people, in one place so the tone stays consistent. */

export const EXAMPLES = [
  'Email Megan Bowen a summary of my unread mail from Contoso',
  'Set up a 30 minute meeting with Megan and Adele next week about the launch',
  "Post a summary of this week's mail from Contoso to the General channel",
] as const;

export function helpMessage(lead = "Sorry, I didn't understand that."): string {
  return [
    `${lead} I can summarise your mail and email the summary to someone or post it to a channel, and I can set up meetings. For example:`,
    ...EXAMPLES.map((example) => `• "${example}"`),
  ].join('\n');
}

function personLabel(person: DirectoryPerson): string {
  return `${person.displayName} (${person.mail || person.userPrincipalName})`;
}

export function personNotFound(name: string): string {
  return `I couldn't find anyone called ${name} in your organisation. Check the spelling, or use their email address.`;
}

/** One choice of a "which person?" question: the option names the exact person, address included. */
export function personOption(person: DirectoryPerson): string {
  return personLabel(person);
}

export function personAmbiguous(name: string, people: readonly DirectoryPerson[]): string {
  return `I found several people called ${name}: ${people.map(personLabel).join(', ')}. Which one did you mean?`;
}

export const SELF_NOT_FOUND = "I couldn't find your own email address in the directory, so I can't send mail to you.";

function channelLabel(channel: ChannelRef): string {
  return `${channel.channelName} (${channel.teamName})`;
}

export function channelNotFound(name: string, known: readonly ChannelRef[]): string {
  if (known.length === 0)
    return `I couldn't find a channel called ${name}, and I don't see any channels you can post to.`;
  return `I couldn't find a channel called ${name}. Channels you can post to: ${known.map(channelLabel).join(', ')}.`;
}

export function whichChannel(known: readonly ChannelRef[]): string {
  if (known.length === 0) return "Which channel should I post to? I don't see any channels you can post to.";
  return `Which channel should I post to? Channels you can post to: ${known.map(channelLabel).join(', ')}.`;
}

export function channelAmbiguous(name: string, channels: readonly ChannelRef[]): string {
  return `Several channels match ${name}: ${channels.map(channelLabel).join(', ')}. Which one did you mean? You can say "the ${channels[0]?.channelName ?? name} channel in ${channels[0]?.teamName ?? 'Team'}".`;
}

export const HERE_OUTSIDE_CHANNEL =
  'I can only post "here" when you ask me in a channel. Tell me which channel to post to, e.g. "to the General channel".';

export const NO_ATTENDEES =
  'Who should I invite? For example: "Set up a 30 minute meeting with Megan and Adele next week about the launch".';

export const NO_RECIPIENT =
  'Who should I send the summary to? For example: "Email Megan Bowen a summary of my unread mail from Contoso".';

export const NO_CHANNEL = 'Which channel should I post it to? For example: "… to the General channel".';

export function durationOutOfRange(minutes: number): string {
  return `A ${minutes}-minute meeting is outside what I can book: choose between 5 minutes and 8 hours.`;
}

export const MAIL_IN_FUTURE = "That time is in the future, and I can only search mail you've already received.";

export const MEETING_IN_PAST = 'That time has already passed. When should the meeting be instead?';

export const WEEK_OVER =
  'There are no working days left this week. Should I look at next week instead? Say "next week".';

export const TIME_NEEDS_DAY =
  'I can only use a time of day together with a single day, e.g. "tomorrow at 3pm" or "on Friday morning".';

export const INVALID_DATE =
  'I couldn\'t make sense of that date. Try a weekday, "tomorrow", "next week" or a date like "3 December".';

export const DANGLING_IT =
  'I\'m not sure what "it" refers to. Tell me what to send, e.g. "Email Megan Bowen a summary of my unread mail from Contoso".';

export const DANGLING_PRONOUN =
  'I\'m not sure who you mean by "her", "him" or "them". Please use their name or email address.';

export const ONLY_MAIL =
  'Tell me what to summarise: which mail, e.g. "a summary of my unread mail from Contoso", or which document, e.g. "a summary of the spring launch brief".';

/** ONLY_MAIL for a summary that already has somewhere to go ("send a summary to Zoe"): it names where. */
export function whatToSummarise(where: string): string {
  return `What should the summary ${where} cover? Tell me which mail, e.g. "a summary of my unread mail from Contoso", or which document, e.g. "a summary of the spring launch brief".`;
}

export function tooManyPeople(max: number): string {
  return `That is a lot of people. I can address at most ${max} at once; for more, use a group's email address.`;
}

export const TOO_LONG = 'That message is too long for me to plan from. Please say what you need in a sentence or two.';

export const TOO_MANY_PARTS = 'That is a lot at once. Please ask for at most three things in one message.';
