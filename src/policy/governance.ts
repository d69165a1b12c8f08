import { readFileSync, statSync } from 'node:fs';
import type { Governance, Logger, PolicyAnswer, PolicyQuestion } from '../engine/ports';
import { evaluateStep } from './evaluate';
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
  if (!parsed.ok) throw new PolicyFileError(parsed.errors.map((e) => `${file}:${e.line}:${e.column} ${e.path}: ${e.message}`));
  return parsed.policy;
}

/**
 * The policy file as the engine's `Governance`. The file is re-read when it changes on disk, so
 * an admin can flip the kill switch without a restart; an invalid edit keeps the last good policy.
 */
export class FileGovernance implements Governance {
  private mtimeMs: number;

  constructor(
    private readonly file: string,
    private policy: Policy,
    private readonly logger: Logger,
  ) {
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
      this.logger.error({ err: error, file: this.file }, 'policy file invalid or unreadable; keeping the last good policy');
    }
    return this.policy;
  }

  killSwitch(): boolean {
    return this.current().killSwitch;
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
