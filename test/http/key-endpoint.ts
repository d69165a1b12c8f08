import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing keys, so that tests can
 * mint tokens with a valid signature (and the bot never reaches for login.botframework.com).
 */
export class KeyEndpoint {
  private server: Server | undefined;
  private readonly privateKey: KeyObject;
  private readonly jwk: { n?: string; e?: string };
  readonly kid = 'test-signing-key';
  url = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.jwk = publicKey.export({ format: 'jwk' });
  }

  /** The OpenID metadata document's URL (BOT_OPENID_METADATA_URL). */
  get metadataUrl(): string {
    return `${this.url}/openid`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/keys` }));
      } else if (req.url === '/keys') {
        const key = { kty: 'RSA', use: 'sig', kid: this.kid, n: this.jwk.n, e: this.jwk.e, endorsements: ['msteams'] };
        res.end(JSON.stringify({ keys: [key] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token signed with this endpoint's key (or `key`), with these claims over the defaults. */
  token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: options.kid ?? this.kid };
    const payload = { iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims };
    const signed = `${b64(header)}.${b64(payload)}`;
    const signature = createSign('RSA-SHA256')
      .update(signed)
      .sign(options.key ?? this.privateKey)
      .toString('base64url');
    return `${signed}.${signature}`;
  }
}

/** An unsigned or HMAC-signed token of the given algorithm (never valid for the Bot Framework). */
export function foreignToken(alg: 'none' | 'HS256', claims: Record<string, unknown>): string {
  const signed = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  return alg === 'none' ? `${signed}.` : `${signed}.${Buffer.from('not-a-real-mac').toString('base64url')}`;
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
