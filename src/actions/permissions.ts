import type { ActionSpec } from '../engine/catalogue';
import type { GraphGateway } from '../graph/types';
import type { LlmClient } from '../llm/port';
import { createCatalogue } from './index';

/** A permission Delegate needs outside the catalogue: the planner's and the bot's own Graph reads. */
export interface OtherNeed {
  readonly permission: string;
  readonly identity: 'delegated' | 'application';
  /** Who needs it and why, e.g. "rule planner: people by name (src/graph/directory.ts)". */
  readonly usedBy: string;
}

// Kept by hand: these reads are not actions, so the catalogue cannot declare them.
// GraphDirectory runs as the requester (forUser), which is the app in an app-only deployment.
const PEOPLE_BY_NAME = 'rule planner: people by name (`src/graph/directory.ts`)';
const TEAMS_JOINED = "rule planner: the requester's teams, to find channels by name (`src/graph/directory.ts`)";
const CHANNELS_BY_NAME = 'rule planner: channels by name (`src/graph/directory.ts`)';
const MAILBOX_ZONE =
  "bot: the sender's time zone from their mailbox settings, when Teams sends none (`src/people/mailbox-zone.ts`)";
export const OTHER_NEEDS: readonly OtherNeed[] = [
  ...(['delegated', 'application'] as const).flatMap((identity) => [
    { permission: 'User.ReadBasic.All', identity, usedBy: PEOPLE_BY_NAME },
    { permission: 'Team.ReadBasic.All', identity, usedBy: TEAMS_JOINED },
    { permission: 'Channel.ReadBasic.All', identity, usedBy: CHANNELS_BY_NAME },
  ]),
  // As the requester; in an app-only deployment as the app, which people.mailboxSettings already needs.
  { permission: 'MailboxSettings.Read', identity: 'delegated', usedBy: MAILBOX_ZONE },
  {
    permission: 'User.ReadBasic.All',
    identity: 'application',
    usedBy: 'bot: requester profiles, names of recipients, approvers by name (`src/people/lookups.ts`)',
  },
  {
    permission: 'Team.ReadBasic.All',
    identity: 'application',
    usedBy: 'governance: the team a channel thread belongs to (`src/people/teams.ts`)',
  },
  {
    permission: 'TeamMember.Read.All',
    identity: 'application',
    usedBy: 'governance: team owners, who may change approvers (`src/people/teams.ts`)',
  },
  {
    permission: 'GroupMember.Read.All',
    identity: 'application',
    usedBy: 'governance: members of `group:` approvers in the policy (`src/people/teams.ts`)',
  },
];

/** The permissions of each kind an app registration is granted. */
export interface PermissionGrants {
  readonly delegated: readonly string[];
  readonly application: readonly string[];
}

type Declaring = Pick<ActionSpec, 'permissions'>;

/**
 * Everything the actions declare plus the reads outside the catalogue, per kind, sorted: exactly
 * what the app registration needs, and what the sandbox credentials ask for (so every test runs
 * with the declared permissions and nothing more).
 */
export function declaredGrants(
  actions: readonly Declaring[],
  others: readonly OtherNeed[] = OTHER_NEEDS,
): PermissionGrants {
  const union = (kind: 'delegated' | 'application') =>
    [
      ...new Set([
        ...actions.flatMap((a) => a.permissions[kind]),
        ...others.filter((o) => o.identity === kind).map((o) => o.permission),
      ]),
    ].sort();
  return { delegated: union('delegated'), application: union('application') };
}

/**
 * Every action of the catalogue, the compose actions included, built without Graph or a model:
 * the declarations are data, so the docs and the sandbox credentials can read them before (or
 * without) a gateway.
 */
export function catalogueDeclarations(): readonly ActionSpec[] {
  const never = (what: string) => (): never => {
    throw new Error(`reading declarations never calls ${what}`);
  };
  const gateway: GraphGateway = { forUser: never('Microsoft Graph'), forApp: never('Microsoft Graph') };
  const llm: LlmClient = { complete: never('the language model') };
  return createCatalogue(gateway, { llm }).list();
}

/** True when Graph lets an application do what the action does (it declares an application permission or needs none). */
export function runsAsApp(action: Declaring): boolean {
  return action.permissions.application.length > 0 || action.permissions.delegated.length === 0;
}
