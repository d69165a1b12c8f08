import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { verifyChainAsync } from '../../src/ledger/verify';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { openPgStore } from '../../src/store/pg-store';
import { PersonalChat, type TeamsUser } from '../../test/http/activities';
import { ChildApp, freePort } from '../../test/http/child-app';
import { FakeConnector } from '../../test/http/fake-connector';
import { RoundRobinProxy } from '../../test/scale/round-robin-proxy';
import type { BenchOptions } from '../options';

/** Tasks completed per second by N instances on one PostgreSQL database. */
export interface InstancesRow {
  readonly instances: number;
  readonly tasks: number;
  readonly seconds: number;
  readonly tasksPerSecond: number;
  /** Ledger entries the instances appended per second meanwhile (every step and card is recorded). */
  readonly ledgerPerSecond: number;
  /** Load average (1 min) at the end of the run. */
  readonly load: number;
}

export interface InstancesResult {
  readonly rows: readonly InstancesRow[];
  /** Ledger entries appended per second by one process, and by three processes at once (one chain). */
  readonly ledger?: { readonly oneProcess: number; readonly threeProcesses: number };
}

const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A request the rule planner plans as reads only: it runs at once, no approval (policy `readOnlyPlan: run`). */
const OUTCOME = 'Find my unread mail from Contoso';
const ROOT = path.resolve(__dirname, '..', '..');

function user(alias: string): TeamsUser {
  const u = SANDBOX_DIRECTORY.users.find((candidate) => candidate.userPrincipalName.startsWith(`${alias}@`))!;
  return { id: `29:${alias}-teams-id`, name: u.displayName, aadObjectId: u.id, upn: u.userPrincipalName };
}
const REQUESTERS = ['alexw', 'adelev', 'isaiahl', 'pattif', 'lynner'].map(user);

/**
 * The default policy but for the request rate limits (20 at once, then 30 a minute per person),
 * which a closed loop of a dozen senders over the sandbox's few people would hit at once: the
 * bench measures the work, not the limiter.
 */
const POLICY = `version: 1
rateLimits:
  perUser: { burst: 100000, perMinute: 1000000 }
  perTenant: { burst: 100000, perMinute: 1000000 }
`;

/**
 * Section `instances` (issue 11): 1, 2 and 3 Delegate processes (`tsx src/index.ts`, as the
 * multi-instance test starts them) on one PostgreSQL schema each run, one sandbox tenant, behind
 * a round-robin proxy. `senders` conversations each send a read-only request, wait for its
 * result card and send the next (a closed loop) until `tasks` have completed; throughput is
 * tasks completed per second, from the first message to the last result card. The ledger must
 * verify after every run. Then the ledger alone: one and three processes appending at once.
 */
