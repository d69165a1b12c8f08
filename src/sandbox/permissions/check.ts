import type { Caller } from '../context';
import { GraphError } from '../errors';
import { PERMISSION_TABLE, type PermissionRule, type Workload } from './table';

/**
 * The table's row for a route as it is registered (`GET /users/:user/messages`). Every route the
 * sandbox serves must have one: a route without a documented permission is a start-up error.
 */
export function permissionRuleFor(method: string, pattern: string): PermissionRule {
  const rule = PERMISSION_TABLE.find(
    (r) =>
      (typeof r.method === 'string' ? [r.method] : r.method).includes(method) &&
      r.paths.some((p) => covers(p, pattern)),
  );
  if (!rule) throw new Error(`sandbox route ${method} ${pattern} has no row in the permission table`);
  return rule;
}

/** `/a/:b…` covers `/a/:b` and everything below it; any other path only itself (case-insensitively). */
function covers(path: string, pattern: string): boolean {
  const p = path.toLowerCase();
  const target = pattern.toLowerCase();
  if (!p.endsWith('…')) return p === target;
  const prefix = p.slice(0, -1);
  return target === prefix || target.startsWith(`${prefix}/`) || target.startsWith(`${prefix}:`);
}

/** Every permission of one kind the table knows: what a plain `Bearer sandbox:…` token holds. */
export function knownPermissions(kind: 'delegated' | 'application'): readonly string[] {
  return [...new Set(PERMISSION_TABLE.flatMap((r) => r[kind] ?? []))].sort();
}

/**
 * Refuse the call the way Graph does when the caller's token lacks every permission the route
 * accepts, or when Graph does not let this kind of identity make the call at all. A caller
 * without `grants` holds the default grant (every permission of its kind): local mode.
 */
export function authorise(caller: Caller, rule: PermissionRule): void {
  const kind = caller.kind === 'user' ? 'delegated' : 'application';
  const accepted = rule[kind];
  if (accepted === null) throw notSupported(rule.workload, kind);
  if (accepted.length === 0 || caller.grants === undefined) return;
  const held = caller.grants;
  if (accepted.some((p) => held.has(p.toLowerCase()))) return;
  throw missing(rule.workload, kind, accepted, [...held]);
}

const header = (accepted: readonly string[]) => ({ 'x-sandbox-required-permission': `one of ${accepted.join(', ')}` });

function missing(
  workload: Workload,
  kind: 'delegated' | 'application',
  accepted: readonly string[],
  held: readonly string[],
): GraphError {
  const headers = header(accepted);
  switch (workload) {
    case 'exchange':
    case 'todo':
      return new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', headers);
    case 'directory':
    case 'graph':
      return new GraphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
        headers,
      );
    case 'drive':
      return new GraphError(403, 'accessDenied', 'Access denied', headers);
    case 'teams':
    case 'presence':
    case 'planner': {
      const claim = kind === 'delegated' ? 'scope' : 'role';
      const onRequest = kind === 'delegated' ? 'Scopes' : 'Roles';
      return new GraphError(
        403,
        'Forbidden',
        `Missing ${claim} permissions on the request. API requires one of '${accepted.join(', ')}'. ${onRequest} on the request '${held.join(', ')}'`,
        headers,
      );
    }
  }
}

function notSupported(workload: Workload, kind: 'delegated' | 'application'): GraphError {
  const headers = { 'x-sandbox-required-permission': `not supported with ${kind} permissions` };
  if (kind === 'delegated')
    return new GraphError(403, 'Forbidden', 'This API is not supported with delegated permissions.', headers);
  switch (workload) {
    case 'teams':
      return new GraphError(403, 'Forbidden', 'Requested API is not supported in application-only context', headers);
    case 'exchange':
      return new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', headers);
    default:
      return new GraphError(
        403,
        workload === 'drive' ? 'accessDenied' : 'Forbidden',
        'This API is not supported for application permissions.',
        headers,
      );
  }
}
