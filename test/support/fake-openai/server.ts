import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { credentialOf, parseBody, redactedHeaders, routeOf } from './request-info';
import type {
  ChatBody,
  ErrorReply,
  FakeHandler,
  FakeOpenAI,
  FakeOpenAIOptions,
  FakeReply,
  RecordedRequest,
} from './types';
import { isReasoningModel, refusal } from './model-rules';
import { toWire, type WireReply } from './wire';

/**
 * A real-HTTP fake of the Chat Completions API on 127.0.0.1, for driving the real `openai`
 * client. Replies come from, in order: the refusals of the real service for the model's family
 * (model-rules.ts; the model is `options.model`, else the deployment, else the body's `model`),
 * pending failures (`failNext`), the queue (`enqueue`), the handler (`script`), else "ok".
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const failures: Array<{ reply: ErrorReply; remaining: number }> = [];
  const timers = new Set<NodeJS.Timeout>();
  let handler: FakeHandler | undefined;
  let counter = 0;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function nextFailure(): ErrorReply | undefined {
    const head = failures[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) failures.shift();
    return head.reply;
  }

  async function choose(body: ChatBody, record: RecordedRequest): Promise<FakeReply> {
    return nextFailure() ?? queue.shift() ?? (handler ? await handler(body, record) : 'ok');
  }

  // The client may have given up (timeout or abort) while we waited.
  const gone = (res: ServerResponse): boolean => res.destroyed || !res.socket || res.socket.destroyed;

  async function respond(res: ServerResponse, wire: WireReply, n: number): Promise<void> {
    if (wire.delayMs > 0) await wait(wire.delayMs);
    if (gone(res)) return;
    res.writeHead(wire.status, { 'x-request-id': `req_fake_${n}`, 'apim-request-id': randomUUID(), ...wire.headers });
    if (wire.bodyDelayMs > 0) {
      res.flushHeaders();
      await wait(wire.bodyDelayMs);
      if (gone(res)) return;
    }
    res.end(wire.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const { route, deployment } = routeOf(method, url.pathname);
    const credential = credentialOf(req.headers);
    const { body, json } = parseBody(Buffer.concat(chunks).toString('utf8'));
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactedHeaders(req.headers),
      body,
      route,
      ...(deployment === undefined ? {} : { deployment }),
      auth: credential.auth,
      receivedAt: performance.now(),
      status: 0,
    };
    requests.push(record);
    counter += 1;
    const n = counter;
    const chat = (json && typeof body === 'object' && body !== null ? body : {}) as ChatBody;
    const served = options.model ?? deployment ?? chat.model ?? '';
    const accepted = (value: string | undefined): boolean =>
      value !== undefined && (options.validCredentials === undefined || options.validCredentials.includes(value));

    let reply: FakeReply;
    if (route === 'unknown') reply = { status: 404 };
    else if (route === 'azure' && !accepted(credential.value)) reply = { status: 401 };
    else if (route === 'openai' && credential.auth !== 'none' && !accepted(credential.value))
      reply = { status: 401, error: { message: 'Incorrect API key provided.', code: 'invalid_api_key' } };
    else if (route === 'azure' && !record.query['api-version'])
      reply = { status: 404, error: { message: 'Resource not found (no api-version).' } };
    else if (!json) reply = { status: 400, error: { message: 'We could not parse the JSON body of your request.' } };
    else {
      const refused = refusal(chat, served, route, record.query['api-version']);
      reply = refused ?? (await choose(chat, record));
    }

    const model = options.model ?? chat.model ?? deployment ?? 'fake-model';
    const reasoning = isReasoningModel(served);
    const wire = toWire(reply, chat, {
      completionId: `chatcmpl-fake-${n}`,
      model,
      route,
      ...(reasoning ? { reasoningTokens: options.reasoningTokens ?? 2500 } : {}),
    });
    record.status = wire.status;
    await respond(res, wire, n);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake-openai failed: ${String(error)}`, type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    azureEndpoint: origin,
    requests,
    script: (next) => void (handler = next),
    enqueue: (...replies) => void queue.push(...replies),
    failNext: (status, failure = {}) => {
      const { count = 1, retryAfterSeconds, retryAfterMs } = failure;
      failures.push({
        reply: {
          status,
          ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        },
        remaining: count,
      });
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      failures.length = 0;
      handler = undefined;
      counter = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
