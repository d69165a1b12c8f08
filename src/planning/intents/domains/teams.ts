import type { DomainIntent } from '../domain';
import { channelNews } from '../teams/channel-news';
import { chatMessage } from '../teams/chat-message';
import { listChannelsIntent } from '../teams/list-channels';
import { postMentioning } from '../teams/post-mention';
import { replyToLatestPost } from '../teams/reply-latest';

/** The rule planner's teams requests, tried in order (most specific wording first). */
export const teamsIntents: readonly DomainIntent[] = [
  chatMessage,
  replyToLatestPost,
  postMentioning,
  channelNews,
  listChannelsIntent,
];
