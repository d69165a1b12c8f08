import { DelegateError } from '../engine/errors';
import type { Scope } from '../engine/model';
import type { AuditLedger, ScopeApproverStore } from '../engine/ports';
import type { ProfileLookup } from '../people/lookups';

/** What managing a conversation's approvers needs. */
export interface ApproversDeps {
  readonly store: ScopeApproverStore & AuditLedger;
  /** The one person a mention, name or email means. */
  readonly resolvePerson: (query: string) => Promise<{ id: string; name: string } | { error: string }>;
  readonly profiles: ProfileLookup;
  /** Object ids of the team's owners, from Microsoft Graph. */
  readonly teamOwners: (teamId: string) => Promise<string[]>;
  /** Policy admins as user ids (groups expanded). */
  readonly admins: () => Promise<string[]>;
  /** Approvers the policy names for this scope (user ids or `group:<id>`), shown alongside. */
  readonly policyApprovers: (scope: Scope) => readonly string[];
}

/** The key a channel's (or group chat's) designated approvers are stored under; undefined in personal chats. */
export function approversKey(scope: Scope): string | undefined {
  if (scope.kind === 'channel') return `channel:${scope.teamId ?? '?'}:${scope.channelId ?? scope.conversationId}`;
  if (scope.kind === 'groupChat') return `chat:${scope.conversationId}`;
  return undefined;
}

/**
 * `approvers` (list), `approvers add <person>`, `approvers remove <person>`. Anyone may list;
 * only the team's owners (from Graph) or the policy's admins may change them. Changes are
 * compare-and-set, so two owners editing at once never lose each other's change.
 */
export class ApproversCommand {
  constructor(private readonly deps: ApproversDeps) {}

  async list(scope: Scope): Promise<string> {
    const key = this.keyOf(scope);
    const { approvers } = await this.deps.store.getScopeApprovers(key);
    const fromPolicy = this.deps.policyApprovers(scope);
    const lines = [
      approvers.length > 0
        ? `**Approvers here:** ${(await this.names(approvers)).join(', ')}`
        : '**Approvers here:** none designated yet (the requester approves their own tasks).',
      ...(fromPolicy.length > 0 ? [`**From the policy:** ${(await this.names(fromPolicy)).join(', ')}`] : []),
      '',
      'Team owners and policy admins can change them: `approvers add @person`, `approvers remove @person`.',
    ];
    return lines.join('\n');
  }

  async change(
    scope: Scope,
    actor: string,
    action: 'add' | 'remove',
    who: string,
  ): Promise<{ text: string; changed: boolean; person?: { id: string; name: string } }> {
    const key = this.keyOf(scope);
    if (!(await this.mayChange(scope, actor))) {
      throw new DelegateError(
        'user_input',
        'not_team_owner',
        "Only this team's owners or your organisation's Delegate admins can change its approvers.",
      );
    }
    const person = await this.deps.resolvePerson(who);
    if ('error' in person) throw new DelegateError('user_input', 'unknown_person', person.error);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.deps.store.getScopeApprovers(key);
      const has = current.approvers.includes(person.id);
      if ((action === 'add' && has) || (action === 'remove' && !has)) {
        return {
          text: `${person.name} ${action === 'add' ? 'is already' : 'is not'} an approver here.`,
          changed: false,
          person,
        };
      }
      const next =
        action === 'add' ? [...current.approvers, person.id] : current.approvers.filter((id) => id !== person.id);
      if (await this.deps.store.setScopeApprovers(key, next, current.version)) {
        return {
          text:
            action === 'add'
              ? `${person.name} now approves tasks here.`
              : `${person.name} no longer approves tasks here.`,
          changed: true,
          person,
        };
      }
    }
    throw new DelegateError(
      'conflict',
      'approvers_conflict',
      'Someone else is changing the approvers right now. Try again.',
    );
  }

  /** The designated approvers of a scope (for a new task there), or none. */
  async of(scope: Scope): Promise<readonly string[]> {
    const key = approversKey(scope);
    return key ? (await this.deps.store.getScopeApprovers(key)).approvers : [];
  }

  private keyOf(scope: Scope): string {
    const key = approversKey(scope);
    if (!key)
      throw new DelegateError(
        'user_input',
        'approvers_personal',
        'Approvers are set per channel or group chat. In a personal chat, you approve your own tasks.',
      );
    return key;
  }

  private async mayChange(scope: Scope, actor: string): Promise<boolean> {
    if ((await this.deps.admins()).includes(actor)) return true;
    if (scope.kind !== 'channel' || !scope.teamId) return false;
    return (await this.deps.teamOwners(scope.teamId)).includes(actor);
  }

  private async names(principals: readonly string[]): Promise<string[]> {
    return Promise.all(
      principals.map(async (p) =>
        p.startsWith('group:') ? `the group ${p.slice(6)}` : ((await this.deps.profiles(p))?.name ?? p),
      ),
    );
  }
}
