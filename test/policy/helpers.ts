import { parsePolicy, type EvaluatedStepInput, type Policy } from '../../src/policy';

/** Parse YAML lines into a policy, failing the test with the errors if it does not parse. */
export function policyFrom(...lines: string[]): Policy {
  const result = parsePolicy(['version: 1', ...lines, ''].join('\n'));
  if (!result.ok) throw new Error(`policy did not parse: ${JSON.stringify(result.errors)}`);
  return result.policy;
}

/** A write-internal mail.send by `alice` in a personal chat, with the given overrides. */
export function step(overrides: Partial<EvaluatedStepInput> = {}): EvaluatedStepInput {
  return {
    action: 'mail.send',
    risk: 'write-internal',
    flagged: false,
    facts: {},
    requesterId: 'alice',
    scope: { kind: 'personal' },
    ...overrides,
  };
}
