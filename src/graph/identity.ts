import { GraphError } from './errors';
import type { GraphActor, GraphGateway, GraphPort } from './types';

/** Whose identity an action may use: the requester's own (delegated) or the app's. */
export type GraphIdentity = 'user' | 'app';

/**
 * The port a step should use, given the identities its action allows (default: either).
 * The requester's own identity is preferred; the app is used only when the action allows it.
 * An action that may run only as the user, in an app-only deployment, is refused with a typed
 * error instead of quietly running with the app's wider permissions.
 */
export function portForStep(
  gateway: GraphGateway,
  actor: GraphActor,
  identities: readonly GraphIdentity[] = ['user', 'app'],
): GraphPort {
  const userIs = gateway.userIdentity ?? 'user';
  if (identities.includes(userIs)) return gateway.forUser(actor);
  if (identities.includes('app')) return gateway.forApp();
  throw new GraphError(
    {
      status: 0,
      transport: 'identity',
      ambiguous: false,
      clientRequestId: 'none',
      what: 'Microsoft 365',
      identity: 'app',
    },
    { cause: new Error(`action needs identity ${identities.join('|')}, gateway runs users as ${userIs}`) },
  );
}
