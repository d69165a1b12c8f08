import { DEFAULT_POLICY, evaluateStep } from '../../src/policy';
import { policyFrom, step } from './helpers';

const RULES = [
  'rules:',
  '  - id: external-recipients',
  '    when: { externalRecipients: true }',
  '    require: { checkpoint: true, quorum: 2, forbidSelfApproval: true }',
  '  - id: big-audience',
  '    when: { recipientsMoreThan: 10 }',
  '  - id: channel-audience',
  '    when: { channelMembersMoreThan: 50 }',
  '  - id: attachments',
  '    when: { hasAttachments: true }',
  '  - id: sharing-links',
  '    when: { sharingLink: true }',
  '    require: { quorum: 3 }',
  '  - id: untrusted-content',
  '    message: Written from mail content.',
  '    when: { untrustedSource: true }',
  'approvers:',
  '  default: { approvers: [bob, carol, dave] }',
];
const withRules = policyFrom('checkpoints: { write-internal: false }', ...RULES);

describe('evaluateStep: defaults', () => {
  it('runs reads on their own and gates writes with one approval by the requester', () => {
    expect(evaluateStep(DEFAULT_POLICY, step({ action: 'mail.search', risk: 'read' }))).toMatchObject({
      allowed: true,
      gate: 'auto',
      reasons: [],
    });
    const write = evaluateStep(DEFAULT_POLICY, step());
    expect(write).toMatchObject({
      allowed: true,
      gate: 'checkpoint',
      quorum: 1,
      forbidSelfApproval: false,
      approvers: ['alice'],
      approvable: true,
    });
    expect(write.reasons).toEqual([
      { rule: 'checkpoints.write-internal', text: 'Policy asks for approval of changes inside your organisation.' },
    ]);
    expect(write.deniedBy).toBeUndefined();
  });

  it('always gates a flagged step, even a read', () => {
    const verdict = evaluateStep(DEFAULT_POLICY, step({ risk: 'read', flagged: true }));
    expect(verdict.gate).toBe('checkpoint');
    expect(verdict.reasons.map((r) => r.rule)).toEqual(['flagged']);
  });
});

describe('evaluateStep: rules', () => {
  it('leaves an ungated step alone when no rule matches', () => {
    expect(evaluateStep(withRules, step({ facts: { recipientCount: 10, channelMembers: 50 } }))).toMatchObject({
      gate: 'auto',
      reasons: [],
    });
  });

  it.each([
    ['external-recipients', { externalRecipients: true }],
    ['big-audience', { recipientCount: 11 }],
    ['channel-audience', { channelMembers: 51 }],
    ['attachments', { hasAttachments: true }],
    ['sharing-links', { sharingLink: true }],
    ['untrusted-content', { untrustedSource: true }],
  ] as const)('%s gates the step and says why', (rule, facts) => {
    const verdict = evaluateStep(withRules, step({ facts }));
    expect(verdict.gate).toBe('checkpoint');
    expect(verdict.reasons.map((r) => r.rule)).toEqual([rule]);
  });

  it('explains matched rules in card text, using the rule message when given', () => {
    const verdict = evaluateStep(withRules, step({ facts: { externalRecipients: true, untrustedSource: true } }));
    expect(verdict.reasons).toEqual([
      {
        rule: 'external-recipients',
        text: 'This step sends to people outside your organisation (2 approvals, the requester may not approve).',
      },
      { rule: 'untrusted-content', text: 'Written from mail content.' },
    ]);
  });

  it('takes the strictest of all matching rules', () => {
    const verdict = evaluateStep(withRules, step({ facts: { externalRecipients: true, sharingLink: true } }));
    expect(verdict).toMatchObject({
      gate: 'checkpoint',
      quorum: 3,
      forbidSelfApproval: true,
      approvers: ['bob', 'carol', 'dave'],
      approvable: true,
    });
  });

  it('never lets a rule with checkpoint false remove a checkpoint, but lets it tighten approval', () => {
    const policy = policyFrom(
      'rules:',
      '  - id: destructive-two',
      '    when: { risk: [destructive] }',
      '    require: { checkpoint: false, quorum: 2 }',
      'approvers: { default: { approvers: [bob] } }',
    );
    expect(evaluateStep(policy, step({ risk: 'destructive' }))).toMatchObject({ gate: 'checkpoint', quorum: 2 });
    expect(evaluateStep(policy, step({ risk: 'read' }))).toMatchObject({ gate: 'auto', quorum: 1 });
  });

  it('narrows rules by action pattern and risk class', () => {
    const policy = policyFrom(
      'checkpoints: { write-internal: false }',
      'rules:',
      '  - id: teams-posts',
      '    when: { actions: ["teams.*"], risk: [write-internal] }',
    );
    expect(evaluateStep(policy, step({ action: 'teams.postChannelMessage' })).gate).toBe('checkpoint');
    expect(evaluateStep(policy, step({ action: 'mail.send' })).gate).toBe('auto');
    expect(evaluateStep(policy, step({ action: 'teams.postChannelMessage', risk: 'read' })).gate).toBe('auto');
  });

  it('refuses a step a deny rule matches, naming the rule', () => {
    const policy = policyFrom(
      'rules:',
      '  - id: mass-mail',
      '    when: { recipientsMoreThan: 500 }',
      '    require: { deny: true }',
    );
    expect(evaluateStep(policy, step({ facts: { recipientCount: 501 } }))).toMatchObject({
      allowed: false,
      deniedBy: 'mass-mail',
    });
    expect(evaluateStep(policy, step({ facts: { recipientCount: 500 } }))).toMatchObject({ allowed: true });
  });
});

