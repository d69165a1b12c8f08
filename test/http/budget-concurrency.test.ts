import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Planner } from '../../src/engine/ports';
import { ALEX, PersonalChat } from './activities';
import { startApp, type RunningApp } from './app-harness';

/** A planner that takes its time, as a model does: every request is in planning at once. */
const slowPlanner: Planner = {
  plan: async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { kind: 'question', question: 'Which report do you mean?' };
  },
};

describe('HTTP: the tasks-per-day budget holds under concurrency', () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-budget-'));
    const file = path.join(dir, 'policy.yaml');
    // Rate limits generous enough not to be what stops the burst: the budget must.
    writeFileSync(
      file,
      'version: 1\nbudgets:\n  tasksPerUserPerDay: 5\nrateLimits:\n  perUser: { burst: 100, perMinute: 100 }\n',
    );
    run = await startApp({ POLICY_FILE: file }, { planner: slowPlanner });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('30 concurrent outcomes from one person create exactly 5 tasks; the others are told why', async () => {
    // One conversation each: in one conversation a message that follows the planner's question
    // would answer it (a follow-up) rather than start a task of its own.
    const chats = Array.from({ length: 30 }, () => new PersonalChat(run.connector.url));
    const statuses = await Promise.all(
      chats.map((chat, i) => run.post(chat.message(`Prepare report number ${i + 1}`))),
    );
    expect(statuses.every((s) => s.status === 200)).toBe(true);
    await expect(run.app.store.countTasks({ requesterId: ALEX.aadObjectId })).resolves.toBe(5);
    const ours = new Set(chats.map((chat) => chat.conversationId));
    const replies = await run.connector.waitFor(() => {
      const mine = run.connector.calls.filter((c) => ours.has(c.conversationId));
      return mine.length >= 30 && mine;
    });
    const refusals = replies.filter((c) =>
      /most your organisation's policy allows per day/.test(JSON.stringify(c.activity)),
    );
    expect(refusals).toHaveLength(25);
  });
});
