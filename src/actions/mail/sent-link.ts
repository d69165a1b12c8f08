import type { ActionContext } from '../../engine/catalogue';
import type { GraphPort } from '../../graph/types';
import { sleep } from '../../retry/sleep';
import { userRoot } from '../common/keys';
import { IMMUTABLE_IDS } from './message';

/** How often, and how far apart, the sent copy is looked for: Exchange files it after the send. */
const SENT_COPY_TRIES = 3;
const SENT_COPY_WAIT_MS = 300;

/**
 * The Outlook link of a sent message: the draft's immutable id is the sent copy's id in Sent
 * Items (Graph's documented way to find it), though the copy may appear a moment after the send.
 * The mail is sent whatever this finds, so a copy not there (yet) leaves the link out, never fails.
 */
export async function sentCopyLink(
  graph: GraphPort,
  ctx: ActionContext,
  messageId: string,
): Promise<string | undefined> {
  for (let attempt = 1; attempt <= SENT_COPY_TRIES; attempt++) {
    try {
      const sent = await graph.get<{ webLink?: string | null; isDraft?: boolean }>(
        `${userRoot(ctx.actor.id)}/messages/${encodeURIComponent(messageId)}`,
        { $select: 'webLink,isDraft' },
        { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'your sent mail' },
      );
      if (sent.isDraft !== true && sent.webLink) return sent.webLink;
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
    }
    if (attempt < SENT_COPY_TRIES) await sleep(SENT_COPY_WAIT_MS, ctx.signal);
  }
  return undefined;
}
