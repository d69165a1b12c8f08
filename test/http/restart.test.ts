import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PersonalChat } from './activities';
import { button, cardText, invokeCard } from './app-harness';
import { ChildApp, freePort } from './child-app';
import { FakeConnector } from './fake-connector';

describe('HTTP: a process killed mid-step', () => {
  const connector = new FakeConnector();
  let dataDir = '';
  const apps: ChildApp[] = [];
  beforeAll(async () => {
    await connector.start();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-restart-'));
  });
  afterAll(async () => {
    for (const app of apps) await app.kill();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Kill the app while its send is held in flight, restart it, and count the mails. With a lag
   * (`SANDBOX_GRAPH_LAG_MS`), lists show the draft only `lagMs` after it was made (persisted
   * with the tenant), so the restarted app's first look for it can miss it.
   */
  async function killMidSendAndRestart(lagMs: number): Promise<void> {
    connector.calls.length = 0; // each run reads only its own cards
    const env = {
      PORT: String(await freePort()),
      SANDBOX_GRAPH_PORT: String(await freePort()),
      DATA_DIR: path.join(dataDir, `lag-${lagMs}`),
      LOG_LEVEL: 'warn',
      WORKER_LEASE_MS: '2000',
      WORKER_POLL_MS: '100',
      SANDBOX_GRAPH_LAG_MS: String(lagMs),
    };
    const graph = `http://127.0.0.1:${env.SANDBOX_GRAPH_PORT}`;
    const first = new ChildApp(env);
    apps.push(first);
    await first.start();
    const post = async (activity: Record<string, unknown>) => {
      const res = await fetch(`${first.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    };
    const chat = new PersonalChat(connector.url);
    await post(chat.message('Email Megan Bowen a summary of my unread mail from Contoso'));
    const plan = await connector.waitFor(
      () => connector.cards().find((c) => c.call.method === 'POST'),
      20_000,
      'plan card',
    );
    const approve = button(plan.card, 'Approve');
    invokeCard(await post(chat.invoke(approve.verb, approve.data)));
    const checkpoint = await connector.waitFor(
      () => connector.cards().find((c) => c.call.method === 'POST' && cardText(c.card).includes('Checkpoint')),
      20_000,
      'checkpoint',
    );

    // Hold the send in flight, then kill the process while it waits.
    const fault = await fetch(`${graph}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 20_000, count: 1, pathContains: '/send' }),
    });
    expect(fault.ok).toBe(true);
    const go = button(checkpoint.card, 'Approve');
    invokeCard(await post(chat.invoke(go.verb, go.data)));
    const drafts = async () => {
      const res = await fetch(`${graph}/v1.0/users/alexw@example.com/mailFolders/drafts/messages?$top=50`, {
        headers: { authorization: 'Bearer sandbox:app', 'x-sandbox-consistency': 'strong' },
      });
      const page = (await res.json()) as { value: { subject: string }[] };
      return page.value.filter((m) => m.subject.includes('unread mail from Contoso'));
    };
    const deadline = Date.now() + 15_000;
    while ((await drafts()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await drafts()).toHaveLength(1);
    await first.kill();

    const second = new ChildApp(env);
    apps.push(second);
    await second.start();
    await connector.waitFor(
      () => connector.cards().find((c) => cardText(c.card).includes('"Done"')),
      // Lease expiry, a start-up and the reconcile's looking again: generous for a loaded machine.
      45_000,
      'result card after restart',
    );
    const inbox = await fetch(`${graph}/v1.0/users/meganb@example.com/messages?$top=200`, {
      headers: { authorization: 'Bearer sandbox:app', 'x-sandbox-consistency': 'strong' },
    });
    const mails = ((await inbox.json()) as { value: { subject: string }[] }).value.filter((m) =>
      m.subject.includes('unread mail from Contoso'),
    );
    expect(mails).toHaveLength(1);
    expect(await drafts()).toHaveLength(0);
    await second.kill();
  }

  it('finishes the task after a restart with exactly one mail sent', () => killMidSendAndRestart(0), 150_000);

  it(
    'still sends exactly one mail when the tenant lists new items only 9 s after they were made',
    () => killMidSendAndRestart(9_000),
    150_000,
  );

  it('shuts down cleanly on SIGTERM', async () => {
    const app = new ChildApp({
      PORT: String(await freePort()),
      SANDBOX_GRAPH_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    apps.push(app);
    await app.start();
    expect(await app.terminate()).toBe(0);
    const log = app.output.join('');
    expect(log).toContain('local mode on 127.0.0.1 only');
    expect(log).toContain('shutting down');
  }, 60_000);
});
