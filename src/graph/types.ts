import type { TokenCredential } from '@azure/identity';
import type { TokenAudience } from './middleware/auth';
import type { OnBehalfOfAuth } from './on-behalf-of';

/** The structured logger the gateway writes to (pino-compatible). Never given secrets or bodies. */
export interface GraphLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** How the gateway authenticates. */
export type GraphAuth =
  /**
   * The embedded sandbox tenant: `Bearer sandbox:<upn>` or `Bearer sandbox:app`, sent only to its
   * own origin. With `grants`, each token carries exactly those permissions
   * (`sandbox:<upn>;scp=…` for a person, `sandbox:app;roles=…` for the app), and the sandbox
   * refuses what they do not cover, as Graph would; without, the sandbox's default grant applies.
   * `userIdentity: 'app'` runs user steps as the app, like an app-only deployment
   * (`GRAPH_AUTH=secret`); the default runs them as the person, like `obo`.
   */
  | {
      readonly kind: 'sandbox';
      readonly grants?: { readonly delegated: readonly string[]; readonly application: readonly string[] };
      readonly userIdentity?: 'user' | 'app';
    }
  /**
   * Real Microsoft Graph. `credential` is the app identity (client secret, certificate, managed
   * identity), used by `forApp`. With `onBehalfOf`, `forUser` runs as the requester (their SSO
   * token exchanged on-behalf-of, or a SignInRequiredError); without it, `forUser` runs as the
   * app against the requester's own resources (`/users/{id}/…`).
   */
  | {
      readonly kind: 'credential';
      readonly credential: TokenCredential;
      readonly scopes?: readonly string[];
      readonly onBehalfOf?: OnBehalfOfAuth;
      /**
       * Which URLs may receive these tokens. Default: Microsoft Graph's https hosts only. Set in
       * code (never from the environment) for a Graph-compatible test server.
       */
      readonly audience?: TokenAudience;
    };

/** Options of {@link createGraphGateway}. */
export interface GraphGatewayOptions {
  /** Service root including the version, e.g. `https://graph.microsoft.com/v1.0` or the sandbox url. */
  readonly baseUrl: string;
  readonly auth: GraphAuth;
  /** Time allowed for one HTTP attempt, headers and body included. */
  readonly timeoutMs: number;
  /** Retries after the first attempt for throttling and transient failures. */
  readonly maxRetries: number;
  readonly logger: GraphLogger;
  /** First backoff delay when the server gives no Retry-After; doubles per retry, with jitter. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** A Retry-After longer than this is not waited for in-call: the throttling error is surfaced instead. Default 60 s. */
  readonly maxRetryAfterMs?: number;
}

/** Per-call options shared by every {@link GraphPort} method. */
export interface CallOptions {
  /** Extra request headers (e.g. `ConsistencyLevel: eventual`, `Prefer`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Cancels the call (and any wait between retries). */
  readonly signal?: AbortSignal;
  /**
   * How to name the target in user-facing errors, e.g. "Megan's calendar".
   * Defaults to a description derived from the path.
   */
  readonly what?: string;
}

/** Options of a POST. */
export interface PostOptions extends CallOptions {
  /**
   * True when replaying the POST cannot duplicate an effect (a query such as findMeetingTimes,
   * or a write carrying its own idempotency such as a `transactionId`). Such POSTs are retried
   * like GETs; all others are never replayed after an ambiguous failure.
   */
  readonly idempotent?: boolean;
}

/** Options of a PUT of raw content (a file's bytes). */
export interface PutOptions extends CallOptions {
  /** The body's media type. Default `application/octet-stream`. */
  readonly contentType?: string;
  /**
   * True when replaying the PUT converges (content to a path with conflictBehavior=replace).
   * Default false: a PUT that may fail or rename on a taken name is never replayed after an
   * ambiguous failure, exactly like a POST; the caller reconciles.
   */
  readonly idempotent?: boolean;
}

/** Query parameters; values are URL-encoded by the port. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** One read in a JSON batch. Only reads are batched, so a batch can always be retried. */
export interface BatchRequest {
  /** Path relative to the service root, with its query already encoded, e.g. `/users/42/messages?$top=5`. */
  readonly url: string;
  readonly method?: 'GET';
  readonly headers?: Readonly<Record<string, string>>;
}

/** The answer to one {@link BatchRequest}. */
export interface BatchResponse<T = unknown> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: T;
}

/** Microsoft Graph as one identity sees it. Paths are relative to the service root. */
export interface GraphPort {
  get<T>(path: string, query?: Query, options?: CallOptions): Promise<T>;
  /** Follows `@odata.nextLink` for at most `maxPages` pages and returns every `value` item. */
  getAll<T>(path: string, options: CallOptions & { readonly maxPages: number; readonly query?: Query }): Promise<T[]>;
  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: CallOptions): Promise<T>;
  /** Sends `body` as is (not JSON), e.g. a simple upload to `…/root:/{path}:/content`. */
  put<T>(path: string, body: Uint8Array, options?: PutOptions): Promise<T>;
  delete(path: string, options?: CallOptions): Promise<void>;
  /** JSON `$batch` in chunks of at most 20; responses come back in request order. */
  batch<T = unknown>(requests: readonly BatchRequest[], options?: CallOptions): Promise<BatchResponse<T>[]>;
}

/** Who a {@link GraphPort} acts as. */
export interface GraphActor {
  readonly id: string;
  readonly upn?: string;
}

/** Hands out Graph ports per identity. */
export interface GraphGateway {
  /** Acts for the requester: as them (delegated) or as the app on their resources, see `userIdentity`. */
  forUser(actor: GraphActor): GraphPort;
  /** Acts as the application. */
  forApp(): GraphPort;
  /**
   * Whose token `forUser` sends: `user` (the sandbox's user bearer, or on-behalf-of) or `app`
   * (an app-only deployment). Absent means `user`. Lets callers refuse a step that must run as
   * the person rather than quietly running it as the app.
   */
  readonly userIdentity?: 'user' | 'app';
}