describe('evaluateStep: refusals', () => {
  it('stops everything under the kill switch, reads included', () => {
    const verdict = evaluateStep(policyFrom('killSwitch: true'), step({ action: 'mail.search', risk: 'read' }));
    expect(verdict).toMatchObject({ allowed: false, deniedBy: 'kill-switch' });
    expect(verdict.reasons[0]).toEqual({ rule: 'kill-switch', text: 'An admin has stopped all tasks (kill switch).' });
  });

  it('lets deny beat allow, with globs, case-insensitively', () => {
    const policy = policyFrom('actions: { allow: ["mail.*", "files.*"], deny: ["Files.Delete*"] }');
    expect(evaluateStep(policy, step({ action: 'files.deleteItem', risk: 'destructive' }))).toMatchObject({
      allowed: false,
      deniedBy: 'actions.deny',
    });
    expect(evaluateStep(policy, step({ action: 'files.share' }))).toMatchObject({ allowed: true });
    expect(evaluateStep(policy, step({ action: 'mail.send' }))).toMatchObject({ allowed: true });
  });

  it('refuses actions the allow list does not name', () => {
    const policy = policyFrom('actions: { allow: ["mail.*"] }');
    const verdict = evaluateStep(policy, step({ action: 'calendar.createEvent' }));
    expect(verdict).toMatchObject({ allowed: false, deniedBy: 'actions.allow' });
    expect(verdict.reasons[0]?.text).toBe("calendar.createEvent is not in the policy's allowed actions.");
    // "mail.*" is not "mail*": a prefix without the dot does not match.
    expect(evaluateStep(policy, step({ action: 'mailbox.read' })).allowed).toBe(false);
  });
});

describe('evaluateStep: approvers', () => {
  const policy = policyFrom(
    'approvers:',
    '  default: { approvers: [zed] }',
    '  channels:',
    '    - match: { teamId: T1, channelId: C1 }',
    '      approvers: [bob, alice, "group:g1"]',
    '      quorum: 2',
    '      forbidSelfApproval: true',
    '    - match: { channelName: Marketing }',
    '      approvers: [carol]',
  );

  it('uses the first matching channel entry', () => {
    const verdict = evaluateStep(
      policy,
      step({ scope: { kind: 'channel', teamId: 't1', channelId: 'C1', channelName: 'Marketing' } }),
    );
    // alice is the requester: she is dropped from the list because self-approval is forbidden.
    expect(verdict).toMatchObject({
      quorum: 2,
      forbidSelfApproval: true,
      approvers: ['bob', 'group:g1'],
      approvable: true,
    });
  });

  it('matches by channel name, case-insensitively', () => {
    expect(
      evaluateStep(
        policy,
        step({ scope: { kind: 'channel', teamId: 'T9', channelId: 'C9', channelName: 'marketing' } }),
      ).approvers,
    ).toEqual(['alice', 'carol']);
  });

  it('falls back to the default outside matching channels and in chats', () => {
    expect(evaluateStep(policy, step({ scope: { kind: 'channel', teamId: 'T1', channelId: 'C2' } })).approvers).toEqual(
      ['alice', 'zed'],
    );
    expect(evaluateStep(policy, step({ scope: { kind: 'groupChat', channelName: 'Marketing' } })).approvers).toEqual([
      'alice',
      'zed',
    ]);
  });

  it('says when the quorum cannot be reached by the people allowed to approve', () => {
    const verdict = evaluateStep(policyFrom(...RULES.slice(0, 4)), step({ facts: { externalRecipients: true } }));
    expect(verdict).toMatchObject({ gate: 'checkpoint', quorum: 2, approvers: [], approvable: false });
    expect(verdict.reasons.at(-1)).toEqual({
      rule: 'approvers.default',
      text: 'Needs 2 approvals but only 0 people may approve here; ask an admin to add approvers.',
    });
  });
});

describe('evaluateStep: expiry', () => {
  const policy = policyFrom(
    'checkpoints: { read: true }',
    'expiry: { checkpointMinutes: 60, remindAfterMinutes: 30, escalateTo: [boss], onExpiry: { read: approve, write-internal: cancel } }',
  );

  it('reports the expiry for the step risk class', () => {
    expect(evaluateStep(policy, step()).expiry).toEqual({
      minutes: 60,
      remindAfterMinutes: 30,
      escalateTo: ['boss'],
      onExpiry: 'cancel',
    });
    expect(evaluateStep(policy, step({ risk: 'read' })).expiry.onExpiry).toBe('approve');
  });

  it('never approves a flagged step on expiry', () => {
    expect(evaluateStep(policy, step({ risk: 'read', flagged: true })).expiry.onExpiry).toBe('reject');
  });
});
