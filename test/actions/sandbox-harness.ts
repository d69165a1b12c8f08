import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogue } from '../../src/actions';
import type { ActionContext, ActionSpec, Catalogue } from '../../src/engine/catalogue';
import { createGraphGateway } from '../../src/graph/gateway';
import { traceGraphRequests } from '../../src/graph/trace';
import { normalisePath } from '../../src/sandbox/pipeline';
import { buildRouter } from '../../src/sandbox/routes';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { recordingLogger } from '../graph/log';

/** The sandbox's fixed "now" in these tests: Wednesday 5 March 2025, 10:00 UTC. */
export const NOW = new Date('2025-03-05T10:00:00Z');

const [alexUser, meganUser] = SANDBOX_DIRECTORY.users;
if (!alexUser || !meganUser) throw new Error('sandbox directory has no Alex or Megan');
export const alex = { id: alexUser.id, upn: alexUser.userPrincipalName, name: alexUser.displayName };
export const megan = { id: meganUser.id, upn: meganUser.userPrincipalName, name: meganUser.displayName };
export const team = SANDBOX_DIRECTORY.team;

/** A running sandbox tenant, the catalogue wired to it, and ways to look at the tenant directly. */
export interface ActionHarness {
  readonly sandbox: Sandbox;
  readonly catalogue: Catalogue;
  /** The action by name (fails the test if missing). */
  action(name: string): ActionSpec;
  /** Parse input with the action's schema and run it. */
  run(
    name: string,
    input: Record<string, unknown>,
    ctx?: Partial<ActionContext>,
  ): Promise<{ output: unknown; provenance: readonly string[] }>;
  /** Run an action with exactly these permissions instead of its declared ones (one short, say). */
  runWith(
    name: string,
    grants: ActionSpec['permissions'],
    input: Record<string, unknown>,
    ctx?: Partial<ActionContext>,
  ): Promise<{ output: unknown; provenance: readonly string[] }>;
  /** GET from the sandbox as a user, bypassing the gateway (to verify side effects). */
  read<T>(upn: string, pathAndQuery: string): Promise<T>;
  /** Call the sandbox as a user with any method, bypassing the gateway (to set up data). */
  call<T>(upn: string, method: string, path: string, body?: unknown): Promise<T>;
  /** Inject a fault through the sandbox's admin endpoint. */
  fault(rule: {
    status?: 429 | 503;
    retryAfterSeconds?: number;
    count: number;
    pathContains?: string;
    latencyMs?: number;
  }): Promise<void>;
}

/**
 * Start a sandbox in a temp folder for this test file; reset it before each test.
 *
 * Each action runs with exactly the permissions it declares and nothing more: its own gateway's
 * sandbox tokens carry `scp=<its delegated permissions>` and `roles=<its application
 * permissions>`, so a call the declaration does not cover fails with Graph's 403. With
 * `identity: 'app'` user steps run as the app (an app-only deployment, `GRAPH_AUTH=secret`).
 * With `lagMs` the tenant is eventually consistent (new items reach lists after the lag) and its
 * clock starts at NOW and runs with real time, so the lag passes while an action waits.
 */
