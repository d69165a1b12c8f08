import type { SandboxUser } from './directory';
import { badRequest } from './errors';
import type { FreshKind, SandboxStore } from './store/store';

/**
 * Who is calling: a signed-in user (delegated token) or the application, with the permissions
 * the token carries (lower-cased; scopes for a user, roles for the app). Without `grants` the
 * token holds the default grant, every permission of its kind (the plain local-mode token).
 */
export type Caller =
  | { readonly kind: 'user'; readonly user: SandboxUser; readonly grants?: ReadonlySet<string> }
  | { readonly kind: 'app'; readonly grants?: ReadonlySet<string> };

/** A request as the pipeline sees it (from HTTP or from inside a `$batch`). */
export interface CoreRequest {
  readonly method: string;
  /** Path and query, starting with `/v1.0/`. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body: only when the content type is absent or JSON. */
  readonly body: unknown;
  /** Set when the body was present, meant as JSON, but not valid JSON. */
  readonly bodyError?: boolean;
  /** The body's bytes exactly as sent (simple uploads read these); absent inside a `$batch`. */
  readonly rawBody?: Buffer;
}

/** What the pipeline answers; `body` undefined means no content. */
export interface CoreResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** What a handler returns before the pipeline adds Graph's standard headers. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Everything a route handler may use. */
export interface RequestContext {
  readonly method: string;
  /** Path params captured by the route (`:user`, `:id`…), URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** The request's bytes as sent, when it came over HTTP (see {@link CoreRequest.rawBody}). */
  readonly rawBody?: Buffer;
  readonly caller: Caller;
  /** The absolute URL of this request (nextLinks repeat it). */
  readonly requestUrl: URL;
  /** `http://host:port/v1.0`. */
  readonly baseUrl: string;
  readonly now: Date;
  readonly store: SandboxStore;
  /**
   * The items a list or search shows now: without the ones still within the sandbox's
   * eventual-consistency lag (all of them when the request asked `x-sandbox-consistency: strong`).
   */
  readonly listable: <T>(kind: FreshKind, items: readonly T[], keyOf: (item: T) => string) => T[];
  /** Run another request through the same pipeline (used by `$batch`). */
  readonly dispatch: (request: CoreRequest) => Promise<CoreResponse>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const accepted = (): Reply => ({ status: 202 });
export const noContent = (): Reply => ({ status: 204 });

/** The JSON body as an object, or a 400 like Graph's when it is missing or not an object. */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
    throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  }
  return ctx.body as Record<string, unknown>;
}
