import { ok, type RequestContext } from '../context';
import { findUser, SANDBOX_DIRECTORY } from '../directory';
import { notFound } from '../errors';
import { applySelect, collection, DIRECTORY_PAGING, checkSelect } from '../odata/query';
import type { Router } from '../router';
import { userResource } from './users';
import { metadata } from './shared';

/** A Microsoft Entra group of the sandbox tenant. */
interface SandboxGroup {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  readonly memberIds: readonly string[];
  /** Nested groups (transitive members include theirs). */
  readonly groupIds: readonly string[];
  readonly groupTypes: readonly string[];
}

/** Security groups beyond the teams, for `group:` approvers in policies. */
export const SANDBOX_SECURITY_GROUPS: readonly SandboxGroup[] = Object.freeze([
  {
    id: '0b6a2d4e-5f1c-4a8b-9d3e-7c2f1a0b9e44',
    displayName: 'Finance approvers',
    description: 'People who approve spending and anything sent outside the company.',
    memberIds: ['6b1c4e8f-3d9a-4b2e-9c6d-2e3f4a5b6c85', 'c3a7e9f1-6d2b-4a5c-8f1e-4a5b6c7d8e96'],
    groupIds: ['3e9d1b7a-2c4f-4e6a-8b1d-5f3a7c9e1b22'],
    groupTypes: [],
  },
  {
    id: '3e9d1b7a-2c4f-4e6a-8b1d-5f3a7c9e1b22',
    displayName: 'Finance backup approvers',
    description: 'Backup approvers when Finance approvers are away.',
    memberIds: ['2d6f9a4b-8c1e-4f3d-a7b5-0c1d2e3f4a74'],
    groupIds: [],
    groupTypes: [],
  },
]);

/** Every group: each team is a Microsoft 365 group with the team's members. */
function groups(): SandboxGroup[] {
  const teams = SANDBOX_DIRECTORY.teams.map((t) => ({
    id: t.id,
    displayName: t.displayName,
    description: t.description,
    memberIds: t.memberIds,
    groupIds: [],
    groupTypes: ['Unified'],
  }));
  return [...teams, ...SANDBOX_SECURITY_GROUPS];
}

function requireGroup(id: string): SandboxGroup {
  const group = groups().find((g) => g.id.toLowerCase() === id.toLowerCase());
  if (!group)
    throw notFound(
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      'Request_ResourceNotFound',
    );
  return group;
}

function memberIds(
  group: SandboxGroup,
  transitive: boolean,
  seen = new Set<string>(),
): { users: string[]; groups: string[] } {
  seen.add(group.id);
  const users = [...group.memberIds];
  const nested = [...group.groupIds];
  if (transitive) {
    for (const id of group.groupIds) {
      const inner = groups().find((g) => g.id === id);
      if (!inner || seen.has(inner.id)) continue;
      const found = memberIds(inner, true, seen);
      users.push(...found.users);
      nested.push(...found.groups);
    }
  }
  return { users: [...new Set(users)], groups: [...new Set(nested)] };
}

function members(transitive: boolean) {
  return (ctx: RequestContext) => {
    const group = requireGroup(ctx.params.group ?? '');
    const found = memberIds(group, transitive);
    const select = ctx.query.get('$select');
    checkSelect(select, ['user', 'group']);
    const users = found.users.flatMap((id) => {
      const u = findUser(id);
      return u
        ? [
            {
              '@odata.type': '#microsoft.graph.user',
              ...applySelect(userResource(u), select, ['user', 'group'], ['id']),
            },
          ]
        : [];
    });
    const nested = found.groups.map((id) => {
      const g = groups().find((candidate) => candidate.id === id);
      return {
        '@odata.type': '#microsoft.graph.group',
        ...applySelect(
          { id, displayName: g?.displayName ?? '', description: g?.description ?? '' },
          select,
          ['user', 'group'],
          ['id'],
        ),
      };
    });
    const kind = transitive ? 'transitiveMembers' : 'members';
    return ok(
      collection([...users, ...nested], {
        requestUrl: ctx.requestUrl,
        query: ctx.query,
        rules: DIRECTORY_PAGING,
        context: metadata(ctx, `directoryObjects`) + `#${kind}`,
      }),
    );
  };
}

/** `/groups/{id}`, its members and transitive members: what group approvers are resolved from. */
export function registerGroupRoutes(router: Router): void {
  router.get('/groups/:group', (ctx) => {
    const g = requireGroup(ctx.params.group ?? '');
    return ok({
      '@odata.context': metadata(ctx, 'groups/$entity'),
      id: g.id,
      displayName: g.displayName,
      description: g.description,
      groupTypes: [...g.groupTypes],
      securityEnabled: true,
      mailEnabled: g.groupTypes.includes('Unified'),
    });
  });
  router.get('/groups/:group/members', members(false));
  router.get('/groups/:group/transitiveMembers', members(true));
}
