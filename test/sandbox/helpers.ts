import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

/** A fixed "now" for tests: Wednesday 11 March 2026, 15:30 UTC. */
export const NOW = new Date('2026-03-11T15:30:00Z');
/** Monday of NOW's week. */
export const MONDAY = new Date('2026-03-09T00:00:00Z');

export const ALEX = 'alexw@example.com';
export const MEGAN = 'meganb@example.com';

/** A sandbox on an ephemeral port with an in-memory database and a fixed clock. */
export function startTestSandbox(overrides: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ dbPath: ':memory:', port: 0, clock: () => NOW, ...overrides });
}

/** The answer of one HTTP call, with the JSON body parsed. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // Tests read arbitrary Graph JSON; `any` keeps assertions short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

/** Call the sandbox as `as` (a UPN, 'app', or null for no token). */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  opts: { as?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const as = opts.as === undefined ? ALEX : opts.as;
  const headers: Record<string, string> = { ...opts.headers };
  if (as !== null) headers.Authorization = `Bearer sandbox:${as}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${sandbox.url}${path}`;
  const res = await fetch(url, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** Follow `@odata.nextLink` to the end and return every item. */
export async function getAll(
  sandbox: Sandbox,
  path: string,
  as: string = ALEX,
): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let next: string | undefined = path;
  for (let guard = 0; next && guard < 100; guard++) {
    const page = await call(sandbox, 'GET', next, { as });
    if (page.status !== 200) throw new Error(`GET ${next} → ${page.status} ${JSON.stringify(page.json)}`);
    out.push(...page.json.value);
    next = page.json['@odata.nextLink'];
  }
  return out;
}

/** An admin call (`/_sandbox/…`) on the sandbox's origin. */
export async function admin(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<number> {
  const origin = new URL(sandbox.url).origin;
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.text();
  return res.status;
}
