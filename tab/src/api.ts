import type { Me } from './types';

/** How the tab proves who is using it: a Teams SSO token (in Teams), or the session cookie (local). */
export type TokenSource = () => Promise<string | undefined>;

/** An API answer that is not a success, with the server's words for it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The tab's calls to /api/tab: same origin, JSON, authenticated on every call. */
export class Api {
  constructor(private readonly token: TokenSource) {}

  async get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.token();
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (!res.ok)
      throw new ApiError(
        res.status,
        String(parsed.error ?? res.status),
        String(parsed.message ?? 'The request failed.'),
        parsed,
      );
    return parsed as T;
  }
}

/** The server's mode: local (sign in as a sandbox person) or Teams (SSO). */
export async function serverMode(): Promise<'local' | 'teams'> {
  const res = await fetch('/api/tab/config', { credentials: 'same-origin' });
  const body = (await res.json()) as { mode: 'local' | 'teams' };
  return body.mode;
}

export async function localPeople(): Promise<Me[]> {
  const res = await fetch('/api/tab/local/people', { credentials: 'same-origin' });
  return ((await res.json()) as { people: Me[] }).people;
}

export async function localSignIn(personId: string): Promise<Me> {
  const res = await fetch('/api/tab/local/sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  if (!res.ok) throw new ApiError(res.status, 'sign_in_failed', 'Could not sign in.', {});
  return (await res.json()) as Me;
}

export async function localSignOut(): Promise<void> {
  await fetch('/api/tab/local/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}
