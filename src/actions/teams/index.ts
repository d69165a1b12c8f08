import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { listChannelMessages } from './list-channel-messages';
import { listChannels } from './list-channels';
import { replyToMessage } from './reply-to-message';
import { sendChatMessage } from './send-chat-message';

export { chatSendRisk } from './send-chat-message';

/**
 * The teams actions of the catalogue (teams.postChannelMessage, the first of them, is
 * registered with the original actions in src/actions/index.ts).
 */
export function teamsActions(gateway: GraphGateway): ActionSpec[] {
  return [listChannels(gateway), listChannelMessages(gateway), replyToMessage(gateway), sendChatMessage(gateway)];
}
