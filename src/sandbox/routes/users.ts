import { directoryUser, mailboxOwner } from '../auth';
import { ok, type RequestContext } from '../context';
import { SANDBOX_DIRECTORY, type SandboxUser } from '../directory';
import { badRequest } from '../errors';
import { applyFilter, applyOrderBy, applySelect, collection, DIRECTORY_PAGING, checkSelect } from '../odata/query';
import { compileDirectorySearch } from '../odata/search';
import { mailboxSettingsOf } from '../people/settings';
import type { Router } from '../router';
import { metadata } from './shared';

/** The properties Graph returns for a user when no `$select` is given. */
const DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** A user as Graph's directory stores it; `$select` can reach beyond the default properties. */
export function userResource(u: SandboxUser): Record<string, unknown> {
  return {
    businessPhones: [...u.businessPhones],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: u.officeLocation,
    preferredLanguage: 'en-US',
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
    department: u.department,
    accountEnabled: true,
    companyName: 'Example',
    mailNickname: u.mail.split('@')[0],
    userType: 'Member',
    usageLocation: 'US',
    proxyAddresses: [`SMTP:${u.mail}`],
  };
}

function project(u: SandboxUser, select: string | null): Record<string, unknown> {
  const full = userResource(u);
  if (select) return applySelect(full, select, 'user');
  return Object.fromEntries(DEFAULT_PROPERTIES.map((k) => [k, full[k]]));
}

function listUsers(ctx: RequestContext) {
  let users = SANDBOX_DIRECTORY.users.map(userResource);
  const search = ctx.query.get('$search');
  const eventual = ctx.headers.consistencylevel?.toLowerCase() === 'eventual';
  if (search !== null) {
    if (!eventual) {
      throw badRequest(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        'Request_UnsupportedQuery',
      );
    }
    users = users.filter(compileDirectorySearch(search));
  }
  users = applyFilter(users, ctx.query.get('$filter'), 'Request_UnsupportedQuery');
  users = applyOrderBy(users, ctx.query.get('$orderby'));
  const select = ctx.query.get('$select');
  checkSelect(select, 'user');
  const shaped = users.map((u) => project(directoryUser(String(u.id)), select));
  const count = ctx.query.get('$count') === 'true';
  if (count && !eventual)
    throw badRequest('$count requires the ConsistencyLevel: eventual header.', 'Request_BadRequest');
  return ok(
    collection(shaped, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: DIRECTORY_PAGING,
      count,
      context: metadata(ctx, select ? `users(${select})` : 'users'),
    }),
  );
}

export function registerUserRoutes(router: Router): void {
  router.get('/users', listUsers);
  router.get('/users/:user', (ctx) => {
    const user = directoryUser(ctx.params.user ?? '');
    const select = ctx.query.get('$select');
    checkSelect(select, 'user');
    return ok({
      '@odata.context': metadata(ctx, select ? `users(${select})/$entity` : 'users/$entity'),
      ...project(user, select),
    });
  });
  router.get('/users/:user/mailboxSettings', (ctx) => {
    const user = mailboxOwner(ctx);
    const select = ctx.query.get('$select');
    const context = metadata(ctx, `users('${user.id}')/mailboxSettings`);
    return ok({
      '@odata.context': context,
      ...applySelect(mailboxSettingsOf(ctx.store, user.id), select, 'mailboxSettings'),
    });
  });
}
