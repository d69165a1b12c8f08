import type { RequestContext } from '../context';
import { jsonBody } from '../context';
import { badRequest } from '../errors';
import type { ChannelMessage } from '../model';
import { readMentions, type ChatMention } from './mentions';
import { sanitiseTeamsHtml } from './sanitise';

/** What a client may set when it posts a chatMessage (channel post, reply or chat message). */
export interface PostInput {
  readonly body: ChannelMessage['body'];
  readonly subject: string | null;
  readonly importance: ChannelMessage['importance'];
  readonly mentions: ChatMention[];
}

/** The posted chatMessage, validated as Teams does (non-empty body, text or html, matching mentions) and its HTML sanitised. */
export function readPostInput(ctx: RequestContext): PostInput {
  const input = jsonBody(ctx);
  const body = input.body as { content?: unknown; contentType?: unknown } | undefined;
  if (!body || typeof body.content !== 'string' || !body.content.trim())
    throw badRequest('Missing body content.', 'BadRequest');
  const contentType = typeof body.contentType === 'string' ? body.contentType.toLowerCase() : 'text';
  if (contentType !== 'text' && contentType !== 'html')
    throw badRequest(`Invalid contentType '${String(body.contentType)}'.`);
  const mentions = readMentions(input.mentions, body.content, contentType);
  return {
    // Teams keeps the markup it knows and drops the rest (data-* attributes included).
    body: { contentType, content: contentType === 'html' ? sanitiseTeamsHtml(body.content) : body.content },
    subject: typeof input.subject === 'string' ? input.subject : null,
    importance: input.importance === 'high' || input.importance === 'urgent' ? input.importance : 'normal',
    mentions,
  };
}
