import { AuthenticationError, AuthenticationRequiredError, type TokenCredential } from '@azure/identity';
import { SignInRequiredError } from './errors';
import { TokenUnavailableError, type TokenSource } from './middleware/auth';
import type { UserTokenSource } from './user-tokens';

/** What the gateway needs to act as the requester (Teams SSO + on-behalf-of). */
export interface OnBehalfOfAuth {
  readonly userTokens: UserTokenSource;
  /** A credential that exchanges this assertion for Graph tokens (an `OnBehalfOfCredential`). */
  credentialFor(assertion: string): TokenCredential;
}

/**
 * Entra ID answers that mean "this person must sign in (or consent) again", as opposed to a
 * broken app registration or an outage (AADSTS50013/65001/700082 and friends arrive as these).
 */
const SIGN_IN_AGAIN = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required']);

/**
 * The bearer tokens of one person: their SSO assertion exchanged on-behalf-of. No assertion,
 * or one Entra ID refuses, is a {@link SignInRequiredError}; there is no fall-back to the app.
 * The credential is kept while the assertion stays the same, so MSAL's cache serves repeats.
 */
export function onBehalfOfTokens(actorId: string, obo: OnBehalfOfAuth, scopes: readonly string[]): TokenSource {
  let current: { readonly assertion: string; readonly credential: TokenCredential } | undefined;
  return async () => {
    const assertion = await obo.userTokens.tokenFor(actorId);
    if (assertion === undefined || assertion === '') throw new SignInRequiredError(actorId);
    if (current?.assertion !== assertion) current = { assertion, credential: obo.credentialFor(assertion) };
    try {
      const token = await current.credential.getToken([...scopes]);
      if (!token) throw new TokenUnavailableError();
      return token.token;
    } catch (error) {
      if (mustSignInAgain(error)) {
        current = undefined;
        throw new SignInRequiredError(actorId, { cause: error });
      }
      throw error;
    }
  };
}

/**
 * Whether Entra ID refused the person's assertion (rather than the app). @azure/identity wraps
 * MSAL's server errors in AuthenticationRequiredError whatever they say, so the OAuth error
 * code is read from the MSAL error it carries as `cause`.
 */
function mustSignInAgain(error: unknown): boolean {
  if (error instanceof AuthenticationError) return SIGN_IN_AGAIN.has(error.errorResponse.error);
  if (!(error instanceof AuthenticationRequiredError)) return false;
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'errorCode' in cause ? cause.errorCode : undefined;
  return typeof code === 'string' && SIGN_IN_AGAIN.has(code);
}
