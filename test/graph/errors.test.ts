import { GraphError } from '../../src/graph/errors';
import { createGraphGateway } from '../../src/graph/gateway';
import { portForStep } from '../../src/graph/identity';
import type { GraphGateway } from '../../src/graph/types';
import { graphError, json, startFakeServer, type FakeServer } from './fake-server';
import { recordingLogger } from './log';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

const alex = { id: 'alex-id', upn: 'alexw@example.com' };
const gateway = () =>
  createGraphGateway({
    baseUrl: server.baseUrl,
    auth: { kind: 'sandbox' },
    timeoutMs: 2000,
    maxRetries: 1,
    baseDelayMs: 10,
    logger: recordingLogger(),
  });

async function failureOf(promise: Promise<unknown>): Promise<GraphError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('every Graph failure is a typed error with the Graph code, request id and a user-facing explanation', () => {
  it.each([
    [400, 'BadRequest', 'graph_bad_request', false, 'Microsoft 365 rejected the request about the calendar.'],
    [
      401,
      'InvalidAuthenticationToken',
      'graph_unauthorized',
      false,
      'Microsoft 365 did not accept your sign-in for the calendar. Please sign in again, then retry the step.',
    ],
    [403, 'ErrorAccessDenied', 'graph_forbidden', false, "You don't have access to the calendar."],
    [404, 'ErrorItemNotFound', 'graph_not_found', false, 'The calendar was not found.'],
    [
      409,
      'ErrorIrresolvableConflict',
      'graph_conflict',
      true,
      'The calendar was changed at the same time by someone else. Please try again.',
    ],
    [
      412,
      'PreconditionFailed',
      'graph_conflict',
      true,
      'The calendar was changed at the same time by someone else. Please try again.',
    ],
    [413, 'RequestEntityTooLarge', 'graph_too_large', false, 'Microsoft 365 refused the calendar: it is too large.'],
    [
      429,
      'TooManyRequests',
      'graph_throttled',
      true,
      'Microsoft 365 is busy right now. Please retry the step in a minute.',
    ],
    [
      500,
      'generalException',
      'graph_unavailable',
      true,
      'Microsoft 365 had a problem handling the request. Please try again later.',
    ],
  ] as const)('%i %s → %s', async (status, graphCode, code, retryable, message) => {
    server.script(graphError(status, graphCode, { 'request-id': `rid-${status}`, 'Retry-After': '0' }));
    const error = await failureOf(gateway().forUser(alex).get('/users/alex-id/calendar'));
    expect(error).toMatchObject({
      kind: 'graph',
      status,
      graphCode,
      code,
      retryable,
      requestId: `rid-${status}`,
      userMessage: message,
    });
    expect(error.userMessage).not.toMatch(/secret body text|alex-id/);
  });

  it('blames Delegate, not the person, when the app identity is refused', async () => {
    server.script(graphError(401, 'InvalidAuthenticationToken'));
    const unauthorized = await failureOf(gateway().forApp().get('/users'));
    expect(unauthorized.userMessage).toMatch(/Delegate's sign-in .* administrator/);
    server.script(graphError(403, 'Authorization_RequestDenied'));
    expect((await failureOf(gateway().forApp().get('/users/x/messages'))).userMessage).toBe(
      "Delegate doesn't have access to the mailbox.",
    );
  });

  it('uses the caller-given name of the target', async () => {
    server.script(graphError(404, 'ErrorItemNotFound'));
    const error = await failureOf(
      gateway().forUser(alex).get('/users/alex-id/events/e1', undefined, { what: "Megan's meeting" }),
    );
    expect(error.userMessage).toBe("Megan's meeting was not found.");
  });
});

describe('portForStep', () => {
  const ports = (userIdentity: 'user' | 'app' | undefined): GraphGateway & { used: string[] } => {
    const used: string[] = [];
    const inner = gateway();
    return {
      used,
      userIdentity,
      forUser: (actor) => (used.push('user'), inner.forUser(actor)),
      forApp: () => (used.push('app'), inner.forApp()),
    };
  };

  it('prefers the person, uses the app only where the action allows it', () => {
    const delegated = ports('user');
    portForStep(delegated, alex);
    portForStep(delegated, alex, ['user']);
    portForStep(delegated, alex, ['app']);
    expect(delegated.used).toEqual(['user', 'user', 'app']);
    const appOnly = ports('app');
    portForStep(appOnly, alex, ['app']);
    portForStep(appOnly, alex);
    expect(appOnly.used).toEqual(['user', 'user']);
  });

  it('refuses a user-only action in an app-only deployment instead of running it as the app', async () => {
    server.script(json(200, {}));
    const appOnly = ports('app');
    expect(() => portForStep(appOnly, alex, ['user'])).toThrow(GraphError);
    expect(() => portForStep(appOnly, alex, ['user'])).toThrow(
      expect.objectContaining({ code: 'graph_identity_unavailable' }) as Error,
    );
    expect(appOnly.used).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
