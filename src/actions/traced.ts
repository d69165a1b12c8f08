import type { ActionSpec, Catalogue } from '../engine/catalogue';
import { DelegateError } from '../engine/errors';
import { traceGraphRequests } from '../graph/trace';

/** How the deployment runs "as the requester" steps: with their own token, or as the app. */
export interface Deployment {
  readonly userIdentity?: 'user' | 'app';
}

/**
 * The catalogue as the worker runs it in this deployment:
 * - every action's Microsoft Graph requests are reported to the step that runs it
 *   (`ctx.onRequest`), so the worker appends each one (method, path, status, request id) to the
 *   ledger; requests are traced per call, so concurrent steps never see each other's;
 * - an action Graph allows only with a person's own token (it lists no application permission,
 *   e.g. posting to a channel or chatting) is refused when the deployment would run it as the app,
 *   instead of quietly using the app's identity.
 */
export function tracedCatalogue(catalogue: Catalogue, deployment: Deployment = {}): Catalogue {
  const prepared = new Map<string, ActionSpec>();
  const wrap = (spec: ActionSpec): ActionSpec => {
    let wrapped = prepared.get(spec.name);
    if (!wrapped) {
      const userOnly = spec.permissions.application.length === 0 && spec.permissions.delegated.length > 0;
      wrapped = {
        ...spec,
        run: (input, ctx) => {
          if (userOnly && deployment.userIdentity === 'app') {
            return Promise.reject(
              new DelegateError(
                'graph',
                'graph_identity_unavailable',
                `Delegate can only ${spec.name} as you, with your own sign-in, and this deployment runs as the app. Ask your admin to enable Teams sign-in (GRAPH_AUTH=obo).`,
              ),
            );
          }
          return ctx.onRequest
            ? traceGraphRequests(
                () => spec.run(input, ctx),
                (r) =>
                  ctx.onRequest?.({
                    method: r.method,
                    path: r.path,
                    status: r.status,
                    requestId: r.requestId,
                    clientRequestId: r.clientRequestId,
                    durationMs: r.durationMs,
                  }),
              )
            : spec.run(input, ctx);
        },
      };
      prepared.set(spec.name, wrapped);
    }
    return wrapped;
  };
  return {
    get: (name) => {
      const spec = catalogue.get(name);
      return spec ? wrap(spec) : undefined;
    },
    list: () => catalogue.list().map(wrap),
  };
}
