import type { Destination } from '../../src/engine/catalogue';
import { stepFlag, type StepFlag } from '../../src/engine/model';
import { guardStep, type GuardDestination, type GuardFlag } from '../../src/engine/guards';
import { trustFor } from './fixtures';

// The guards mirror the engine's types instead of importing them (lint); these assignments stop
// compiling (npm test type-checks) if the two ever drift apart.
const destination: Destination = { kind: 'recipient', value: 'x@evil.test', label: 'X', field: 'to' };
const asGuard: GuardDestination = destination;
const backToEngine: Destination = asGuard;
const toStepFlag = (flag: GuardFlag): StepFlag => flag;

describe('guard types', () => {
  it('produce flags the engine schema accepts', () => {
    const result = guardStep({
      destinations: [backToEngine],
      content: { body: 'https://evil.test/' },
      trust: trustFor('x'),
      allowHosts: [],
    });
    const all = [...result.flags, ...result.refusals].map(toStepFlag);
    expect(all.length).toBe(2);
    for (const flag of all) expect(stepFlag.parse(flag)).toEqual(flag);
  });
});
