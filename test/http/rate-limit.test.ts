import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Planner } from '../../src/engine/ports';
import { ALEX, MEGAN, PersonalChat } from './activities';
import { startApp, type RunningApp } from './app-harness';

const planner: Planner = { plan: async () => ({ kind: 'question', question: 'Which report do you mean?' }) };

describe('HTTP: rate limits', () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-rate-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, 'version: 1\nrateLimits:\n  perUser: { burst: 3, perMinute: 1 }\n');
    run = await startApp({ POLICY_FILE: file }, { planner });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a burst through, then asks the sender to slow down; other people are unaffected', async () => {
    const chat = new PersonalChat(run.connector.url);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => run.post(chat.message(`Prepare report number ${i + 1}`))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    await expect(run.app.store.countTasks({ requesterId: ALEX.aadObjectId })).resolves.toBe(3);
    const replies = await run.connector.waitFor(() => {
      const mine = run.connector.calls.filter((c) => c.conversationId === chat.conversationId);
      return mine.length >= 8 && mine;
    });
    const slowDown = replies.filter((c) =>
      /Please slow down and try again in \d+ seconds?/.test(c.activity.text ?? ''),
    );
    expect(slowDown).toHaveLength(5);

    const megan = new PersonalChat(run.connector.url, MEGAN);
    await run.post(megan.message('Prepare the quarterly report'));
    await expect(run.app.store.countTasks({ requesterId: MEGAN.aadObjectId })).resolves.toBe(1);
  });
});

describe('HTTP: work queued per instance is bounded', () => {
  it('answers 503 with Retry-After when every slot is busy, instead of queueing without limit', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Planner = {
      plan: async () => {
        await gate;
        return { kind: 'question', question: 'Which one?' };
      },
    };
    const run = await startApp({ MAX_INFLIGHT_ACTIVITIES: '2' }, { planner: slow });
    try {
      const chat = new PersonalChat(run.connector.url);
      const busy = [run.post(chat.message('Prepare report one')), run.post(chat.message('Prepare report two'))];
      await new Promise((resolve) => setTimeout(resolve, 300));
      const res = await fetch(`${run.app.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chat.message('Prepare report three')),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      release();
      expect((await Promise.all(busy)).map((a) => a.status)).toEqual([200, 200]);
      await expect(run.post(chat.message('Prepare report four'))).resolves.toMatchObject({ status: 200 });
    } finally {
      release();
      await run.stop();
    }
  });
});
