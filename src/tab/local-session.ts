import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { TabAuthenticator, TabUser } from './identity';

/** The cookie that carries a local sign-in. */
export const SESSION_COOKIE = 'delegate_tab_session';
/** A local sign-in lasts a working day. */
const SESSION_MS = 8 * 60 * 60 * 1000;

const sessionSchema = z.object({ sub: z.string().min(1), name: z.string(), iat: z.number().int() });

/**
 * Local mode's sign-in (no BOT_ID, loopback only): the person picked from the sandbox directory
 * is carried in an HMAC-signed, HttpOnly, SameSite=Strict cookie. The key is random per process,
 * so a restart signs everyone out; nothing signed elsewhere is accepted.
 */
export class LocalSessions {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => Date) {}

  /** The `Set-Cookie` value that signs `user` in. */
  signIn(user: TabUser): string {
    const body = Buffer.from(
      JSON.stringify({ sub: user.id, name: user.name, iat: this.now().getTime() }),
      'utf8',
    ).toString('base64url');
    const value = `${body}.${this.sign(body)}`;
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MS / 1000}`;
  }

  /** The `Set-Cookie` value that signs out. */
  signOut(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  }

  readonly authenticate: TabAuthenticator = async (credentials) => {
    if (credentials.authorization !== undefined) return { ok: false, reason: 'token_in_local_mode' };
    const value = cookieValue(credentials.cookie, SESSION_COOKIE);
    if (!value) return { ok: false, reason: 'not_signed_in' };
    const [body, signature] = value.split('.');
    if (!body || !signature) return { ok: false, reason: 'malformed_session' };
    const expected = Buffer.from(this.sign(body), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'bad_signature' };
    let parsed: z.infer<typeof sessionSchema>;
    try {
      parsed = sessionSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'malformed_session' };
    }
    const age = this.now().getTime() - parsed.iat;
    if (age > SESSION_MS || age < -60_000) return { ok: false, reason: 'expired' };
    return { ok: true, user: { id: parsed.sub, name: parsed.name } };
  };

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body, 'utf8').digest('base64url');
  }
}

/** One cookie's value from a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
