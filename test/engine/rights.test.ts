import { maySee, type Vantage } from '../../src/engine/rights';
import type { Task } from '../../src/engine/model';
import { ALEX, MEGAN_ID, makeHarness } from './harness';

/** Who may see a task, from where: the one rule both Teams edges (typed commands, card clicks) ask. */
describe('maySee', () => {
  let task: Task;
  const DANA = 'aad-dana';
  const from = (actor: string, via: Vantage['via'], conversationId = 'elsewhere', admin?: boolean): Vantage => ({
    actor,
    conversationId,
    via,
    admin,
  });

  beforeAll(async () => {
    const started = await makeHarness().start();
    // Megan approves and Dana follows: the shapes the edges meet in real tasks.
    task = { ...started, approvers: [MEGAN_ID], watchers: [DANA] };
  });

  it('shows a task to anyone in the conversation it lives in, however they ask', () => {
    for (const via of ['shared-chat', 'personal-chat', 'card'] as const)
      expect(maySee(task, from('aad-stranger', via, task.scope.conversationId))).toBe(true);
  });

  it('shows no other conversation’s task to a typed command in a channel or group chat, not even the requester’s', () => {
    expect(maySee(task, from(ALEX.id, 'shared-chat'))).toBe(false);
    expect(maySee(task, from('aad-admin', 'shared-chat', 'elsewhere', true))).toBe(false);
  });

  it('shows the requester’s own task, or any to an admin, in a personal chat; not an approver’s or follower’s', () => {
    expect(maySee(task, from(ALEX.id, 'personal-chat'))).toBe(true);
    expect(maySee(task, from('aad-admin', 'personal-chat', 'elsewhere', true))).toBe(true);
    expect(maySee(task, from(MEGAN_ID, 'personal-chat'))).toBe(false);
    expect(maySee(task, from(DANA, 'personal-chat'))).toBe(false);
    expect(maySee({ ...task, owner: MEGAN_ID }, from(MEGAN_ID, 'personal-chat'))).toBe(true);
  });

  it('shows a clicked card to those involved (requester, owner, approvers, followers) and no one else', () => {
    expect(maySee(task, from(ALEX.id, 'card'))).toBe(true);
    expect(maySee(task, from(MEGAN_ID, 'card'))).toBe(true);
    expect(maySee(task, from(DANA, 'card'))).toBe(true);
    expect(maySee({ ...task, owner: 'aad-owner' }, from('aad-owner', 'card'))).toBe(true);
    expect(maySee(task, from('aad-stranger', 'card'))).toBe(false);
  });
});
