import { readFileSync, statSync } from 'node:fs';
import type { Governance, Logger, PolicyAnswer, PolicyQuestion } from '../engine/ports';
import type { ExpiryRule } from '../engine/timers';
import type { PlanApproval } from '../engine/fast-path';
import { hasSideEffect } from '../engine/catalogue';
import type { RiskClass } from '../engine/model';
import type { SchedulePolicy } from '../engine/schedule-policy';
import { sharedPreviewFor } from './approvers';
import { evaluateStep } from './evaluate';
import type { PolicyScope } from './types';
import { parsePolicy } from './parse';
import type { Policy } from './schema';

/** A policy file that could not be read or parsed: every problem, as `file:line:column path: message`. */
export class PolicyFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid policy file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyFileError';
  }
}

/** Read and validate a policy file, or throw a PolicyFileError listing every problem. */
export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyFileError([`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const parsed = parsePolicy(text, file);
  if (!parsed.ok)
    throw new PolicyFileError(parsed.errors.map((e) => `${file}:${e.line}:${e.column} ${e.path}: ${e.message}`));
  return parsed.policy;
}

/** The engine's `Governance` over a policy document; subclasses say where the document comes from. */
export abstract class PolicyGovernance implements Governance {
  /** The policy in force now. */
  abstract current(): Policy;

  killSwitch(): boolean {
    return this.current().killSwitch;
  }

  expiry(risk: RiskClass, flagged: boolean): ExpiryRule {
    return expiryRule(this.current(), risk, flagged);
  }

  admins(): readonly string[] {
    return this.current().admins;
  }

  sharedPreview(scope: PolicyScope): 'summary' | 'full' {
    return sharedPreviewFor(this.current(), scope);
  }

  planApproval(): PlanApproval {
    const { readOnlyPlan, singleStepPlan } = this.current().checkpoints;
    return { readOnlyPlan, singleStepPlan };
  }

  limits(): { tasksPerUserPerDay?: number; stepsPerTask?: number } {
    const { tasksPerUserPerDay, stepsPerTask } = this.current().budgets;
    return { tasksPerUserPerDay, stepsPerTask };
  }

  /** The `schedules` section, as the scheduler asks it (read at every run: policy changes apply to the next run). */
  schedules(): SchedulePolicy {
    const s = this.current().schedules;
    return {
      standingApprovalCovers: s.standingApproval.covers,
      standingApprovalDays: s.standingApproval.expiresAfterDays,
      minIntervalMinutes: s.minIntervalMinutes,
      channelCreators: s.channelCreators,
      failuresBeforePause: s.failuresBeforePause,
      catchUp: s.catchUp,
    };
  }

  evaluate(question: PolicyQuestion): PolicyAnswer {
    const verdict = evaluateStep(this.current(), question);
    return {
      allowed: verdict.allowed,
      deniedBy: verdict.deniedBy,
      gate: verdict.gate,
      quorum: verdict.quorum,
      forbidSelfApproval: verdict.forbidSelfApproval,
      approvers: verdict.approvers,
      reasons: verdict.reasons,
    };
  }
}

/** A policy that never changes: the defaults when no POLICY_FILE is configured, or a policy under test. */
export class FixedGovernance extends PolicyGovernance {
  constructor(private readonly policy: Policy) {
    super();
  }

  /** The defaults of every section (`version: 1` and nothing else). */
  static defaults(): FixedGovernance {
    const parsed = parsePolicy('version: 1\n', '(defaults)');
    if (!parsed.ok) throw new Error('the default policy does not parse');
    return new FixedGovernance(parsed.policy);
  }

  current(): Policy {
    return this.policy;
  }
}

/**
 * The policy file as the engine's `Governance`. The file is re-read when it changes on disk, so
 * an admin can flip the kill switch without a restart; an invalid edit keeps the last good policy.
 */
export class FileGovernance extends PolicyGovernance {
  private mtimeMs: number;

  constructor(
    private readonly file: string,
    private policy: Policy,
    private readonly logger: Logger,
  ) {
    super();
    this.mtimeMs = statSync(file).mtimeMs;
  }

  static open(file: string, logger: Logger): FileGovernance {
    return new FileGovernance(file, loadPolicyFile(file), logger);
  }

  current(): Policy {
    try {
      const mtimeMs = statSync(this.file).mtimeMs;
      if (mtimeMs !== this.mtimeMs) {
        this.mtimeMs = mtimeMs;
        this.policy = loadPolicyFile(this.file);
        this.logger.info({ file: this.file, killSwitch: this.policy.killSwitch }, 'policy file reloaded');
      }
    } catch (error) {
      this.logger.error(
        { err: error, file: this.file },
        'policy file invalid or unreadable; keeping the last good policy',
      );
    }
    return this.policy;
  }
}

/** The policy's expiry section for one step: a flagged or consequential step is never approved by expiry. */
export function expiryRule(policy: Policy, risk: RiskClass, flagged: boolean): ExpiryRule {
  const e = policy.expiry;
  const configured = e.onExpiry[risk];
  return {
    remindAfterMinutes: e.remindAfterMinutes,
    escalateAfterMinutes: e.escalateAfterMinutes,
    expireAfterMinutes: e.checkpointMinutes,
    escalateTo: e.escalateTo,
    onExpiry: configured === 'approve' && (flagged || hasSideEffect(risk)) ? 'reject' : configured,
  };
}
