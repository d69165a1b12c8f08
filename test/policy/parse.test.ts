import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePolicy, type ParseResult, type PolicyError } from '../../src/policy';

function errorsOf(result: ParseResult): readonly PolicyError[] {
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
}

describe('parsePolicy: good files', () => {
  it('fills every default from a minimal file', () => {
    const result = parsePolicy('version: 1\n', 'min.yaml');
    expect(result).toMatchObject({ ok: true, source: 'min.yaml' });
    if (!result.ok) return;
    expect(result.policy).toEqual({
      version: 1,
      killSwitch: false,
      actions: { allow: ['*'], deny: [], destructive: false },
      checkpoints: {
        read: false,
        readOnlyPlan: 'run',
        singleStepPlan: 'merge',
        compose: false,
        'write-internal': true,
        'write-external': true,
        destructive: true,
      },
      rules: [],
      approvers: { default: { quorum: 1, forbidSelfApproval: false, approvers: [] }, channels: [] },
      expiry: {
        checkpointMinutes: 1440,
        remindAfterMinutes: 240,
        escalateTo: [],
        onExpiry: {
          read: 'reject',
          compose: 'reject',
          'write-internal': 'reject',
          'write-external': 'reject',
          destructive: 'reject',
        },
      },
      budgets: {},
      admins: [],
      rateLimits: { perUser: { burst: 20, perMinute: 30 }, perTenant: { burst: 300, perMinute: 1200 } },
      rememberDecisions: { acrossTasks: false },
      sharedCards: { groupChat: 'summary', channel: 'summary', channels: [] },
      schedules: {
        standingApproval: { covers: [], expiresAfterDays: 90 },
        minIntervalMinutes: 60,
        channelCreators: 'anyone',
        failuresBeforePause: 3,
        catchUp: 'latest',
      },
    });
  });

  it('reads the full commented sample in docs/', () => {
    const text = readFileSync(path.join(__dirname, '../../docs/policy.example.yaml'), 'utf8');
    const result = parsePolicy(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { policy } = result;
    expect(policy.actions.deny).toEqual(['files.delete']);
    expect(policy.rules.map((r) => r.id)).toEqual([
      'external-recipients',
      'big-audience',
      'channel-audience',
      'attachments',
      'sharing-links',
      'untrusted-content',
      'mass-mail',
    ]);
    expect(policy.rules[0]?.require).toEqual({ checkpoint: true, quorum: 2, forbidSelfApproval: true });
    expect(policy.approvers.channels[0]).toMatchObject({
      quorum: 2,
      forbidSelfApproval: true,
      match: { channelId: '19:finance@thread.tacv2' },
    });
    expect(policy.expiry.onExpiry.destructive).toBe('reject');
    expect(policy.budgets).toEqual({
      tasksPerUserPerDay: 50,
      stepsPerTask: 20,
      modelTokensPerUserPerDay: 200000,
      modelTokensPerTenantPerDay: 5000000,
    });
  });

  it('accepts approve on expiry for read and compose only, per risk class', () => {
    const result = parsePolicy(
      'version: 1\nexpiry:\n  onExpiry: { read: approve, compose: approve, write-internal: cancel }\n',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.policy.expiry.onExpiry).toEqual({
      read: 'approve',
      compose: 'approve',
      'write-internal': 'cancel',
      'write-external': 'reject',
      destructive: 'reject',
    });
  });

  it('gives a rule without require a checkpoint', () => {
    const result = parsePolicy('version: 1\nrules:\n  - id: r\n    when: { hasAttachments: true }\n');
    expect(result.ok && result.policy.rules[0]?.require).toEqual({ checkpoint: true });
  });
});

describe('parsePolicy: bad files point at line and column', () => {
  it('reports YAML syntax errors', () => {
    expect(errorsOf(parsePolicy('version: 1\nactions:\n  allow: [mail.*\n'))).toEqual([
      { line: 4, column: 1, path: '(yaml)', message: expect.stringMatching(/flow sequence/i) },
    ]);
  });

  it('reports duplicate keys as syntax errors', () => {
    expect(errorsOf(parsePolicy('version: 1\nkillSwitch: false\nkillSwitch: true\n'))).toEqual([
      { line: 3, column: 1, path: '(yaml)', message: 'Map keys must be unique' },
    ]);
  });

  it('reports an unknown key at the key', () => {
    expect(errorsOf(parsePolicy('version: 1\ncheckpoints:\n  write-external: true\n  destructiv: true\n'))).toEqual([
      { line: 4, column: 3, path: 'checkpoints.destructiv', message: 'unknown key "destructiv"' },
    ]);
  });

  it('reports a wrong type at the value, naming what it got', () => {
    expect(errorsOf(parsePolicy('version: 1\nkillSwitch: yes\n'))).toEqual([
      { line: 2, column: 13, path: 'killSwitch', message: 'expected boolean, got the text "yes"' },
    ]);
  });

  it('refuses onExpiry approve, which would run destructive steps nobody approved', () => {
    expect(errorsOf(parsePolicy('version: 1\nexpiry:\n  onExpiry: approve\n'))).toEqual([
      { line: 3, column: 13, path: 'expiry.onExpiry', message: expect.stringContaining('approve is refused') },
    ]);
    expect(
      errorsOf(parsePolicy('version: 1\nexpiry:\n  onExpiry:\n    read: approve\n    destructive: approve\n')),
    ).toEqual([
      {
        line: 5,
        column: 18,
        path: 'expiry.onExpiry.destructive',
        message: 'approve is refused for destructive: a consequential step never runs because nobody answered',
      },
    ]);
  });

  it('refuses quorum 0', () => {
    expect(
      errorsOf(
        parsePolicy('version: 1\nrules:\n  - id: r\n    when: { sharingLink: true }\n    require: { quorum: 0 }\n'),
      ),
    ).toEqual([{ line: 5, column: 24, path: 'rules[0].require.quorum', message: 'must be at least 1' }]);
  });

  it('refuses duplicate rule ids at the second one, even when another rule is broken too', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - id: same',
      '    when: { hasAttachments: true }',
      '  - id: same',
      '    when: { hasAttachments: 1 }',
      '',
    ].join('\n');
    expect(errorsOf(parsePolicy(text))).toEqual([
      { line: 5, column: 9, path: 'rules[1].id', message: 'duplicate rule id "same"' },
      {
        line: 6,
        column: 29,
        path: 'rules[1].when.hasAttachments',
        message: expect.stringContaining('only true is meaningful'),
      },
    ]);
  });

  it('lists every problem at once, in text order', () => {
    const text = [
      'version: 2', //                      1
      'killSwitch: "no"', //                2
      'colour: blue', //                    3
      'approvers:', //                      4
      '  channels:', //                     5
      '    - match: {}', //                 6
      '      quorum: 0', //                 7
      '      approvers: [a]', //            8
      'expiry: { checkpointMinutes: 60, remindAfterMinutes: 90 }', // 9
      '',
    ].join('\n');
    expect(errorsOf(parsePolicy(text))).toEqual([
      { line: 1, column: 10, path: 'version', message: 'must be 1 (the only policy version)' },
      { line: 2, column: 13, path: 'killSwitch', message: 'expected boolean, got the text "no"' },
      { line: 3, column: 1, path: 'colour', message: 'unknown key "colour"' },
      { line: 6, column: 14, path: 'approvers.channels[0].match', message: 'needs channelId or channelName' },
      { line: 7, column: 15, path: 'approvers.channels[0].quorum', message: 'must be at least 1' },
      { line: 9, column: 54, path: 'expiry.remindAfterMinutes', message: 'must be less than checkpointMinutes (60)' },
    ]);
  });

  it('points a missing version at the document', () => {
    expect(errorsOf(parsePolicy('# comment\nkillSwitch: true\n'))).toEqual([
      { line: 2, column: 1, path: 'version', message: 'is required and must be 1 (the only policy version)' },
    ]);
  });

  it('refuses an empty file and a list', () => {
    expect(errorsOf(parsePolicy(''))).toEqual([
      { line: 1, column: 1, path: '(root)', message: expect.stringContaining('must be a YAML mapping') },
    ]);
    expect(errorsOf(parsePolicy('- version: 1\n'))[0]).toMatchObject({ line: 1, column: 1, path: '(root)' });
  });

  it('refuses bad globs, principals and empty conditions', () => {
    const text = [
      'version: 1',
      'actions: { deny: ["files delete"] }',
      'admins: ["group:"]',
      'rules:',
      '  - id: r',
      '    when: {}',
      '',
    ].join('\n');
    expect(errorsOf(parsePolicy(text)).map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual([
      '2:19 actions.deny[0]',
      '3:10 admins[0]',
      '6:11 rules[0].when',
    ]);
  });
});
