import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../scripts/policy';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeStep, makeTask } from '../store/make-task';
import { TEST_NOW } from '../support/clock';

/** A send to someone outside, a send inside, and a read, in two recent tasks and one old one. */
async function seed(db: string): Promise<string[]> {
  const store = await openSqliteStore(db);
  const now = TEST_NOW.getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  const external = makeTask({
    createdAt: at(1),
    updatedAt: at(1),
    plan: {
      version: 1,
      createdAt: at(1),
      steps: [
        makeStep({
          id: 's1',
          action: 'mail.send',
          risk: 'write-external',
          gate: 'checkpoint',
          input: { to: ['dana@contoso.com'], subject: 'Hi', body: 'x' },
          flags: [{ code: 'external_recipient', message: 'outside' }],
        }),
      ],
    },
  });
  const internal = makeTask({
    createdAt: at(2),
    updatedAt: at(2),
    plan: {
      version: 1,
      createdAt: at(2),
      steps: [
        makeStep({ id: 's1' }),
        makeStep({
          id: 's2',
          action: 'mail.send',
          risk: 'write-internal',
          gate: 'checkpoint',
          input: { to: ['meganb@example.com'], subject: 'Hi', body: 'x' },
        }),
      ],
    },
  });
  const old = makeTask({
    createdAt: at(30),
    updatedAt: at(30),
    plan: {
      version: 1,
      createdAt: at(30),
      steps: [
        makeStep({
          id: 's1',
          action: 'mail.send',
          risk: 'write-external',
          gate: 'checkpoint',
          input: { to: ['x@contoso.com'], subject: 'Hi', body: 'x' },
        }),
      ],
    },
  });
  for (const task of [external, internal, old]) await store.createTask(task);
  await store.close();
  return [external.id, internal.id, old.id];
}

describe('policy dry-run over stored tasks', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-dryrun-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists exactly the recent steps a new policy decides differently, and how', async () => {
    const db = path.join(dir, 'tasks.db');
    const [external, internal, old] = await seed(db);
    const files: Record<string, string> = {
      'new.yaml':
        'version: 1\nrules:\n  - id: external-two\n    when: { externalRecipients: true }\n    require: { quorum: 2, forbidSelfApproval: true }\nactions: { deny: ["mail.search"] }\napprovers: { default: { approvers: [a, b] } }\n',
    };
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['dry-run', 'new.yaml', '--db', db, '--days', '7'], {
      readFile: (f) => files[f] ?? '',
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      now: () => TEST_NOW,
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^task ${external} step s1 \\(mail\\.send\\): quorum 1 → 2; the requester may no longer approve`),
        ),
        `task ${internal} step s1 (mail.search): refused by actions.deny`,
        `task ${internal} step s2 (mail.send): approvers 1 → 3`,
      ]),
    );
    expect(out).toHaveLength(4);
    expect(out.join('\n')).not.toContain(old!);
    expect(out.at(-1)).toMatch(
      /^\d+ of 3 steps in 2 tasks from the last 7 days would be decided differently by new\.yaml\.$/,
    );
  });
});
