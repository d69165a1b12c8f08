import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { listChannelMessages } from './list-channel-messages';
import { listChannels } from './list-channels';
import { replyToMessage } from './reply-to-message';
import { sendChatMessage } from './send-chat-message';

export { postChannelMessage } from './post-channel-message';
export { chatSendRisk } from './send-chat-message';

/**
 * The teams actions of the catalogue, but for teams.postChannelMessage, the first of them,
 * which src/actions/index.ts lists ahead of the domain families.
 */
export function teamsActions(gateway: GraphGateway): ActionSpec[] {
  return [listChannels(gateway), listChannelMessages(gateway), replyToMessage(gateway), sendChatMessage(gateway)];
}
