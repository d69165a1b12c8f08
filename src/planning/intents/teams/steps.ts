import type { StepDraft } from '../../../engine/ports';
import { ref, type StepRef } from '../../actions';
import type { ChannelRef, DirectoryPerson } from '../../directory';
import { addressOf } from '../../extract/people';

/** The Teams actions the rule planner proposes, as their inputs are declared in src/actions/teams. */
const channelFields = (c: ChannelRef) => ({
  teamId: c.teamId,
  channelId: c.channelId,
  channelName: c.channelName,
  teamName: c.teamName,
});

/** A mention of a directory person, in teams.postChannelMessage / teams.replyToMessage form. */
export const mentionOf = (p: DirectoryPerson) => ({ userId: p.id, displayName: p.displayName, address: addressOf(p) });

/** Step: read the channel's recent posts (and replies). */
export function readChannel(channel: ChannelRef, top: number, repliesPerPost: number, why: string): StepDraft {
  return {
    action: 'teams.listChannelMessages',
    input: { ...channelFields(channel), top, repliesPerPost },
    rationale: why,
  };
}

/** Step: reply to the newest post that step `readStep` read. */
export function replyToLatest(
  channel: ChannelRef,
  readStep: number,
  text: string,
  mentions: readonly DirectoryPerson[],
): StepDraft {
  return {
    action: 'teams.replyToMessage',
    input: {
      ...channelFields(channel),
      messageId: ref(readStep, 'latest.id'),
      postPreview: ref(readStep, 'latest.text'),
      text,
      ...(mentions.length > 0 ? { mentions: mentions.map(mentionOf) } : {}),
    },
    rationale: `Reply in the thread of the latest post in ${channel.channelName}.`,
  };
}

/** Step: post a new message in a channel, mentioning people. */
export function postWithMentions(channel: ChannelRef, text: string, mentions: readonly DirectoryPerson[]): StepDraft {
  return {
    action: 'teams.postChannelMessage',
    input: { ...channelFields(channel), text, ...(mentions.length > 0 ? { mentions: mentions.map(mentionOf) } : {}) },
    rationale:
      mentions.length > 0
        ? `Post in ${channel.channelName} and @mention the people named.`
        : `Post the message in ${channel.channelName}.`,
  };
}

/** Step: send a person a Teams chat message (in the one-on-one chat with them). */
export function chatTo(person: DirectoryPerson, text: string | StepRef): StepDraft {
  return {
    action: 'teams.sendChatMessage',
    input: { to: addressOf(person), toName: person.displayName, text },
    rationale: `Send ${person.displayName} the message in your one-on-one Teams chat.`,
  };
}
