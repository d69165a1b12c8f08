import { DEFAULT_POLICY, describeRule, dryRun, effectiveRules, policyWarnings } from '../../src/policy';
import { policyFrom, step } from './helpers';

describe('describeRule', () => {
  it('says when a rule applies and what it requires', () => {
    const policy = policyFrom(
      'rules:',
      '  - id: external-recipients',
      '    when: { externalRecipients: true, hasAttachments: true }',
      '    require: { quorum: 2, forbidSelfApproval: true }',
      '  - id: mass-mail',
      '    message: Too many recipients.',
      '    when: { actions: [mail.send, mail.reply], recipientsMoreThan: 1 }',
      '    require: { deny: true }',
      '  - id: big-channels',
      '    when: { channelMembersMoreThan: 50, risk: [write-internal, destructive] }',
      '    require: { checkpoint: false }',
      'approvers: { default: { approvers: ["group:g"] } }',
    );
    expect(policy.rules.map(describeRule)).toEqual([
      'external-recipients: when a step sends to people outside your organisation and includes attachments → needs approval, 2 approvals, the requester may not approve',
      'mass-mail: when a step addresses more than 1 person and is mail.send or mail.reply → refused ("Too many recipients.")',
      'big-channels: when a step posts to a channel with more than 50 members and is one of the changes inside your organisation or destructive steps → no checkpoint of its own',
    ]);
  });
});

describe('effectiveRules', () => {
  it('describes the defaults', () => {
    expect(effectiveRules(DEFAULT_POLICY, { kind: 'personal' })).toEqual([
      'All actions are allowed.',
      'Destructive actions (cancel, delete) are off.',
      'Needs approval: changes inside your organisation, steps that reach outside your organisation and destructive steps.',
      'Runs without approval: read steps and compose steps.',
      'Steps a safety check flags always need approval.',
      'A plan that only reads (a question) runs at once, unless one of its steps needs approval.',
      'A plan with one step that sends, posts or changes something, known in full, shows it on the plan card: one Approve covers both.',
      'Approvers here: the requester; 1 approval needed.',
      'Unanswered checkpoints remind after 4 hours and are rejected after 1 day.',
      'Approvals may be remembered for the rest of a task, never across tasks.',
      'Recurring work: approving a schedule approves its plan; a consequential step of every run still needs approval; it runs at most every 1 hour and pauses after 3 failed runs in a row.',
    ]);
  });

  it('describes a channel with its own approvers, the kill switch, limits and rules', () => {
    const policy = policyFrom(
      'killSwitch: true',
      'actions: { allow: ["mail.*", "calendar.*"], deny: [mail.delete] }',
      'checkpoints: { read: true, compose: true, write-internal: true, write-external: true, destructive: true }',
      'rules:',
      '  - id: attachments',
      '    when: { hasAttachments: true }',
      'approvers:',
      '  channels:',
      '    - match: { channelName: Finance }',
      '      approvers: [bob, carol]',
      '      quorum: 2',
      '      forbidSelfApproval: true',
      'expiry: { checkpointMinutes: 90, remindAfterMinutes: 45, escalateTo: [boss], onExpiry: cancel }',
      'budgets: { stepsPerTask: 20, modelTokensPerTenantPerDay: 5000000 }',
      'rememberDecisions: { acrossTasks: true }',
      'schedules: { standingApproval: { covers: [write-internal], expiresAfterDays: 30 }, minIntervalMinutes: 1440, failuresBeforePause: 1 }',
    );
    expect(effectiveRules(policy, { kind: 'channel', channelName: 'Finance' })).toEqual([
      'Kill switch is ON: no task runs until an admin turns it off.',
      'Allowed actions: mail.* and calendar.*, except mail.delete.',
      'Destructive actions (cancel, delete) are off.',
      'Needs approval: read steps, compose steps, changes inside your organisation, steps that reach outside your organisation and destructive steps.',
      'Steps a safety check flags always need approval.',
      'A plan that only reads (a question) runs at once, unless one of its steps needs approval.',
      'A plan with one step that sends, posts or changes something, known in full, shows it on the plan card: one Approve covers both.',
      'Rule attachments: when a step includes attachments → needs approval.',
      'Approvers here: bob and carol; 2 approvals needed; the requester may not approve their own steps (from approvers.channels[0]).',
      'Unanswered checkpoints remind after 45 minutes (escalated to boss) and are cancelled after 90 minutes.',
      'Limits: 20 steps per task and 5,000,000 model tokens per organisation per day.',
      'Approvals are remembered within a task only: remembering them across tasks is not supported yet.',
      'Recurring work: approving a schedule approves its plan; changes inside your organisation run unattended while they go to the approved destinations (for 30 days); it runs at most every 1 day and pauses after 1 failed run in a row.',
    ]);
  });
});

describe('policyWarnings', () => {
  it('warns about rules whose quorum some scope can never reach', () => {
    const policy = policyFrom(
      'rules:',
      '  - id: external',
      '    when: { externalRecipients: true }',
      '    require: { quorum: 2, forbidSelfApproval: true }',
      'approvers:',
      '  channels:',
      '    - match: { channelName: A }',
      '      approvers: [bob, carol]',
      '    - match: { channelName: B }',
      '      approvers: ["group:g"]',
    );
    expect(policyWarnings(policy)).toEqual([
      'rule external needs 2 approvals (not by the requester), but approvers.default allows only 0; steps it matches there can never be approved',
    ]);
  });

  it("warns about a channel whose quorum its listed approvers can't reach yet (owners may add more)", () => {
    const policy = policyFrom(
      'approvers:',
      '  channels:',
      '    - match: { channelName: Finance }',
      '      quorum: 2',
      '      forbidSelfApproval: true',
      '      approvers: [bob]',
    );
    expect(policyWarnings(policy)).toEqual([
      'approvers.channels[0] needs 2 approvals but lists only 1 person; until the channel\'s owners add more with "approvers add", its tasks can never be approved',
    ]);
  });
});

describe('dryRun', () => {
  it('lists only the steps a new policy decides differently, and how', () => {
    const before = policyFrom();
    const after = policyFrom(
      'actions: { deny: ["files.*"] }',
      'rules:',
      '  - id: external',
      '    when: { externalRecipients: true }',
      '    require: { quorum: 2 }',
      'approvers: { default: { approvers: [bob] } }',
    );
    const steps = [
      step({ action: 'mail.search', risk: 'read' }),
      step({ facts: { externalRecipients: true } }),
      step({ action: 'files.share', risk: 'write-external' }),
    ];
    const { changed } = dryRun(before, after, steps);
    expect(changed.map((c) => [c.index, c.differences])).toEqual([
      [1, ['quorum', 'approvers']],
      [2, ['allowed', 'deniedBy', 'approvers']],
    ]);
    expect(changed[0]?.before).toMatchObject({ quorum: 1, approvers: ['alice'] });
    expect(changed[0]?.after).toMatchObject({ quorum: 2, approvers: ['alice', 'bob'] });
    expect(changed[1]?.after).toMatchObject({ allowed: false, deniedBy: 'actions.deny' });
  });

  it('ignores approver changes for steps refused under both policies', () => {
    const before = policyFrom('killSwitch: true');
    const after = policyFrom('killSwitch: true', 'approvers: { default: { quorum: 2, approvers: [bob] } }');
    expect(dryRun(before, after, [step()]).changed).toEqual([]);
  });

  it('reports nothing for the same policy', () => {
    expect(dryRun(DEFAULT_POLICY, DEFAULT_POLICY, [step(), step({ flagged: true })]).changed).toEqual([]);
  });
});