export async function instancesSection(options: BenchOptions, log: (line: string) => void): Promise<InstancesResult> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    log(`   PostgreSQL not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')}: section skipped`);
    return { rows: [] };
  }
  const tasks = options.quick ? 24 : 120;
  const senders = 12;
  const rows: InstancesRow[] = [];
  const schemas: string[] = [];
  const connector = new FakeConnector();
  await connector.start();
  const sandboxDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-instances-'));
  const sandbox = await startSandbox({ dbPath: path.join(sandboxDir, 'sandbox.db'), port: 0 });
  const policyFile = path.join(sandboxDir, 'policy.yaml');
  writeFileSync(policyFile, POLICY);
  try {
    for (const instances of [1, 2, 3]) {
      const schema = `bench_instances_${process.pid}_${instances}`;
      schemas.push(schema);
      rows.push(await throughput(instances, schema, sandbox, connector, policyFile, tasks, senders));
      const row = rows.at(-1)!;
      log(
        `   ${instances} instance(s): ${row.tasksPerSecond.toFixed(2)} tasks/s (${row.tasks} in ${row.seconds.toFixed(1)} s), ` +
          `ledger ${row.ledgerPerSecond.toFixed(0)} entries/s, load ${row.load.toFixed(1)}`,
      );
    }
    const schema = `bench_ledger_${process.pid}`;
    schemas.push(schema);
    const ms = options.quick ? 2_000 : 5_000;
    const oneProcess = await appendRate(1, schema, ms);
    const threeProcesses = await appendRate(3, schema, ms);
    log(
      `   ledger appends: ${oneProcess.toFixed(0)}/s from one process, ${threeProcesses.toFixed(0)}/s from three at once`,
    );
    return { rows, ledger: { oneProcess, threeProcesses } };
  } finally {
    await sandbox.close();
    await connector.stop();
    rmSync(sandboxDir, { recursive: true, force: true });
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

async function throughput(
  instances: number,
  schema: string,
  sandbox: Sandbox,
  connector: FakeConnector,
  policyFile: string,
  tasks: number,
  senders: number,
): Promise<InstancesRow> {
  const dirs: string[] = [];
  const apps: ChildApp[] = [];
  let proxy: RoundRobinProxy | undefined;
  try {
    for (let i = 0; i < instances; i += 1) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `delegate-bench-instance-${i}-`));
      dirs.push(dir);
      apps.push(
        new ChildApp({
          PORT: String(await freePort()),
          DATA_DIR: dir,
          SANDBOX_GRAPH_URL: sandbox.url,
          DATABASE_URL: PG_URL,
          DATABASE_SCHEMA: schema,
          DATABASE_POOL_MAX: '4',
          LOG_LEVEL: 'warn',
          WORKER_CONCURRENCY: '4',
          POLICY_FILE: policyFile,
        }),
      );
    }
    // One first, so that the others find the schema migrated (they would wait on its lock anyway).
    await apps[0]!.start();
    await Promise.all(apps.slice(1).map((app) => app.start()));
    proxy = new RoundRobinProxy(apps.map((app) => app.url));
    await proxy.start();
    const done = new ResultCards(connector);
    // Warm-up: one task per instance (module loading, connections, the first plans).
    await Promise.all(
      apps.map((_, i) => runOne(proxy!, done, new PersonalChat(connector.url, REQUESTERS[i % REQUESTERS.length]!))),
    );
    const store = await openPgStore(PG_URL, { schema, readonly: true });
    const ledgerBefore = await lastSeq(store);
    let started = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: senders }, async (_, lane) => {
        const chat = new PersonalChat(connector.url, REQUESTERS[lane % REQUESTERS.length]!);
        while (started < tasks) {
          started += 1;
          await runOne(proxy!, done, chat);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const ledgerAfter = await lastSeq(store);
    const verified = await verifyChainAsync(store.readLedger());
    const completed = await store.countTasks({ statuses: ['completed'] });
    const all = await store.countTasks({});
    await store.close();
    if (!verified.ok) throw new Error(`the ledger does not verify after ${instances} instance(s)`);
    if (completed !== all) throw new Error(`${all - completed} of ${all} tasks did not complete`);
    return {
      instances,
      tasks,
      seconds,
      tasksPerSecond: tasks / seconds,
      ledgerPerSecond: (ledgerAfter - ledgerBefore) / seconds,
      load: os.loadavg()[0] ?? 0,
    };
  } finally {
    await proxy?.stop();
    for (const app of apps) await app.terminate().catch(() => app.kill());
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** Send the request in `chat` through the proxy and wait for its task's result card. */
async function runOne(proxy: RoundRobinProxy, done: ResultCards, chat: PersonalChat): Promise<void> {
  const before = done.count(chat.conversationId);
  const res = await fetch(`${proxy.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(chat.message(OUTCOME)),
  });
  await res.text();
  if (!res.ok) throw new Error(`message answered ${res.status}`);
  await done.waitFor(chat.conversationId, before + 1);
}

/**
 * Result cards ("Done") per conversation, counted as the connector records them, reading only
 * calls not seen before (the connector's own waitFor rescans every call on every call).
 */
class ResultCards {
  private seen = 0;
  private readonly counts = new Map<string, number>();
  constructor(private readonly connector: FakeConnector) {}

  count(conversationId: string): number {
    this.scan();
    return this.counts.get(conversationId) ?? 0;
  }

  async waitFor(conversationId: string, n: number, ms = 120_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.count(conversationId) < n) {
      if (Date.now() > deadline) throw new Error(`no result card in ${conversationId} within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private scan(): void {
    const calls = this.connector.calls;
    for (; this.seen < calls.length; this.seen += 1) {
      const call = calls[this.seen]!;
      if (JSON.stringify(call.activity.attachments ?? []).includes('"Done"')) {
        this.counts.set(call.conversationId, (this.counts.get(call.conversationId) ?? 0) + 1);
      }
    }
  }
}

async function lastSeq(store: Awaited<ReturnType<typeof openPgStore>>): Promise<number> {
  let seq = 0;
  for (let page = await store.listLedger({ limit: 1000 }); page.length > 0;) {
    seq = page.at(-1)!.seq;
    page = await store.listLedger({ afterSeq: seq, limit: 1000 });
  }
  return seq;
}

/** Ledger entries appended per second by `processes` processes at once, each on its own pool. */
async function appendRate(processes: number, schema: string, ms: number): Promise<number> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const children = Array.from({ length: processes }, (_, i) =>
    spawn(tsx, [path.join(__dirname, 'ledger-appender.ts'), PG_URL, schema, `p${i}`, String(ms)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map((child) => {
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    return {
      ready: new Promise<void>((resolve) => {
        const check = (): void => {
          if (text.includes('ready\n')) resolve();
          else setTimeout(check, 20);
        };
        check();
      }),
      exit: new Promise<number>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0 ? resolve(Number(text.split('\n').filter(Boolean).at(-1))) : reject(new Error(`appender ${code}`)),
        ),
      ),
    };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const child of children) child.stdin.write('go\n');
  const counts = await Promise.all(outputs.map((o) => o.exit));
  const store = await openPgStore(PG_URL, { schema, readonly: true });
  const verified = await verifyChainAsync(store.readLedger());
  await store.close();
  if (!verified.ok) throw new Error('the ledger does not verify after concurrent appends');
  return counts.reduce((a, b) => a + b, 0) / (ms / 1000);
}
