import { mailboxOwner } from '../auth';
import { createMeeting, readEventInput } from '../calendar/create';
import { eventView } from '../calendar/events';
import { created, jsonBody, noContent, ok, type RequestContext } from '../context';
import { itemNotFound } from '../errors';
import { applyFilter, applyOrderBy, collection, OUTLOOK_PAGING, checkSelect } from '../odata/query';
import type { Router } from '../router';
import type { CalendarEvent } from '../model';
import { parseInstant, preferredZone } from '../time';
import { registerCalendarActionRoutes } from './calendar-actions';
import { metadata } from './shared';

function listing(ctx: RequestContext, events: CalendarEvent[], where: string) {
  const zone = preferredZone(ctx.headers.prefer);
  const shown = ctx.listable('event', events, (e) => e.id);
  let items = applyFilter(shown, ctx.query.get('$filter'), 'ErrorInvalidUrlQueryFilter');
  items = applyOrderBy(items, ctx.query.get('$orderby'));
  const select = ctx.query.get('$select');
  checkSelect(select, 'event');
  const headers = zone === 'UTC' ? undefined : { 'preference-applied': `outlook.timezone="${zone}"` };
  const body = collection(
    items.map((e) => eventView(e, zone, select)),
    {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: OUTLOOK_PAGING,
      context: metadata(ctx, where),
    },
  );
  return { status: 200, body, headers };
}

function listEvents(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  return listing(ctx, ctx.store.listEvents(owner.id), `users('${owner.id}')/events`);
}

function calendarView(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const start = parseInstant(ctx.query.get('startDateTime') ?? ctx.query.get('StartDateTime'), 'startDateTime');
  const end = parseInstant(ctx.query.get('endDateTime') ?? ctx.query.get('EndDateTime'), 'endDateTime');
  return listing(ctx, ctx.store.listEventsBetween(owner.id, start, end), `users('${owner.id}')/calendarView`);
}

function getEvent(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const event = ctx.store.getEvent(owner.id, ctx.params.id ?? '');
  if (!event) throw itemNotFound();
  const zone = preferredZone(ctx.headers.prefer);
  return ok({
    '@odata.context': metadata(ctx, `users('${owner.id}')/events/$entity`),
    ...eventView(event, zone, ctx.query.get('$select')),
  });
}

function createEvent(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const event = createMeeting(ctx.store, owner, readEventInput(jsonBody(ctx)), ctx.now);
  const zone = preferredZone(ctx.headers.prefer);
  return created({
    '@odata.context': metadata(ctx, `users('${owner.id}')/events/$entity`),
    ...eventView(event, zone, null),
  });
}

/** The organizer deleting a meeting removes every copy; an attendee removes only their own. */
function deleteEvent(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const event = ctx.store.getEvent(owner.id, ctx.params.id ?? '');
  if (!event) throw itemNotFound();
  ctx.store.transaction(() => {
    if (event.isOrganizer)
      for (const copy of ctx.store.listEventCopies(event.iCalUId)) ctx.store.deleteEvent(copy.owner, copy.event.id);
    else ctx.store.deleteEvent(owner.id, event.id);
  });
  return noContent();
}

export function registerEventRoutes(router: Router): void {
  for (const base of ['/users/:user', '/users/:user/calendar']) {
    router.get(`${base}/events`, listEvents);
    router.post(`${base}/events`, createEvent);
    router.get(`${base}/events/:id`, getEvent);
    router.delete(`${base}/events/:id`, deleteEvent);
    router.get(`${base}/calendarView`, calendarView);
    registerCalendarActionRoutes(router, base);
  }
}
