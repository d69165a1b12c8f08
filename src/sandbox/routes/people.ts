import { directoryUser, mailboxOwner } from '../auth';
import { jsonBody, ok, type RequestContext } from '../context';
import { findUser } from '../directory';
import { badRequest, notFound } from '../errors';
import { applySelect, collection, DIRECTORY_PAGING, type PageRules, checkSelect } from '../odata/query';
import { mailTips } from '../people/mail-tips';
import { presenceOf } from '../people/presence';
import { directReportsOf, managerOf } from '../people/relations';
import { searchPeople } from '../people/search';
import type { Router } from '../router';
import { metadata } from './shared';
import { userResource } from './users';

/** The People API pages by `$skip`, ten at a time. */
const PEOPLE_PAGING: PageRules = { defaultTop: 10, maxTop: 1000, style: 'skip' };
/** Graph's limit on ids per getPresencesByUserId call. */
const MAX_PRESENCE_IDS = 650;

const asDirectoryObject = (u: Parameters<typeof userResource>[0], select: string | null) => ({
  '@odata.type': '#microsoft.graph.user',
  ...applySelect(userResource(u), select, 'user', ['id']),
});

function manager(ctx: RequestContext) {
  const user = directoryUser(ctx.params.user ?? '');
  const found = managerOf(ctx.store, user.id);
  if (!found)
    throw notFound(
      "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
      'Request_ResourceNotFound',
    );
  return ok({
    '@odata.context': metadata(ctx, 'directoryObjects/$entity'),
    ...asDirectoryObject(found, ctx.query.get('$select')),
  });
}

function directReports(ctx: RequestContext) {
  const user = directoryUser(ctx.params.user ?? '');
  const select = ctx.query.get('$select');
  checkSelect(select, 'user');
  const value = directReportsOf(ctx.store, user.id).map((u) => asDirectoryObject(u, select));
  return ok(
    collection(value, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: DIRECTORY_PAGING,
      context: metadata(ctx, 'directoryObjects'),
    }),
  );
}

function presences(ctx: RequestContext) {
  const ids = jsonBody(ctx).ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string'))
    throw badRequest("The 'ids' property must be a non-empty array of user ids.", 'BadRequest');
  if (ids.length > MAX_PRESENCE_IDS)
    throw badRequest(`At most ${MAX_PRESENCE_IDS} ids may be requested at once.`, 'BadRequest');
  const value = (ids as string[]).flatMap((id) => {
    const user = findUser(id);
    return user && user.id === id.toLowerCase() ? [presenceOf(ctx.store, user.id)] : [];
  });
  return ok({ '@odata.context': metadata(ctx, 'Collection(microsoft.graph.presence)'), value });
}

export function registerPeopleRoutes(router: Router): void {
  router.get('/users/:user/manager', manager);
  router.get('/users/:user/directReports', directReports);
  router.get('/users/:user/presence', (ctx) => {
    const user = directoryUser(ctx.params.user ?? '');
    return ok({
      '@odata.context': metadata(ctx, `users('${user.id}')/presence/$entity`),
      ...presenceOf(ctx.store, user.id),
    });
  });
  router.post('/communications/getPresencesByUserId', presences);
  router.post('/users/:user/getMailTips', (ctx) => {
    mailboxOwner(ctx);
    return ok({
      '@odata.context': metadata(ctx, 'Collection(microsoft.graph.mailTips)'),
      value: mailTips(ctx.store, jsonBody(ctx)),
    });
  });
  router.get('/users/:user/people', (ctx) => {
    const owner = mailboxOwner(ctx);
    const select = ctx.query.get('$select');
    checkSelect(select, 'person');
    const value = searchPeople(ctx.store, owner, ctx.query.get('$search')).map((p) =>
      applySelect(p, select, 'person', ['id']),
    );
    return ok(
      collection(value, {
        requestUrl: ctx.requestUrl,
        query: ctx.query,
        rules: PEOPLE_PAGING,
        context: metadata(ctx, `users('${owner.id}')/people`),
      }),
    );
  });
}
