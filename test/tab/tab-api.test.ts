import http from 'node:http';
import { ALEX, MEGAN, PersonalChat } from '../http/activities';
import { cardText, startApp, type RunningApp } from '../http/app-harness';
import { checkpointCard, click, mailsWithSubject, planFor, resultCard } from '../http/flow-helpers';
import { TabClient, type Waiting } from './tab-client';

const OUTCOME = 'Email Megan Bowen a summary of my unread mail from Contoso';

/**
 * The Tasks tab's API in local mode, against the running bot: the checkpoint is made through
 * genuine Teams activities posted to /api/messages, then read and decided through the tab.
 */
describe('Tasks tab API (local mode)', () => {
  let run: RunningApp;
  let alex: TabClient;
  let megan: TabClient;
  let chat: PersonalChat;
  let waiting: Waiting;
  let checkpointActivityId = '';

  beforeAll(async () => {
    run = await startApp();
    alex = new TabClient(run.app.server.url);
    megan = new TabClient(run.app.server.url);
    expect(await alex.signIn(ALEX.aadObjectId)).toBe(200);
    expect(await megan.signIn(MEGAN.aadObjectId)).toBe(200);
    chat = new PersonalChat(run.connector.url, ALEX);
    const plan = await planFor(run, chat, OUTCOME);
    await click(run, chat, plan, 'Approve');
    checkpointActivityId = (await checkpointCard(run, chat)).call.activityId;
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('refuses every call without a sign-in, with a forged session, or with a token in local mode', async () => {
    const anonymous = new TabClient(run.app.server.url);
    for (const path of ['/api/tab/me', '/api/tab/waiting', '/api/tab/tasks', '/api/tab/schedules'])
      expect((await anonymous.get(path)).status).toBe(401);
    const forged = new TabClient(run.app.server.url);
    // Megan's session with Alex's id put in: the signature no longer matches.
    const [name, value] = megan.sessionCookie.split('=') as [string, string];
    const [body, signature] = value.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const swapped = Buffer.from(JSON.stringify({ ...claims, sub: ALEX.aadObjectId })).toString('base64url');
    forged.sessionCookie = `${name}=${swapped}.${signature}`;
    expect((await forged.get('/api/tab/waiting')).status).toBe(401);
    expect((await new TabClient(run.app.server.url, 'a.b.c').get('/api/tab/waiting')).status).toBe(401);
    // A person who is not in the directory cannot be signed in as.
    expect(await new TabClient(run.app.server.url).signIn('not-a-person')).toBe(403);
  });

  it('answers only to loopback host names, so no web page can reach it by DNS rebinding', async () => {
    // fetch() will not send another Host header; node:http does, as a rebinding browser would.
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(
          `${run.app.server.url}/api/tab/waiting`,
          { headers: { host, cookie: alex.sessionCookie } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
      });
    await expect(status('attacker.example:3978')).resolves.toBe(403);
    await expect(status(`localhost:${run.app.server.port}`)).resolves.toBe(200);
  });

  it("shows Alex the checkpoint waiting for him, with the card's exact preview", async () => {
    const me = await alex.get('/api/tab/me');
    expect(me.body).toEqual({ id: ALEX.aadObjectId, name: ALEX.name });
    const res = await alex.get<{ items: Waiting[] }>('/api/tab/waiting');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    waiting = res.body.items[0]!;
    expect(waiting.preview.kind).toBe('checkpoint');
    expect(JSON.stringify(waiting.preview)).toContain('meganb@example.com');
    // Every fact the tab shows is on the chat's checkpoint card, as the card says it.
    const card = run.connector.cards().find((c) => c.call.activityId === checkpointActivityId)!.card;
    for (const fact of waiting.preview.facts ?? []) expect(cardText(card)).toContain(JSON.stringify(fact.value));
    // Unchanged since: the tab's poll costs a 304.
    const again = await alex.request('GET', '/api/tab/waiting', undefined, {
      'if-none-match': (await alex.request('GET', '/api/tab/waiting')).headers.get('etag') ?? '',
    });
    expect(again.status).toBe(304);
  });

  it("does not show Megan Alex's personal task, nor let her read or decide it through any endpoint", async () => {
    const { taskId } = waiting;
    expect((await megan.get<{ items: Waiting[] }>('/api/tab/waiting')).body.items).toEqual([]);
    const list = await megan.get<{ tasks: { id: string }[]; total: number }>('/api/tab/tasks');
    expect(list.body.tasks.map((t) => t.id)).not.toContain(taskId);
    expect((await megan.get(`/api/tab/tasks/${taskId}`)).status).toBe(404);
    const decide = await megan.post(`/api/tab/tasks/${taskId}/decide`, {
      verb: 'approve',
      planVersion: waiting.planVersion,
      stepId: waiting.stepId,
      previewHash: waiting.previewHash,
    });
    expect(decide.status).toBe(404);
    // Identity never comes from the body: naming Alex there is refused as a bad request.
    const impersonating = await megan.post(`/api/tab/tasks/${taskId}/decide`, {
      verb: 'approve',
      planVersion: waiting.planVersion,
      stepId: waiting.stepId,
      previewHash: waiting.previewHash,
      actor: ALEX.aadObjectId,
    });
    expect(impersonating.status).toBe(400);
    // Nothing changed, and the refusals are on the task's ledger, by Megan.
    const task = await run.app.engine.getTask(taskId);
    expect(task.status).toBe('awaiting_checkpoint');
    const ledger = await run.app.store.listLedger({ taskId, limit: 1000 });
    const refused = ledger.filter((e) => e.actor === MEGAN.aadObjectId && e.payload.refused === 'task_not_visible');
    expect(refused.map((e) => e.payload.verb)).toEqual(['tab:view', 'tab:approve']);
  });

  it('lists my tasks with filters, search and a count per status', async () => {
    const all = await alex.get<{ tasks: { id: string; status: string }[]; counts: Record<string, number> }>(
      '/api/tab/tasks',
    );
    expect(all.body.tasks.map((t) => t.id)).toEqual([waiting.taskId]);
    expect(all.body.counts.awaiting_checkpoint).toBe(1);
    expect(all.body.counts.completed).toBe(0);
    const searched = await alex.get<{ tasks: unknown[] }>('/api/tab/tasks?q=no-such-title');
    expect(searched.body.tasks).toEqual([]);
    const byStatus = await alex.get<{ tasks: unknown[] }>('/api/tab/tasks?status=completed,failed');
    expect(byStatus.body.tasks).toEqual([]);
    const inChat = await alex.get<{ tasks: unknown[] }>(
      `/api/tab/tasks?conversation=${encodeURIComponent(chat.conversationId)}&from=2026-11-24&to=2026-11-24`,
    );
    expect(inChat.body.tasks).toHaveLength(1);
    const before = await alex.get<{ tasks: unknown[] }>('/api/tab/tasks?to=2026-11-23');
    expect(before.body.tasks).toEqual([]);
    expect((await alex.get('/api/tab/tasks?status=bogus')).status).toBe(400);
    expect((await alex.get('/api/tab/tasks?limit=5000')).status).toBe(400);
  });

  it('refuses a decision on a preview that is not the one shown, and changes nothing', async () => {
    const res = await alex.post<{ error: string }>(`/api/tab/tasks/${waiting.taskId}/decide`, {
      verb: 'approve',
      planVersion: waiting.planVersion,
      stepId: waiting.stepId,
      previewHash: 'f'.repeat(64),
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('preview_changed');
    expect((await run.app.engine.getTask(waiting.taskId)).status).toBe('awaiting_checkpoint');
  });

  it('approves from the tab: the engine runs the step once, the chat card is updated in place', async () => {
    const requestId = '0b6f1c6e-6a43-4c55-9d0c-2f6f2a8c0e11';
    const decision = {
      verb: 'approve',
      planVersion: waiting.planVersion,
      stepId: waiting.stepId,
      previewHash: waiting.previewHash,
      requestId,
    };
    const res = await alex.post<{ result: string }>(`/api/tab/tasks/${waiting.taskId}/decide`, decision);
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('applied');
    // A second click (or a resent request) decides nothing more.
    expect((await alex.post(`/api/tab/tasks/${waiting.taskId}/decide`, decision)).status).toBe(409);

    await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find(
            (c) =>
              c.call.method === 'PUT' &&
              c.call.activityId === checkpointActivityId &&
              cardText(c.card).includes('Approved by Alex Wilber'),
          ),
      10_000,
      'the checkpoint card updated in place',
    );
    await resultCard(run, chat);
    const subject = (waiting.preview.facts ?? []).find((f) => f.title === 'Subject')?.value ?? '';
    expect(subject).not.toBe('');
    await expect(mailsWithSubject(run, 'meganb@example.com', subject)).resolves.toHaveLength(1);

    // On the ledger: the hash of what the tab showed, then Alex's decision.
    const ledger = await run.app.store.listLedger({ taskId: waiting.taskId, limit: 1000 });
    const shown = ledger.find((e) => e.type === 'card_shown' && e.payload.via === 'tab');
    expect(shown).toMatchObject({ actor: ALEX.aadObjectId, payload: { sha256: waiting.previewHash } });
    const decided = ledger.find((e) => e.type === 'decision' && e.payload.verb === 'approve' && e.seq > shown!.seq);
    expect(decided?.actor).toBe(ALEX.aadObjectId);
    expect((await alex.get<{ items: unknown[] }>('/api/tab/waiting')).body.items).toEqual([]);
  });

  it("renders the task's page: steps with timings, decisions, and its ledger verified", async () => {
    const res = await alex.get<{
      task: { status: string };
      steps: { status: string; attempts: number; startedAt?: string; read: { count: number } }[];
      decisions: { verb: string; who: string }[];
      plans: { version: number }[];
      ledger: { verified: string; type: string }[];
    }>(`/api/tab/tasks/${waiting.taskId}`);
    expect(res.status).toBe(200);
    expect(res.body.task.status).toBe('completed');
    expect(res.body.steps.every((s) => s.status === 'succeeded' && s.attempts === 1 && s.startedAt)).toBe(true);
    expect(res.body.steps[0]!.read.count).toBeGreaterThan(0);
    expect(res.body.decisions.map((d) => [d.verb, d.who])).toEqual([
      ['approve', 'Alex Wilber'],
      ['approve', 'Alex Wilber'],
    ]);
    expect(res.body.plans.map((p) => p.version)).toEqual([1]);
    expect(res.body.ledger.length).toBeGreaterThan(5);
    expect(res.body.ledger.every((e) => e.verified === 'ok')).toBe(true);
  });

  it('shows an empty Scheduled section while Alex has no recurring work', async () => {
    await expect(alex.get('/api/tab/schedules')).resolves.toEqual({
      status: 200,
      body: { available: true, schedules: [] },
    });
  });
});
