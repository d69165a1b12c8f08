import type { ActionSpec, Catalogue } from '../engine/catalogue';
import { DelegateError } from '../engine/errors';
import { traceGraphRequests } from '../graph/trace';
import { runsAsApp } from './permissions';
import { inStepSpan } from '../telemetry/step';

/** Documented ways to get the same result as the app, for the actions Graph refuses to apps. */
const APP_ALTERNATIVES: Readonly<Record<string, string>> = {
  'calendar.findMeetingTimes':
    'Ask for people\'s free/busy instead (e.g. "when are Megan and Adele free on Thursday"): Graph lets the app read schedules.',
};

/** Why an action cannot run in an app-only deployment, said to the person who asked. */
export function appOnlyReason(action: string): string {
  return [
    `Microsoft 365 lets ${action} run only as you, with your own sign-in, and Delegate runs here as its own app identity.`,
    APP_ALTERNATIVES[action],
    'An administrator can let Delegate act as you (GRAPH_AUTH=obo).',
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

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
 *   e.g. posting to a channel or chatting) is marked `unavailable` when the deployment would run
 *   it as the app, so planning refuses it with the reason, and the worker refuses to run it
 *   instead of quietly using the app's identity;
 * - every run is a trace of its own (`delegate.step`, see src/telemetry/step.ts), with the
 *   Graph and model calls it makes as child spans.
 */
export function tracedCatalogue(catalogue: Catalogue, deployment: Deployment = {}): Catalogue {
  const prepared = new Map<string, ActionSpec>();
  const wrap = (spec: ActionSpec): ActionSpec => {
    let wrapped = prepared.get(spec.name);
    if (!wrapped) {
      const unavailable = deployment.userIdentity === 'app' && !runsAsApp(spec) ? appOnlyReason(spec.name) : undefined;
      wrapped = {
        ...spec,
        ...(unavailable ? { unavailable } : {}),
        run: (input, ctx) =>
          inStepSpan(spec.name, ctx, () => {
            if (unavailable) {
              return Promise.reject(new DelegateError('graph', 'graph_identity_unavailable', unavailable));
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
          }),
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
