import type * as Jose from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { lazy } from '../lazy';
import type { TabAuthenticator, TabIdentity } from './identity';

/** What a Teams SSO token for the tab must say, and where Entra's signing keys are. */
export interface SsoOptions {
  /** `api://<domain>/botid-<BOT_ID>`: the manifest's `webApplicationInfo.resource`. */
  readonly audience: string;
  /** The app's client id (BOT_ID): Entra puts it in `aud` of v2.0 tokens for the same resource. */
  readonly clientId: string;
  /** The only tenant admitted (BOT_TENANT_ID), when set; otherwise any, named by the token's `tid`. */
  readonly tenantId?: string;
  readonly jwksUrl: string;
  /** Seconds of clock skew tolerated on `exp` / `nbf`. */
  readonly clockToleranceSec?: number;
  /** The clock, for tests that pin time. */
  readonly now?: () => Date;
}

/** Entra rotates keys rarely and announces them early: keep them for hours, refetch on an unknown `kid`. */
const KEYS_CACHE_MS = 6 * 60 * 60 * 1000;
/** Loaded with the tab's first call, not at start-up. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; the type comes from the import above
const jose = lazy(() => require('jose') as typeof Jose);

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies the Teams SSO token the tab sends as `Authorization: Bearer …` on every call: its
 * RS256 signature against Entra's published keys (fetched once and cached), issuer (the v1 or
 * v2 issuer of the token's own tenant), audience, tenant, expiry, the `access_as_user` scope and
 * an object id. Anything else is refused with a fixed reason.
 */
export function ssoAuthenticator(options: SsoOptions): TabAuthenticator {
  const keys = lazy((): JWTVerifyGetKey =>
    jose().createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: KEYS_CACHE_MS, timeoutDuration: 5_000 }),
  );
  return async (credentials): Promise<TabIdentity> => {
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(credentials.authorization ?? '')?.[1];
    if (!token) return { ok: false, reason: 'no_token' };
    let tid: unknown;
    try {
      tid = jose().decodeJwt(token).tid;
    } catch {
      return { ok: false, reason: 'malformed_token' };
    }
    if (typeof tid !== 'string' || !TENANT_ID.test(tid)) return { ok: false, reason: 'no_tenant' };
    if (options.tenantId !== undefined && tid.toLowerCase() !== options.tenantId.toLowerCase())
      return { ok: false, reason: 'wrong_tenant' };
    try {
      const { payload } = await jose().jwtVerify(token, keys(), {
        algorithms: ['RS256'],
        issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
        audience: [options.audience, options.clientId],
        clockTolerance: options.clockToleranceSec ?? 60,
        currentDate: options.now?.(),
        requiredClaims: ['exp', 'iat', 'oid'],
      });
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes('access_as_user')) return { ok: false, reason: 'wrong_scope' };
      const oid = payload.oid;
      if (typeof oid !== 'string' || oid === '') return { ok: false, reason: 'no_object_id' };
      const name = typeof payload.name === 'string' ? payload.name : oid;
      return { ok: true, user: { id: oid, name, tenantId: tid } };
    } catch (error) {
      return { ok: false, reason: refusal(error) };
    }
  };
}

function refusal(error: unknown): string {
  const { errors } = jose();
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `bad_claim_${error.claim}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'bad_algorithm';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'keys_unavailable';
  if (error instanceof errors.JOSEError) return 'invalid_token';
  // Keys that cannot be fetched: fail closed.
  return 'keys_unavailable';
}
