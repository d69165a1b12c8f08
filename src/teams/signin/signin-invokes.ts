import {
  InvokeException,
  StatusCodes,
  tokenExchangeOperationName,
  verifyStateOperationName,
  type InvokeResponse,
  type TokenExchangeInvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../engine/ports';
import { absent, tokenClientOf } from './token-client';

export interface SignInInvokeOptions {
  /** The Azure Bot resource's OAuth connection (OAUTH_CONNECTION_NAME). */
  readonly connectionName: string;
  readonly logger: Logger;
}

/** Whether an activity is one of Teams' sign-in invokes (`signin/verifyState`, `signin/tokenExchange`). */
export function isSignInInvoke(activity: { readonly type?: string; readonly name?: string }): boolean {
  return (
    activity.type === 'invoke' &&
    (activity.name === verifyStateOperationName || activity.name === tokenExchangeOperationName)
  );
}

/**
 * The answer to a Teams sign-in invoke. Delegate keeps no token itself; the token service does.
 * - `signin/tokenExchange` (silent SSO): botbuilder's `TeamsSSOTokenExchangeMiddleware`, on the
 *   adapter, has already exchanged the token (answering 412 itself when it could not) and
 *   de-duplicated the invokes of several Teams clients. Here the token service is only asked
 *   whether it now holds the person's token: 200 if so, else 412 with the
 *   `TokenExchangeInvokeResponse` that makes Teams fall back to the sign-in card.
 * - `signin/verifyState` (after the sign-in link, from a Teams `signin` action): the state is the
 *   token service's one-time code, redeemed as `OAuthPrompt` does: 200 when it yields a token,
 *   404 when it does not.
 * A token service failure is 500, as `OAuthPrompt` answers; nothing about the token is logged.
 */
export async function signInInvokeResponse(
  context: TurnContext,
  options: SignInInvokeOptions,
): Promise<InvokeResponse> {
  const { activity } = context;
  const userId = activity.from?.id;
  const value = (activity.value ?? {}) as { id?: unknown; connectionName?: unknown; state?: unknown };
  const isExchange = activity.name === tokenExchangeOperationName;
  if (!isSignInInvoke(activity) || !userId) return { status: StatusCodes.BAD_REQUEST };
  if (isExchange && value.connectionName !== undefined && value.connectionName !== options.connectionName) {
    return exchangeFailed(value.id, options.connectionName, 'The token is for another connection.');
  }
  const magicCode = !isExchange && typeof value.state === 'string' && value.state !== '' ? value.state : absent();
  try {
    const response = await tokenClientOf(context).getUserToken(
      userId,
      options.connectionName,
      activity.channelId,
      magicCode,
    );
    const signedIn = typeof response?.token === 'string' && response.token !== '';
    options.logger.info({ invoke: activity.name, signedIn, aadObjectId: activity.from.aadObjectId }, 'sign-in invoke');
    if (signedIn) return { status: StatusCodes.OK };
    return isExchange
      ? exchangeFailed(
          value.id,
          options.connectionName,
          'The bot is unable to exchange token. Proceed with regular login.',
        )
      : { status: StatusCodes.NOT_FOUND };
  } catch (error) {
    const status = typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
    options.logger.warn(
      { invoke: activity.name, tokenServiceStatus: status },
      'sign-in invoke: the token service failed',
    );
    return { status: StatusCodes.INTERNAL_SERVER_ERROR };
  }
}

/**
 * The same, in the shape `ActivityHandler.onSignInInvoke` expects (it answers 200 unless this
 * throws an `InvokeException`), so the bot's override is one line.
 */
export async function answerSignInInvoke(context: TurnContext, options: SignInInvokeOptions): Promise<void> {
  const response = await signInInvokeResponse(context, options);
  if (response.status !== StatusCodes.OK) throw new InvokeException(response.status, response.body);
}

function exchangeFailed(
  id: unknown,
  connectionName: string,
  failureDetail: string,
): InvokeResponse<TokenExchangeInvokeResponse> {
  return {
    status: StatusCodes.PRECONDITION_FAILED,
    body: { id: typeof id === 'string' ? id : '', connectionName, failureDetail },
  };
}
