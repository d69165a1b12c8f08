import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyChainAsync } from '../../src/ledger/verify';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { openPgStore } from '../../src/store/pg-store';
import { PersonalChat, type TeamsUser } from '../http/activities';
import { button, cardText, invokeCard } from '../http/app-harness';
import { ChildApp, freePort } from '../http/child-app';
import { FakeConnector } from '../http/fake-connector';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { RoundRobinProxy } from './round-robin-proxy';

const newSchema = useTestSchemas('multi');
const OUTCOMES = 30;
const SUBJECT = 'unread mail from Contoso';

function user(alias: string): TeamsUser {
  const u = SANDBOX_DIRECTORY.users.find((candidate) => candidate.userPrincipalName.startsWith(`${alias}@`))!;
  return { id: `29:${alias}-teams-id`, name: u.displayName, aadObjectId: u.id, upn: u.userPrincipalName };
}
const REQUESTERS = ['alexw', 'adelev', 'isaiahl'].map(user);

/**
 * Three bot processes on one PostgreSQL database, one sandbox tenant, behind a round-robin
 * proxy. Outcomes arrive through the proxy; every Approve goes to a random instance; one
 * instance is killed with SIGKILL mid-run and restarted, against a tenant that lists new items
 * only after a lag. Every task finishes, every mail is sent exactly once, the ledger is one
 * valid chain.
 */
describeWithPostgres('three instances on one PostgreSQL database', () => {
  const connector = new FakeConnector();
  const dirs: string[] = [];
  const apps: ChildApp[] = [];
  let sandbox: Sandbox;
  let proxy: RoundRobinProxy;
  let schema = '';

  beforeAll(async () => {
    await connector.start();
    const sandboxDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-multi-sandbox-'));
    dirs.push(sandboxDir);
    // Eventually consistent, as Graph is: a send that completes after its instance died is
    // listed only 2 s later, so the instance that reclaims the step may not see it at first.
    sandbox = await startSandbox({ dbPath: path.join(sandboxDir, 'sandbox.db'), port: 0, visibilityLagMs: 2_000 });
    schema = newSchema();
    // The schema is created by whichever instance starts first; they start together.
    for (let i = 0; i < 3; i += 1) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `delegate-multi-${i}-`));
      dirs.push(dir);
      apps.push(
        new ChildApp({
          PORT: String(await freePort()),
          DATA_DIR: dir,
          SANDBOX_GRAPH_URL: sandbox.url,
          DATABASE_URL: TEST_PG_URL,
          DATABASE_SCHEMA: schema,
          DATABASE_POOL_MAX: '4',
          LOG_LEVEL: 'warn',
          WORKER_LEASE_MS: '2000',
          WORKER_POLL_MS: '2000',
          WORKER_CONCURRENCY: '4',
        }),
      );
    }
    await Promise.all(apps.map((app) => app.start()));
    proxy = new RoundRobinProxy(apps.map((app) => app.url));
    await proxy.start();
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.kill();
    await proxy?.stop();
    await sandbox?.close();
    await connector.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const post = async (base: string, activity: Record<string, unknown>): Promise<unknown> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  /** An Approve to a random live instance (a dead one refuses the connection: pick another). */
  const approveAnywhere = async (activity: Record<string, unknown>): Promise<unknown> => {
    for (;;) {
      const app = apps[Math.floor(Math.random() * apps.length)]!;
      try {
        return await post(app.url, activity);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };

  const cardIn = (chat: PersonalChat, text: string, what: string) =>
    connector.waitFor(
      () =>
        connector.cards().find((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes(text)),
      60_000,
      `${what} in ${chat.conversationId}`,
    );

  async function runOutcome(n: number): Promise<void> {
    const chat = new PersonalChat(connector.url, REQUESTERS[n % REQUESTERS.length]);
    await post(proxy.url, chat.message(`Email Megan Bowen a summary of my ${SUBJECT}`));
    const plan = await connector.waitFor(
      () => connector.cards().find((c) => c.call.conversationId === chat.conversationId && c.call.method === 'POST'),
      60_000,
      `plan card ${n}`,
    );
    const approve = button(plan.card, 'Approve');
    invokeCard(await approveAnywhere(chat.invoke(approve.verb, approve.data)));
    const checkpoint = await cardIn(chat, 'Checkpoint', `checkpoint ${n}`).catch((e: unknown) => explain(e, chat));
    const send = button(checkpoint.card, 'Approve');
    invokeCard(await approveAnywhere(chat.invoke(send.verb, send.data)));
    await cardIn(chat, '"Done"', `result ${n}`).catch((e: unknown) => explain(e, chat));
  }

  /** A failed wait, with what the conversation saw, the task's state and the instances' logs. */
  async function explain(error: unknown, chat: PersonalChat): Promise<never> {
    const seen = connector.calls
      .filter((c) => c.conversationId === chat.conversationId)
      .map((c) => `${c.method} ${cardText(c.activity).slice(0, 300)}`);
    const store = await openPgStore(TEST_PG_URL, { schema, readonly: true });
    const tasks = await store.listTasks({ conversationId: chat.conversationId });
    await store.close();
    const states = tasks.map(
      (t) => `${t.id} ${t.status} ${t.plan.steps.map((st) => `${st.action}:${st.status}`).join(' ')}`,
    );
    throw new Error(
      `${String(error)}\n${seen.join('\n')}\n${states.join('\n')}\n${apps.map((a) => a.output.join('')).join('\n')}`,
    );
  }

  it('finishes every task once, with one mail each, across a SIGKILL and restart', async () => {
    let started = 0;
    let restarted: Promise<void> | undefined;
    const victim = apps[1]!;
    const lane = async () => {
      while (started < OUTCOMES) {
        const n = started++;
        if (n === 10 && !restarted) {
          // Mid-run: tasks of the first outcomes are in flight, some on this instance.
          await victim.kill();
          restarted = new Promise((resolve) => setTimeout(resolve, 3_000)).then(() => victim.start());
        }
        await runOutcome(n);
      }
    };
    await Promise.all(Array.from({ length: 5 }, lane));
    await restarted;

    const graph = async (url: string) => {
      const res = await fetch(`${sandbox.url}${url}`, {
        headers: { authorization: 'Bearer sandbox:app', 'x-sandbox-consistency': 'strong' },
      });
      if (!res.ok) throw new Error(`Graph ${url} → ${res.status} ${await res.text()}`);
      return ((await res.json()) as { value: { subject: string }[] }).value;
    };
    const inbox = await graph('/users/meganb@example.com/messages?$top=200');
    expect(inbox.filter((m) => m.subject.includes(SUBJECT))).toHaveLength(OUTCOMES);
    for (const [i, requester] of REQUESTERS.entries()) {
      const sent = await graph(`/users/${requester.upn}/mailFolders/sentitems/messages?$top=200`);
      const expected = Array.from({ length: OUTCOMES }, (_, n) => n).filter((n) => n % REQUESTERS.length === i).length;
      expect(sent.filter((m) => m.subject.includes(SUBJECT))).toHaveLength(expected);
    }

    const store = await openPgStore(TEST_PG_URL, { schema, readonly: true });
    try {
      expect(await store.countTasks({ statuses: ['completed'] })).toBe(OUTCOMES);
      expect(await store.countTasks({})).toBe(OUTCOMES);
      await expect(verifyChainAsync(store.readLedger())).resolves.toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  }, 300_000);
});
