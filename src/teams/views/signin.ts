/**
 * The sign-in card (cards/signin.json): shown to one person, privately, when a step must run as
 * them in Microsoft 365 and they have no valid sign-in (the gateway's SignInRequiredError).
 * The button opens the Bot Framework token service's sign-in link for the bot's OAuth
 * connection (OAUTH_CONNECTION_NAME); Retry runs the waiting step again once they have signed in.
 */
export interface SignInView {
  readonly heading: string;
  readonly message: string;
  readonly hint: string;
  /** The https sign-in link; the template puts it in an Action.OpenUrl. */
  readonly signInUrl: string;
  readonly hasTask: boolean;
  readonly taskTitle: string;
  readonly stepTitle: string;
  readonly taskId: string;
  readonly planVersion: number;
  readonly stepId: string;
}

/** What the card is about: the link, and optionally the step that is waiting for the sign-in. */
export interface SignInRequest {
  /** From `UserTokenClient.getSignInResource(connectionName, activity)`: its `signInLink`. */
  readonly signInUrl: string;
  /** The task and step that failed for want of a sign-in; absent for a plain `sign in` prompt. */
  readonly task?: { readonly id: string; readonly title: string; readonly planVersion: number };
  readonly step?: { readonly id: string; readonly title: string };
}

/**
 * The view-model of the sign-in card. Only https links are accepted: a sign-in button that
 * pointed anywhere else would be a phishing vector, so a wrong link is a bug to surface.
 */
export function signInView(request: SignInRequest): SignInView {
  const url = new URL(request.signInUrl);
  if (url.protocol !== 'https:') throw new Error('a sign-in link must be https');
  const { task, step } = request;
  const hasTask = task !== undefined && step !== undefined;
  return {
    heading: 'Sign in to continue',
    message: hasTask
      ? 'This step works in Microsoft 365 as you, so Delegate needs you to sign in first. Nothing has been done yet.'
      : 'Delegate works in Microsoft 365 as you, so it needs you to sign in once.',
    hint: hasTask
      ? 'After signing in, press Retry. Delegate only ever does what you approve; you can sign out at any time.'
      : 'Delegate only ever does what you approve; you can sign out at any time.',
    signInUrl: url.toString(),
    hasTask,
    taskTitle: task?.title ?? '',
    stepTitle: step?.title ?? '',
    taskId: task?.id ?? '',
    planVersion: task?.planVersion ?? 0,
    stepId: step?.id ?? '',
  };
}
