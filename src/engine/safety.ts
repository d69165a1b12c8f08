import type { ActionSpec } from './catalogue';
import { guardStep, type TrustContext } from './guards';
import type { StepFlag, Task } from './model';
import { refsIn } from './refs';

/** The organisation's boundaries, from configuration. */
export interface Safety {
  /** The tenant's mail domains; empty means "the requester's own domain". */
  readonly tenantDomains: readonly string[];
  /** Hosts besides the tenant's domains that links may point to. */
  readonly linkAllowHosts: readonly string[];
}

/** What a person asked for in this task: the only text that may name destinations. */
export function trustOf(
  task: Pick<Task, 'outcome' | 'requester' | 'clarification' | 'instructions' | 'people'>,
  safety: Safety,
): TrustContext {
  const ownDomain = task.requester.upn?.split('@')[1]?.toLowerCase();
  return {
    requestTexts: [
      task.outcome,
      ...(task.clarification?.answers ?? []).map((a) => a.answer),
      ...(task.instructions ?? []),
    ],
    requester: { upn: task.requester.upn, name: task.requester.name },
    internalDomains: safety.tenantDomains.length > 0 ? safety.tenantDomains : ownDomain ? [ownDomain] : [],
    directoryNames: new Map(Object.entries(task.people ?? {})),
  };
}

/** Every literal address a plan's steps would send to or invite (for a directory look-up of their names). */
export function plannedAddresses(
  steps: readonly { action: string; input: Record<string, unknown> }[],
  specOf: (action: string) => ActionSpec | undefined,
): string[] {
  const addresses = steps.flatMap((step) => {
    const spec = specOf(step.action);
    const literal = Object.fromEntries(Object.entries(step.input).filter(([, value]) => refsIn(value).length === 0));
    return (spec?.destinations?.(literal) ?? [])
      .filter((d) => d.kind === 'recipient' || d.kind === 'attendee')
      .map((d) => d.value.toLowerCase());
  });
  return [...new Set(addresses)];
}

/** The guards' verdict on one step's input. */
export interface Guarded {
  readonly input: Record<string, unknown>;
  readonly flags: StepFlag[];
  readonly refusals: StepFlag[];
}

/**
 * Run the deterministic guards on an input: destinations must trace back to the request (or be
 * flagged, or refused when external), and links in sent or posted text must point to allowed
 * hosts. References still in the input (at planning time) are left for the run-time check.
 */
export function guardInput(
  spec: ActionSpec,
  input: Record<string, unknown>,
  trust: TrustContext,
  safety: Safety,
): Guarded {
  const literal = Object.fromEntries(Object.entries(input).filter(([, value]) => refsIn(value).length === 0));
  const destinations = spec.destinations?.(literal) ?? [];
  const content: Record<string, string> = {};
  for (const field of spec.contentFields ?? []) {
    const value = literal[field];
    if (typeof value === 'string') content[field] = value;
  }
  const verdict = guardStep({ destinations, content, trust, allowHosts: safety.linkAllowHosts });
  return { input: { ...input, ...verdict.sanitized }, flags: verdict.flags, refusals: verdict.refusals };
}

/** Merge flags without repeating one (same code and message). */
export function mergeFlags(
  existing: readonly StepFlag[] | undefined,
  added: readonly StepFlag[],
): StepFlag[] | undefined {
  const all = [...(existing ?? []), ...added];
  const unique = all.filter(
    (flag, index) => all.findIndex((f) => f.code === flag.code && f.message === flag.message) === index,
  );
  return unique.length > 0 ? unique : undefined;
}
