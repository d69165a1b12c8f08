import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { TASK_STATUSES, type Task } from '../src/engine/model';
import { createApp } from '../src/index';
import { SANDBOX_DIRECTORY } from '../src/sandbox';
import { openSqliteStore } from '../src/store/sqlite-store';
import { pinnedClock } from '../test/support/clock';
import { makeTask } from '../test/store/make-task';
import { summarise } from './stats';

/**
 * `npm run bench:tab` (`--quick` for fewer samples): the Tasks tab's API answers at 1,000 and at
 * 10,000 stored tasks (SQLite, local mode, the real HTTP server), each request fresh (no ETag).
 * Budget (issue #13): p99 of the lists under 100 ms at 10,000 tasks; the ratio to 1,000 says how
 * they grow. A report, not a test: it exits 0 whatever the numbers.
 */
const ALEX = SANDBOX_DIRECTORY.users.find((u) => u.userPrincipalName.startsWith('alexw@'))!;
const SIZES = [1_000, 10_000] as const;
const BUDGET_MS = 100;
const TITLES = ['Summarise Contoso mail', 'Book the quarterly review', 'Send the Fabrikam recap', 'Share the plan'];

interface Row {
  readonly name: string;
  readonly p50: number[];
  readonly p99: number[];
}

async function main(): Promise<void> {
  const samples = process.argv.includes('--quick') ? 60 : 300;
  const endpoints: [string, string][] = [
    ['waiting for me', '/api/tab/waiting'],
    ['my tasks (newest 50, counts)', '/api/tab/tasks'],
    ['my tasks, searched and filtered', '/api/tab/tasks?q=fabrikam&status=completed,failed'],
    ['a task page', ''],
  ];
  const rows: Row[] = endpoints.map(([name]) => ({ name, p50: [], p99: [] }));
  for (const size of SIZES) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-tab-'));
    try {
      const someTask = await seed(path.join(dir, 'delegate.db'), size);
      const config = loadConfig({ PORT: '0', SANDBOX_GRAPH_PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'silent' });
      const app = await createApp(config, { clock: pinnedClock() });
      try {
        const signIn = await fetch(`${app.server.url}/api/tab/local/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ personId: ALEX.id }),
        });
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        for (const [i, [, url]] of endpoints.entries()) {
          const target = `${app.server.url}${url || `/api/tab/tasks/${someTask}`}`;
          const times: number[] = [];
          for (let n = 0; n < samples + 10; n += 1) {
            const start = process.hrtime.bigint();
            const res = await fetch(target, { headers: { cookie } });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${target} → ${res.status}`);
            if (n >= 10) times.push(Number(process.hrtime.bigint() - start) / 1e6);
          }
          const s = summarise(times);
          rows[i]!.p50.push(s.p50);
          rows[i]!.p99.push(s.p99);
        }
      } finally {
        await app.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`Tasks tab API, ${samples} requests each, p50 / p99 in ms (SQLite, local mode)`);
  console.log(
    ['endpoint'.padEnd(34), ...SIZES.map((s) => `${s} tasks`.padStart(18)), 'p99 ratio'.padStart(11), '  budget'].join(
      '',
    ),
  );
  for (const row of rows) {
    const cells = SIZES.map((_, i) => `${row.p50[i]!.toFixed(1)} / ${row.p99[i]!.toFixed(1)}`.padStart(18));
    const ratio = row.p99[1]! / row.p99[0]!;
    const ok = row.p99[1]! < BUDGET_MS ? 'ok' : `over ${BUDGET_MS} ms`;
    console.log([row.name.padEnd(34), ...cells, `${ratio.toFixed(2)}×`.padStart(11), `  ${ok}`].join(''));
  }
}

/**
 * `size` tasks among 100 people; Alex requested one in ten and approves one in fifty of the
 * others; statuses cycle through every one. Returns one of Alex's task ids.
 */
async function seed(file: string, size: number): Promise<string> {
  const store = await openSqliteStore(file);
  let alexTask = '';
  try {
    for (let i = 0; i < size; i += 1) {
      const mine = i % 10 === 0;
      const requester = mine
        ? { id: ALEX.id, name: ALEX.displayName }
        : { id: `person-${i % 100}`, name: `Person ${i % 100}` };
      const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      const task: Task = makeTask({
        id: `B${String(i).padStart(6, '0')}`,
        title: `${TITLES[i % TITLES.length]} ${i}`,
        requester,
        owner: requester.id,
        approvers: !mine && i % 50 === 1 ? [ALEX.id] : [],
        status: TASK_STATUSES[i % TASK_STATUSES.length],
        scope: { kind: 'personal', conversationId: `conv-${requester.id}` },
        createdAt,
        updatedAt: createdAt,
      });
      await store.createTask(task);
      if (mine) alexTask = task.id;
    }
  } finally {
    await store.close();
  }
  return alexTask;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
