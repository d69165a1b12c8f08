import {
  CardFactory,
  MessageFactory,
  type Activity,
  type ChannelAccount,
  type ConversationParameters,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type ClaimsIdentity } from 'botframework-connector';
import type { Catalogue } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import type { CardRenderer } from '../cards';
import { previewOf } from '../views/describe';
import { signInView } from '../views/signin';
import { absent, tokenClientOf } from './token-client';

export interface SignInNoticeOptions {
  /** The Azure Bot resource's OAuth connection (OAUTH_CONNECTION_NAME). */
  readonly connectionName: string;
  readonly renderer: CardRenderer;
  /** For the step's title on the card. */
  readonly catalogue: Catalogue;
  /** The Teams user id (`29:…`) of an Entra object id, e.g. `BotUserTokens.teamsIdOf`. */
  readonly teamsIdOf: (actorId: string) => string | undefined;
  /** Where the browser lands after signing in; the token service's own page when absent. */
  readonly finalRedirect?: string;
}

/** Where the card went: here (a personal task), to a new 1:1 chat, or nowhere (reason given). */
export type SignInNoticeOutcome =
  | { readonly sent: 'here'; readonly activityId?: string }
  | { readonly sent: 'privately'; readonly conversationId: string; readonly activityId?: string }
  | { readonly sent: false; readonly reason: 'requester-unknown' };

/** The code a step fails with when it must run as the requester and they have no valid sign-in. */
export const SIGN_IN_REQUIRED = 'graph_sign_in_required';

/** The failed step of a task that is waiting for its requester to sign in, if any. */
export function stepAwaitingSignIn(task: Task): Step | undefined {
  return task.plan.steps.find((step) => step.status === 'failed' && step.error?.code === SIGN_IN_REQUIRED);
}

/**
 * Sends the requester the sign-in card for a step that must run as them (`graph_sign_in_required`).
 * Call it inside `continueConversationAsync` on the task's conversation. A personal task gets the
 * card in place. A channel or group task gets it in a new 1:1 chat with the requester, never in
 * the shared conversation: the link signs in whoever opens it *into the requester's token slot*.
 * When the requester's Teams id is unknown, nothing is sent and the outcome says why.
 */
export async function sendSignInNotice(
  context: TurnContext,
  task: Task,
  step: Step,
  options: SignInNoticeOptions,
): Promise<SignInNoticeOutcome> {
  const requester = requesterAccount(context, task, options);
  if (task.scope.kind === 'personal') {
    const activityId = await postCard(context, requester, task, step, options);
    return { sent: 'here', activityId };
  }
  if (!requester) return { sent: false, reason: 'requester-unknown' };
  const adapter = context.adapter;
  const tenantId = task.scope.tenantId ?? context.activity.conversation?.tenantId;
  const parameters: ConversationParameters = {
    isGroup: false,
    bot: context.activity.recipient,
    members: [requester],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  };
  // Undefined selects the connector's default audience, as it does for the proactive turn.
  const audience = context.turnState.get<string | undefined>(adapter.OAuthScopeKey) as string;
  let outcome: SignInNoticeOutcome = { sent: false, reason: 'requester-unknown' };
  await adapter.createConversationAsync(
    botAppIdOf(context),
    context.activity.channelId,
    context.activity.serviceUrl,
    audience,
    parameters,
    async (privateContext) => {
      const activityId = await postCard(privateContext, requester, task, step, options);
      outcome = { sent: 'privately', conversationId: privateContext.activity.conversation.id, activityId };
    },
  );
  return outcome;
}

/** Gets the requester's own sign-in link for this conversation and posts the card with it. */
async function postCard(
  context: TurnContext,
  requester: ChannelAccount | undefined,
  task: Task,
  step: Step,
  options: SignInNoticeOptions,
): Promise<string | undefined> {
  // The link's state names the user the token will be stored for: always the requester.
  const activity = { ...context.activity, from: requester ?? context.activity.from } as Activity;
  const resource = await tokenClientOf(context).getSignInResource(
    options.connectionName,
    activity,
    options.finalRedirect ?? absent(),
  );
  if (!resource?.signInLink) throw new Error('the Bot Framework token service returned no sign-in link');
  const view = signInView({
    signInUrl: resource.signInLink,
    task: { id: task.id, title: task.title, planVersion: task.plan.version },
    step: { id: step.id, title: previewOf(step, options.catalogue).title },
  });
  const card = options.renderer.render('signin', view);
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return sent?.id;
}

/**
 * The requester as a Teams account: learnt from their activities, else the stored conversation
 * reference's user when that is them (the task was started by their message).
 */
function requesterAccount(context: TurnContext, task: Task, options: SignInNoticeOptions): ChannelAccount | undefined {
  const id = options.teamsIdOf(task.requester.id);
  if (id) return { id, name: task.requester.name, aadObjectId: task.requester.id };
  const from = context.activity.from;
  if (from?.id && from.aadObjectId === task.requester.id)
    return { id: from.id, name: task.requester.name, aadObjectId: task.requester.id };
  return undefined;
}

/** The bot's app id, from the claims of the proactive turn (as `continueConversationAsync` set them). */
function botAppIdOf(context: TurnContext): string {
  const identity = context.turnState.get<ClaimsIdentity | undefined>(context.adapter.BotIdentityKey);
  return (
    identity?.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity?.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}
