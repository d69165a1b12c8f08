import { findUser, type SandboxUser } from './directory';
import { accessDenied, badRequest, GraphError, notFound } from './errors';
import type { Caller, RequestContext } from './context';

const PREFIX = 'bearer sandbox:';

/**
 * Read the caller from the sandbox's bearer token:
 * - `sandbox:<upn>;scp=Mail.Read Mail.Send`: a user, with these delegated permissions (scopes);
 * - `sandbox:app;roles=Mail.Read Mail.Send`: the application, with these application permissions;
 * - `sandbox:<upn>` or `sandbox:app` alone: the default grant, every permission of its kind
 *   (local mode). Graph's rules on which identity may call what apply to every form.
 * Permissions are separated by spaces or commas. The user's object id is accepted in place of the
 * UPN (Teams activities carry the object id). Anything else is refused the way Graph refuses a
 * bad token: 401 InvalidAuthenticationToken.
 */
export function authenticate(authorization: string | undefined): Caller {
  if (!authorization) throw invalidToken('Access token is empty.');
  if (!authorization.toLowerCase().startsWith(PREFIX)) {
    throw invalidToken('IDX14100: JWT is not well formed, there are no dots (.).');
  }
  const [subjectPart = '', ...claims] = authorization.slice(PREFIX.length).split(';');
  const subject = subjectPart.trim();
  const isApp = subject.toLowerCase() === 'app';
  const grants = readClaims(claims, isApp ? 'roles' : 'scp');
  if (isApp) return grants ? { kind: 'app', grants } : { kind: 'app' };
  const user = findUser(subject);
  if (!user) throw invalidToken('Access token validation failure. Invalid audience.');
  return grants ? { kind: 'user', user, grants } : { kind: 'user', user };
}

/** The permissions of `scp=` (a user) or `roles=` (the app); undefined when the token names none. */
function readClaims(claims: readonly string[], expected: 'scp' | 'roles'): ReadonlySet<string> | undefined {
  if (claims.length === 0) return undefined;
  if (claims.length > 1) throw invalidToken('Access token validation failure: one claim of permissions expected.');
  const [name = '', ...rest] = (claims[0] ?? '').split('=');
  if (name.trim().toLowerCase() !== expected)
    throw invalidToken(
      `Access token validation failure: a ${expected === 'scp' ? 'user' : 'app'} token carries ${expected}.`,
    );
  const permissions = rest
    .join('=')
    .split(/[\s,]+/)
    .filter((p) => p !== '')
    .map((p) => p.toLowerCase());
  if (permissions.length === 0) throw invalidToken('Either scp or roles claim need to be present in the token.');
  return new Set(permissions);
}

function invalidToken(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/** `/me` is only meaningful for a signed-in user. */
export function meUser(caller: Caller): SandboxUser {
  if (caller.kind !== 'user') throw badRequest('/me request is only valid with delegated authentication flow.');
  return caller.user;
}

/** A directory object by id or UPN, or Graph's directory 404. */
export function directoryUser(idOrUpn: string): SandboxUser {
  const user = findUser(idOrUpn);
  if (!user) {
    throw notFound(
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
      'Request_ResourceNotFound',
    );
  }
  return user;
}

/**
 * The owner of the mailbox/calendar at `/users/{user}/…`. A user may only open their own;
 * the application may open any (as with Mail.Read / Calendars.Read application permissions).
 */
export function mailboxOwner(ctx: RequestContext): SandboxUser {
  const key = ctx.params.user ?? '';
  const user = findUser(key);
  if (!user) throw notFound(`The requested user '${key}' is invalid.`, 'ErrorInvalidUser');
  if (ctx.caller.kind === 'user' && ctx.caller.user.id !== user.id) throw accessDenied();
  return user;
}
