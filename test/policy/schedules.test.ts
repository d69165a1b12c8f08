import { ListCatalogue } from '../../src/engine/fakes';
import type { Task } from '../../src/engine/model';
import { startOnStandingApproval } from '../../src/engine/standing-approval';
import { parsePolicy } from '../../src/policy';
import { FixedGovernance } from '../../src/policy/governance';
import { makeSchedule } from '../store/make-schedule';
import { makeTask } from '../store/make-task';

function governance(text: string): FixedGovernance {
  const parsed = parsePolicy(`version: 1\n${text}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new FixedGovernance(parsed.policy);
}

function problems(text: string): string[] {
  const parsed = parsePolicy(`version: 1\n${text}`);
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('policy: schedules', () => {
  it('defaults: no consequential step covered, hourly at most, anyone in a channel, three failures, run the latest missed', () => {
    expect(governance('').schedules()).toEqual({
      standingApprovalCovers: [],
      standingApprovalDays: 90,
      minIntervalMinutes: 60,
      channelCreators: 'anyone',
      failuresBeforePause: 3,
      catchUp: 'latest',
    });
  });

  it('reads every setting', () => {
    const g = governance(
      [
        'schedules:',
        '  standingApproval: { covers: [write-internal, write-external], expiresAfterDays: 30 }',
        '  minIntervalMinutes: 1440',
        '  channelCreators: approvers',
        '  failuresBeforePause: 5',
        '  catchUp: skip',
      ].join('\n'),
    );
    expect(g.schedules()).toEqual({
      standingApprovalCovers: ['write-internal', 'write-external'],
      standingApprovalDays: 30,
      minIntervalMinutes: 1440,
      channelCreators: 'approvers',
      failuresBeforePause: 5,
      catchUp: 'skip',
    });
  });

  it('refuses what a standing approval can never mean, and bad values, naming each', () => {
    const found = problems(
      [
        'schedules:',
        '  standingApproval: { covers: [read] }',
        '  failuresBeforePause: 0',
        '  channelCreators: everyone',
        '  catchUp: all',
        '  sometimes: true',
      ].join('\n'),
    );
    expect(found.join('\n')).toMatch(/schedules\.standingApproval\.covers\[0\]: must be one of write-internal/);
    expect(found.join('\n')).toMatch(/schedules\.failuresBeforePause: must be at least 1/);
    expect(found.join('\n')).toMatch(/schedules\.channelCreators: must be anyone, approvers or admins/);
    expect(found.join('\n')).toMatch(/schedules\.catchUp: must be latest or skip/);
    expect(found.join('\n')).toMatch(/sometimes/);
  });
});

describe('policy: what a standing approval may cover', () => {
  const send = {
    name: 'mail.send',
    destinations: (input: Record<string, unknown>) =>
      (input.to as string[]).map((value) => ({ kind: 'recipient' as const, value })),
  };
  const catalogue = new ListCatalogue([send as never]);
  const schedule = makeSchedule({
    approval: { by: 'aad-adele', at: '2025-03-03T08:00:00.000Z', revision: 1, expiresAt: '2025-06-01T08:00:00.000Z' },
  });
  const run = (to: string[]): Task => ({
    ...makeTask({ status: 'awaiting_plan_approval' }),
    plan: {
      version: 1,
      createdAt: '2025-03-10T09:00:00.000Z',
      steps: [
        {
          ...makeTask().plan.steps[0]!,
          id: 's1',
          action: 'mail.send',
          input: { to, subject: 'Summary' },
          risk: 'write-internal',
          gate: 'checkpoint',
          status: 'pending',
        },
      ],
    },
  });
  const now = new Date('2025-03-10T09:00:00Z');
  const policy = (covers: ('write-internal' | 'write-external' | 'destructive')[]) => ({
    standingApprovalCovers: covers,
    standingApprovalDays: 90,
    minIntervalMinutes: 60,
    channelCreators: 'anyone' as const,
    failuresBeforePause: 3,
    catchUp: 'latest' as const,
  });

  it('covers the approved action to the approved people when policy lists its risk class', () => {
    const { task, verdict } = startOnStandingApproval(
      run(['meganb@contoso.example']),
      schedule,
      policy(['write-internal']),
      catalogue,
      now,
    );
    expect(verdict.applies).toBe(true);
    expect(task?.status).toBe('running');
    expect(task?.remembered).toEqual([
      expect.objectContaining({ action: 'mail.send', destinations: ['meganb@contoso.example'], by: 'aad-adele' }),
    ]);
  });

  it('covers nothing consequential when policy does not list the risk class', () => {
    const { task } = startOnStandingApproval(
      run(['meganb@contoso.example']),
      schedule,
      policy(['write-external']),
      catalogue,
      now,
    );
    expect(task?.status).toBe('running');
    expect(task?.remembered ?? []).toEqual([]);
  });

  it('does not start a run that sends to someone the approval did not name', () => {
    const { task, verdict } = startOnStandingApproval(
      run(['meganb@contoso.example', 'someone@else.example']),
      schedule,
      policy(['write-internal']),
      catalogue,
      now,
    );
    expect(task).toBeUndefined();
    expect(verdict).toMatchObject({ applies: false, reason: 'plan_differs' });
  });

  it('does not start a run once the approval expired, or when the schedule changed since it was approved', () => {
    const late = new Date('2025-06-02T09:00:00Z');
    expect(
      startOnStandingApproval(run(['meganb@contoso.example']), schedule, policy(['write-internal']), catalogue, late)
        .verdict,
    ).toMatchObject({
      applies: false,
      reason: 'approval_expired',
    });
    expect(
      startOnStandingApproval(
        run(['meganb@contoso.example']),
        { ...schedule, revision: 2 },
        policy(['write-internal']),
        catalogue,
        now,
      ).verdict,
    ).toMatchObject({ applies: false, reason: 'not_approved' });
  });
});
