import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogue } from '../../src/actions';
import type { ActionContext, ActionSpec, Catalogue } from '../../src/engine/catalogue';
import { createGraphGateway } from '../../src/graph/gateway';
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

/** Start a sandbox in a temp folder for this test file; reset it before each test. */
export function useSandbox(): () => ActionHarness {
  let harness: ActionHarness | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delegate-actions-'));
    const sandbox = await startSandbox({ dbPath: join(dir, 'tenant.db'), port: 0, clock: () => NOW });
    const gateway = createGraphGateway({
      baseUrl: sandbox.url,
      auth: { kind: 'sandbox' },
      timeoutMs: 5000,
      maxRetries: 3,
      baseDelayMs: 20,
      logger: recordingLogger(),
    });
    const catalogue = createCatalogue(gateway);
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
    await harness?.sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!harness) throw new Error('sandbox not started');
    return harness;
  };
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
