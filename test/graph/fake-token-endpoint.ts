import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';

/** A token request as the fake Microsoft Entra ID endpoint received it. */
export interface TokenRequest {
  readonly tenant: string;
  readonly form: Readonly<Record<string, string>>;
}

/**
 * A minimal Microsoft Entra ID over plain HTTP: OpenID metadata and the v2.0 token endpoint
 * (client credentials; on-behalf-of, which refuses the assertion `expired` with invalid_grant).
 * MSAL insists on an https authority, so credentials use the authority host
 * {@link FAKE_AUTHORITY} and an `httpClient` that sends those requests here instead.
 */
export interface FakeTokenEndpoint {
  readonly tokenRequests: TokenRequest[];
  /** Give credentials this as `httpClient` (with `authorityHost: FAKE_AUTHORITY`). */
  readonly httpClient: HttpClient;
  close(): Promise<void>;
}

export const FAKE_AUTHORITY = 'https://login.fake-entra.test';

export async function startFakeTokenEndpoint(): Promise<FakeTokenEndpoint> {
  const tokenRequests: TokenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', FAKE_AUTHORITY);
      const tenant = url.pathname.split('/')[1] ?? '';
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname.endsWith('/.well-known/openid-configuration')) {
        const base = `${FAKE_AUTHORITY}/${tenant}`;
        send(200, {
          issuer: `${base}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        });
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      tokenRequests.push({ tenant, form });
      if (form.grant_type === 'client_credentials')
        return send(200, {
          token_type: 'Bearer',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: `app:${form.client_id}`,
        });
      if (form.requested_token_use === 'on_behalf_of') {
        if (form.assertion === 'expired')
          return send(400, {
            error: 'invalid_grant',
            error_description: 'AADSTS500133: Assertion is not within its valid time range.',
            error_codes: [500133],
          });
        if (form.assertion === 'broken-app')
          return send(401, {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret provided.',
            error_codes: [7000215],
          });
        return send(200, {
          token_type: 'Bearer',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: `obo:${form.assertion ?? ''}`,
        });
      }
      send(400, { error: 'unsupported_grant_type', error_description: 'not faked' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const inner = createDefaultHttpClient();
  return {
    tokenRequests,
    httpClient: {
      sendRequest: (request) => {
        if (request.url.startsWith(FAKE_AUTHORITY)) {
          request.url = local + request.url.slice(FAKE_AUTHORITY.length);
          request.allowInsecureConnection = true;
        }
        return inner.sendRequest(request);
      },
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
