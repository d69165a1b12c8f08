import type { Catalogue } from './catalogue';
import type { Plan, Scope, Task } from './model';
import { buildPlan } from './plan-builder';
import type { Governance, Ids, StepDraft } from './ports';
import { policyQuestion } from './policy-question';
import { refusalInWords } from './refusal-words';
import { DEFAULT_PLAN_APPROVAL, withFastPath } from './fast-path';
import { guardInput, mergeFlags, plannedAddresses, trustOf, type Safety } from './safety';

/** What making a plan needs from the engine's dependencies. */
export interface PlanMakerDeps {
  readonly catalogue: Catalogue;
  readonly ids: Ids;
  readonly safety?: Safety;
  readonly governance?: Governance;
  readonly lookupNames?: (addresses: readonly string[]) => Promise<Record<string, string>>;
  /** How many people a channel reaches (`teamId/channelId` → members), for the policy's audience rules. */
  readonly channelMembers?: (teamId: string, channelId: string) => Promise<number | undefined>;
}

/** Members of each channel a plan posts to (`teamId/channelId` → count). */
export type Audience = Readonly<Record<string, number>>;

/** A validated, guarded and governed plan, with the approvers policy names for it. */
export type Built = { kind: 'built'; plan: Plan; approvers: string[] } | { kind: 'refused'; message: string };

/**
 * Turns a planner's drafts into the plan the engine stores: validated against the catalogue,
 * checked by the deterministic guards, then gated by the organisation's policy.
 */
export class PlanMaker {
  constructor(private readonly deps: PlanMakerDeps) {}

  /** Directory names of the addresses a plan names, added to those already known. */
  async namesFor(
    drafts: readonly StepDraft[],
    known: Record<string, string>,
  ): Promise<Record<string, string> | undefined> {
    const lookup = this.deps.lookupNames;
    // Destinations, and the people a step reads about (mail from Patti, Megan's manager): cards name them.
    const addresses = new Set([
      ...plannedAddresses(drafts, (action) => this.deps.catalogue.get(action)),
      ...drafts.flatMap((draft) => addressesIn(draft.input)),
    ]);
    const missing = [...addresses].filter((address) => !(address in known));
    const found = lookup && missing.length > 0 ? await lookup(missing) : {};
    const people = { ...known, ...found };
    return Object.keys(people).length > 0 ? people : undefined;
  }

  /** The audience of every channel the drafts post to (channels whose size is unknown are left out). */
  async audienceFor(drafts: readonly StepDraft[]): Promise<Audience> {
    const lookup = this.deps.channelMembers;
    if (!lookup) return {};
    const channels = new Set<string>();
    for (const draft of drafts) {
      for (const d of this.deps.catalogue.get(draft.action)?.destinations?.(draft.input) ?? [])
        if (d.kind === 'channel') channels.add(d.value);
    }
    const counted = await Promise.all(
      [...channels].map(async (value) => {
        const [teamId = '', channelId = ''] = value.split('/');
        return [value, await lookup(teamId, channelId)] as const;
      }),
    );
    return Object.fromEntries(counted.filter((entry): entry is readonly [string, number] => entry[1] !== undefined));
  }

  /** Build, guard and govern a plan, then mark its fast paths (see `withFastPath`). */
  build(
    drafts: readonly StepDraft[],
    version: number,
    asked: Pick<Task, 'outcome' | 'requester' | 'clarification' | 'instructions' | 'people'>,
    now: Date,
    scope?: Scope,
    audience: Audience = {},
  ): Built {
    const built = this.governed(drafts, version, asked, now, scope, audience);
    if (built.kind !== 'built') return built;
    const settings = this.deps.governance?.planApproval?.() ?? DEFAULT_PLAN_APPROVAL;
    return { ...built, plan: withFastPath(built.plan, settings) };
  }

  private governed(
    drafts: readonly StepDraft[],
    version: number,
    asked: Pick<Task, 'outcome' | 'requester' | 'clarification' | 'instructions' | 'people'>,
    now: Date,
    scope?: Scope,
    audience: Audience = {},
  ): Built {
    const stepLimit = this.deps.governance?.limits().stepsPerTask;
    if (stepLimit !== undefined && drafts.length > stepLimit) {
      return {
        kind: 'refused',
        message: `That plan needs ${drafts.length} steps, and your organisation's policy allows at most ${stepLimit} per task. Try asking for less at once.`,
      };
    }
    const unavailable = [
      ...new Set(drafts.flatMap((draft) => this.deps.catalogue.get(draft.action)?.unavailable ?? [])),
    ];
    if (unavailable.length > 0) return { kind: 'refused', message: `I can't do that here: ${unavailable.join(' ')}` };
    const plan = buildPlan(drafts, version, this.deps.catalogue, this.deps.ids, now, asked.requester);
    const safety = this.deps.safety;
    if (!safety) return this.govern(plan, asked.requester.id, scope, audience);
    const trust = trustOf(asked, safety);
    const refusals: string[] = [];
    const steps = plan.steps.map((step) => {
      const spec = this.deps.catalogue.get(step.action);
      if (!spec) return step;
      const guarded = guardInput(spec, step.input, trust, safety);
      refusals.push(...guarded.refusals.map((r) => r.message));
      const flags = mergeFlags(step.flags, guarded.flags);
      return { ...step, input: guarded.input, flags, gate: flags ? ('checkpoint' as const) : step.gate };
    });
    if (refusals.length > 0)
      return { kind: 'refused', message: `I won't plan that: ${[...new Set(refusals)].join(' ')}` };
    return this.govern({ ...plan, steps }, asked.requester.id, scope, audience);
  }

  /** Apply the organisation's policy: refuse denied actions, and set each step's gate, quorum and reasons. */
  private govern(plan: Plan, requesterId: string, scope: Scope | undefined, audience: Audience): Built {
    const governance = this.deps.governance;
    if (!governance) return { kind: 'built', plan, approvers: [] };
    const denied: string[] = [];
    const approvers = new Set<string>();
    const steps = plan.steps.map((step) => {
      const answer = governance.evaluate(
        policyQuestion(step, this.deps.catalogue.get(step.action), requesterId, scope, audience),
      );
      for (const approver of answer.approvers) if (approver !== requesterId) approvers.add(approver);
      if (!answer.allowed) {
        const title = this.deps.catalogue.get(step.action)?.describe(step.input).title ?? 'this step';
        denied.push(refusalInWords(title, plan.steps.indexOf(step) + 1, answer));
      }
      // Flagged steps stop whatever policy says.
      const gate = answer.gate === 'checkpoint' || step.flags ? 'checkpoint' : 'auto';
      return {
        ...step,
        gate,
        quorum: answer.quorum > 1 ? answer.quorum : undefined,
        forbidSelfApproval: answer.forbidSelfApproval || undefined,
        gateReasons: answer.reasons.length > 0 ? [...answer.reasons] : undefined,
      } as const;
    });
    if (denied.length > 0) return { kind: 'refused', message: `I can't do that: ${[...new Set(denied)].join(' ')}` };
    return { kind: 'built', plan: { ...plan, steps }, approvers: [...approvers] };
  }
}

const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Every email address written literally anywhere in an input (lower-cased). */
function addressesIn(value: unknown): string[] {
  if (typeof value === 'string') return (value.match(ADDRESS) ?? []).map((a) => a.toLowerCase());
  if (Array.isArray(value)) return value.flatMap(addressesIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(addressesIn);
  return [];
}
