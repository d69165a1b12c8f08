import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

/**
 * The CloudAdapter, entered after the edge has validated and authenticated the request itself
 * (src/server.ts), so that the SDK never sees an activity or a token the edge has not checked.
 */
export class EdgeAdapter extends CloudAdapter {
  /** Run a turn for an activity whose request is already authenticated. */
  processAuthenticated(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
