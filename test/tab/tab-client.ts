/** Calls the Tasks tab's API as the tab does: JSON, with the session cookie or a bearer token. */
export class TabClient {
  private cookie = '';

  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  /** Local mode: sign in as one of the sandbox people (by Entra object id). */
  async signIn(personId: string): Promise<number> {
    const res = await this.request('POST', '/api/tab/local/sign-in', { personId });
    const set = res.headers.get('set-cookie') ?? '';
    this.cookie = set.split(';')[0] ?? '';
    return res.status;
  }

  /** The session cookie as sent, for tests that tamper with it. */
  get sessionCookie(): string {
    return this.cookie;
  }

  set sessionCookie(value: string) {
    this.cookie = value;
  }

  async get<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }> {
    const res = await this.request('GET', path);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async post<T = Record<string, unknown>>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const res = await this.request('POST', path, body);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

/** A waiting item as the API returns it (the fields the tests read). */
export interface Waiting {
  readonly taskId: string;
  readonly stepId?: string;
  readonly planVersion: number;
  readonly previewHash: string;
  readonly preview: {
    kind: string;
    title: string;
    facts?: { title: string; value: string }[];
    blocks?: { label: string; text: string }[];
  };
}
