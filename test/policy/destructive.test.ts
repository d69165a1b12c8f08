import { evaluateStep, parsePolicy, type Policy } from '../../src/policy';

function policyOf(text: string): Policy {
  const parsed = parsePolicy(`version: 1\n${text}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.policy;
}

const cancel = {
  action: 'calendar.cancelEvent',
  risk: 'destructive' as const,
  flagged: false,
  facts: {},
  requesterId: 'alex',
  scope: { kind: 'personal' as const },
};

describe('destructive actions', () => {
  it('are off by default, even when every action is allowed', () => {
    const verdict = evaluateStep(policyOf('actions: { allow: ["*"] }'), cancel);
    expect(verdict).toMatchObject({ allowed: false, deniedBy: 'actions.destructive' });
  });

  it('run only where the policy turns them on, and then still stop for approval', () => {
    expect(evaluateStep(policyOf('actions: { destructive: true }'), cancel)).toMatchObject({
      allowed: true,
      gate: 'checkpoint',
    });
    expect(evaluateStep(policyOf('actions: { destructive: true, deny: ["calendar.*"] }'), cancel)).toMatchObject({
      allowed: false,
      deniedBy: 'actions.deny',
    });
  });
});
