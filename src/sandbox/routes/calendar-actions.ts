import { mailboxOwner } from '../auth';
import { cancelEvent } from '../calendar/cancel';
import { eventView } from '../calendar/events';
import { respondToEvent, type ResponseAction } from '../calendar/respond';
import { updateEvent } from '../calendar/update';
import { accepted, jsonBody, ok, type RequestContext } from '../context';
import { badRequest } from '../errors';
import type { Router } from '../router';
import { preferredZone } from '../time';
import { metadata } from './shared';

function optionalComment(body: Record<string, unknown>): string | undefined {
  if (body.comment === undefined || body.comment === null) return undefined;
  if (typeof body.comment !== 'string') throw badRequest("'comment' must be a string.", 'RequestBodyRead');
  return body.comment;
}

function patchEvent(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const event = updateEvent(ctx.store, owner, ctx.params.id ?? '', jsonBody(ctx), ctx.now);
  return ok({
    '@odata.context': metadata(ctx, `users('${owner.id}')/events/$entity`),
    ...eventView(event, preferredZone(ctx.headers.prefer), null),
  });
}

function cancel(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  cancelEvent(ctx.store, owner, ctx.params.id ?? '', optionalComment(jsonBody(ctx)), ctx.now);
  return accepted();
}

function respond(action: ResponseAction) {
  return (ctx: RequestContext) => {
    const owner = mailboxOwner(ctx);
    const body = jsonBody(ctx);
    if (body.sendResponse !== undefined && typeof body.sendResponse !== 'boolean')
      throw badRequest("'sendResponse' must be a boolean.", 'RequestBodyRead');
    respondToEvent(
      ctx.store,
      owner,
      ctx.params.id ?? '',
      action,
      { comment: optionalComment(body), sendResponse: body.sendResponse !== false },
      ctx.now,
    );
    return accepted();
  };
}

/** Changing, cancelling and answering meetings, under `base` (`/users/:user` or `/users/:user/calendar`). */
export function registerCalendarActionRoutes(router: Router, base: string): void {
  router.patch(`${base}/events/:id`, patchEvent);
  router.post(`${base}/events/:id/cancel`, cancel);
  for (const action of ['accept', 'tentativelyAccept', 'decline'] as const)
    router.post(`${base}/events/:id/${action}`, respond(action));
}
