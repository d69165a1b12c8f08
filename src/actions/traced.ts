import type { ActionSpec, Catalogue } from '../engine/catalogue';
import { traceGraphRequests } from '../graph/trace';

/**
 * The catalogue with every action's Microsoft Graph requests reported to the step that runs it
 * (`ctx.onRequest`), so the worker can append each one (method, path, status, request id) to the
 * ledger. Requests are traced per call, so concurrent steps never see each other's.
 */
export function tracedCatalogue(catalogue: Catalogue): Catalogue {
  const traced = new Map<string, ActionSpec>();
  const wrap = (spec: ActionSpec): ActionSpec => {
    let wrapped = traced.get(spec.name);
    if (!wrapped) {
      wrapped = {
        ...spec,
        run: (input, ctx) =>
          ctx.onRequest
            ? traceGraphRequests(() => spec.run(input, ctx), (r) =>
                ctx.onRequest?.({ method: r.method, path: r.path, status: r.status, requestId: r.requestId, clientRequestId: r.clientRequestId, durationMs: r.durationMs }),
              )
            : spec.run(input, ctx),
      };
      traced.set(spec.name, wrapped);
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
