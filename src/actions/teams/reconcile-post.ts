import type { ActionContext } from '../../engine/catalogue';
import type { GraphPort } from '../../graph/types';
import { lookAgain } from '../common/look-again';
import { isReadable, plainText, type GraphChatMessage } from './message-text';

/** Messages looked at when reconciling a retry: Teams pages are at most 50. */
export const RECONCILE_PAGE = 50;
export const RECONCILE_PAGES = 2;
/** How far before the retry an earlier attempt's message may have been posted. */
export const RECONCILE_WINDOW_MS = 24 * 3_600_000;

/** A message's text as a reader sees it, whatever markup Teams kept: tags dropped, spaces collapsed. */
export function postedText(content: string | null | undefined): string {
  return plainText({ contentType: 'html', content: content ?? '' })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The message an earlier attempt of this step posted at `path`, if any, matched on what Teams
 * keeps: the author (the requester), the exact text (Teams sanitises the HTML, so markup and
 * attributes are not compared) and the time (posted within the window before this attempt).
 * Not seen at first, it is looked for again over some seconds, as a new message reaches the
 * channel's list only after a lag.
 */
export function findEarlierPost(
  graph: GraphPort,
  path: string,
  ctx: ActionContext,
  what: string,
  html: string,
): Promise<GraphChatMessage | undefined> {
  const wanted = postedText(html);
  const since = ctx.now.getTime() - RECONCILE_WINDOW_MS;
  return lookAgain(async () => {
    const recent = await graph.getAll<GraphChatMessage>(path, {
      query: { $top: RECONCILE_PAGE },
      maxPages: RECONCILE_PAGES,
      signal: ctx.signal,
      what,
    });
    return recent.find(
      (m) =>
        isReadable(m) &&
        m.from?.user?.id === ctx.actor.id &&
        Date.parse(m.createdDateTime ?? '') >= since &&
        postedText(m.body?.content) === wanted,
    );
  }, ctx.signal);
}
