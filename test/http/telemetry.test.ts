import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PersonalChat } from './activities';
import { button, cardText, invokeCard } from './app-harness';
import { ChildApp, freePort } from './child-app';
import { FakeConnector } from './fake-connector';
import { OtlpReceiver } from './otlp-receiver';

const SECRET_TEXT = 'the deck is ready for the board';

/**
 * Delegate as its own process (as deployed: the OTLP exporter, its HTTP transport and the
 * AsyncLocalStorage context are the real ones), exporting to a collector in this test.
 */
describe('Telemetry: traces, metrics and log correlation reach an OTLP/HTTP collector', () => {
  const connector = new FakeConnector();
  const receiver = new OtlpReceiver();
  let dataDir = '';
  let app: ChildApp | undefined;
  beforeAll(async () => {
    await connector.start();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-otel-'));
  });
  afterAll(async () => {
    await app?.kill();
    await receiver.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a turn and a step are traces of their own; Graph calls are their child spans with request ids; counters count; logs carry the ids; no text leaves', async () => {
    const endpoint = await receiver.start();
    app = new ChildApp({
      PORT: String(await freePort()),
      SANDBOX_GRAPH_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      WORKER_POLL_MS: '100',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_SERVICE_NAME: 'delegate-test',
    });
    await app.start();
    const url = app.url;
    const post = async (activity: Record<string, unknown>) => {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    };
    const chat = new PersonalChat(connector.url);
    await post(chat.message(`Message Megan on Teams: ${SECRET_TEXT}`));
    const plan = await connector.waitFor(() => connector.cards().find((c) => c.call.method === 'POST'), 20_000, 'plan');
    const approve = button(plan.card, 'Approve');
    invokeCard(await post(chat.invoke(approve.verb, approve.data, { replyToId: plan.call.activityId })));
    await connector.waitFor(
      () => connector.cards().find((c) => cardText(c.card).includes('"Done"')),
      20_000,
      'result card',
    );
    expect(await app.terminate()).toBe(0); // a graceful stop flushes the exporters

    const spans = receiver.spans();
    const turns = spans.filter((s) => s.name === 'teams.turn');
    expect(turns.map((t) => t.attributes['teams.activity.type'])).toEqual(
      expect.arrayContaining(['message', 'invoke']),
    );
    for (const turn of turns) {
      expect(turn.parentSpanId).toBeUndefined();
      expect(turn.attributes['http.response.status_code']).toBe(200);
      expect(turn.resource['service.name']).toBe('delegate-test');
    }
    expect(turns.find((t) => t.attributes['teams.activity.type'] === 'invoke')?.attributes['teams.activity.name']).toBe(
      'adaptiveCard/action',
    );

    const steps = spans.filter((s) => s.name === 'delegate.step');
    expect(steps).toHaveLength(1);
    const step = steps[0]!;
    expect(step.parentSpanId).toBeUndefined();
    expect(step.attributes).toMatchObject({
      'delegate.action': 'teams.sendChatMessage',
      'delegate.step.id': 's1',
      'delegate.step.attempt': 1,
      'delegate.outcome': 'ok',
    });
    expect(step.attributes['delegate.task.id']).toEqual(expect.any(String));
    expect(turns.some((t) => t.traceId === step.traceId)).toBe(false);

    const graphCalls = spans.filter((s) => s.name.startsWith('graph ') && s.traceId === step.traceId);
    expect(graphCalls.length).toBeGreaterThan(0);
    for (const call of graphCalls) {
      expect(call.parentSpanId).toBe(step.spanId);
      expect(call.attributes['graph.request_id']).toEqual(expect.any(String));
      expect(call.attributes['url.path']).toMatch(/^\/v1\.0\//);
      expect(call.attributes['http.response.status_code']).toEqual(expect.any(Number));
    }

    const metrics = receiver.metrics();
    const value = (name: string, attrs: Record<string, unknown> = {}) =>
      metrics
        .filter((m) => m.name === name)
        .flatMap((m) => m.points)
        .filter((p) => Object.entries(attrs).every(([k, v]) => p.attributes[k] === v))
        .reduce((n, p) => Math.max(n, p.value), 0);
    expect(value('delegate.teams.turns', { 'teams.activity.type': 'message' })).toBeGreaterThanOrEqual(1);
    expect(
      value('delegate.decisions', { 'delegate.decision.verb': 'approve', 'delegate.decision.outcome': 'applied' }),
    ).toBe(1);
    expect(value('delegate.tasks.status_changes', { 'delegate.task.status': 'completed' })).toBe(1);
    expect(metrics.some((m) => m.name === 'delegate.checkpoints.waiting')).toBe(true);

    // The Graph request log lines carry the trace and span of their call.
    const lines = app.output
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const graphLines = lines.filter((l) => l.msg === 'graph request' && l.trace_id === step.traceId);
    expect(graphLines.length).toBeGreaterThan(0);
    for (const line of graphLines) expect(graphCalls.map((c) => c.spanId)).toContain(line.span_id);

    // Ids, names and counts only: the message itself never leaves in telemetry.
    for (const body of receiver.bodies) expect(body.text).not.toContain(SECRET_TEXT);
  });
});