export function useSandbox(
  options: { readonly identity?: 'user' | 'app'; readonly lagMs?: number } = {},
): () => ActionHarness {
  let harness: ActionHarness | undefined;
  let dir = '';
  const calls: CallRecord[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delegate-actions-'));
    const started = Date.now();
    const sandbox = await startSandbox({
      dbPath: join(dir, 'tenant.db'),
      port: 0,
      clock: options.lagMs ? () => new Date(NOW.getTime() + Date.now() - started) : () => NOW,
      visibilityLagMs: options.lagMs ?? 0,
    });
    const gatewayWith = (grants?: ActionSpec['permissions']) =>
      createGraphGateway({
        baseUrl: sandbox.url,
        auth: { kind: 'sandbox', grants, userIdentity: options.identity ?? 'user' },
        timeoutMs: 5000,
        maxRetries: 3,
        baseDelayMs: 20,
        logger: recordingLogger(),
      });
    const catalogue = scopedCatalogue(createCatalogue(gatewayWith()), (spec) => {
      const own = createCatalogue(gatewayWith(spec.permissions)).get(spec.name);
      return (
        own && {
          ...own,
          run: (input, ctx) =>
            traceGraphRequests(
              () => own.run(input, ctx),
              (r) => calls.push({ action: own, method: r.method, path: r.path }),
            ),
        }
      );
    });
    const origin = new URL(sandbox.url).origin;
    const call = async <T>(upn: string, method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: { authorization: `Bearer sandbox:${upn}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
      return (response.status === 202 || response.status === 204 ? undefined : await response.json()) as T;
    };
    const action = (name: string): ActionSpec => {
      const spec = catalogue.get(name);
      if (!spec) throw new Error(`no action ${name}`);
      return spec;
    };
    harness = {
      sandbox,
      catalogue,
      action,
      run: (name, input, ctx) => {
        const spec = action(name);
        return spec.run(spec.input.parse(input), {
          idempotencyKey: `key-${Math.random()}`,
          actor: alex,
          attempt: 1,
          now: NOW,
          ...ctx,
        });
      },
      runWith: (name, grants, input, ctx) => {
        const spec = createCatalogue(gatewayWith(grants)).get(name);
        if (!spec) throw new Error(`no action ${name}`);
        return spec.run(spec.input.parse(input), {
          idempotencyKey: `key-${Math.random()}`,
          actor: alex,
          attempt: 1,
          now: NOW,
          ...ctx,
        });
      },
      read: (upn, pathAndQuery) => call(upn, 'GET', pathAndQuery),
      call,
      fault: async (rule) => {
        const response = await fetch(`${origin}/_sandbox/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(rule),
        });
        if (!response.ok) throw new Error(`fault injection failed: ${response.status}`);
      },
    };
  });
  beforeEach(async () => {
    await harness?.sandbox.reset(NOW);
    await fetch(`${new URL(harness?.sandbox.url ?? 'http://x').origin}/_sandbox/faults`, { method: 'DELETE' }).catch(
      () => undefined,
    );
  });
  afterAll(async () => {
    // Every request an action made in this file, against the table of what Graph requires.
    expect(undeclaredCalls(calls)).toEqual([]);
    await harness?.sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!harness) throw new Error('sandbox not started');
    return harness;
  };
}

interface CallRecord {
  readonly action: ActionSpec;
  readonly method: string;
  readonly path: string;
}

/**
 * The calls an action's declaration does not cover, by Graph's permission table: no declared
 * delegated permission the route accepts, or declared application permissions on a route Graph
 * does not let applications call (or with none the route accepts). The delegated side is also
 * enforced by the sandbox as the test runs; the application side is checked here, so an action
 * that claims to run as the app is held to it even in files that run it as the user.
 */
export function undeclaredCalls(calls: readonly CallRecord[]): string[] {
  const router = buildRouter();
  const problems = new Set<string>();
  for (const { action, method, path } of calls) {
    const segments = normalisePath(path);
    if (segments[0]?.toLowerCase() === 'me') segments.splice(0, 1, 'users', 'me');
    const rule = router.match(method, segments).permissions;
    const route = `${method} ${path.replace(/^\/v1\.0/, '')}`;
    const { delegated, application } = action.permissions;
    const covers = (accepted: readonly string[], held: readonly string[]) =>
      accepted.length === 0 || held.some((p) => accepted.includes(p));
    if (rule.delegated === null) problems.add(`${action.name}: ${route} cannot be called with delegated permissions`);
    else if (!covers(rule.delegated, delegated))
      problems.add(`${action.name}: ${route} needs one of ${rule.delegated.join(', ')} (delegated)`);
    if (application.length === 0) continue;
    if (rule.application === null)
      problems.add(
        `${action.name}: declares application permissions, but Graph does not let applications call ${route}`,
      );
    else if (!covers(rule.application, application))
      problems.add(`${action.name}: ${route} needs one of ${rule.application.join(', ')} (application)`);
  }
  return [...problems];
}

/** The catalogue with each action taken from a catalogue built for it alone (`build`), once. */
function scopedCatalogue(all: Catalogue, build: (spec: ActionSpec) => ActionSpec | undefined): Catalogue {
  const scoped = new Map<string, ActionSpec>();
  const get = (name: string): ActionSpec | undefined => {
    const declared = all.get(name);
    if (!declared) return undefined;
    let spec = scoped.get(name);
    if (!spec) {
      spec = build(declared);
      if (!spec) throw new Error(`no action ${name} in its own catalogue`);
      scoped.set(name, spec);
    }
    return spec;
  };
  return { get, list: () => all.list().map((spec) => get(spec.name) ?? spec) };
}

/** The rejection of a promise, which must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error('expected the promise to reject');
  return outcome.error;
}
