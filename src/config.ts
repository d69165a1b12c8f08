import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readEnvFiles } from './env-file';
import type { LedgerKeySpec } from './ledger/keyring';
import { REASONING_EFFORTS, type ModelProfile, type ReasoningEffort } from './llm/profile';
import type { TokenLimitParam } from './llm/request';
import { postgresStoreConfig, type StoreConfig } from './store/store-config';
import type { TelemetrySettings } from './telemetry/settings';
import { ssoApplicationIdUri } from './teams/signin/sso-address';

/** Delegate's configuration: typed, validated once at start-up, frozen, passed by constructor. */
export interface Config {
  /** Local mode: no BOT_ID, no Bot Framework auth, loopback only, sandbox tenant. */
  readonly local: boolean;
  readonly bot: {
    readonly id?: string;
    readonly password?: string;
    readonly type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId?: string;
    /**
     * Where the signing keys of inbound Bot Framework tokens are published (OpenID metadata);
     * default the Bot Framework's own. Only for tests and sovereign clouds: a wrong value lets
     * whoever holds those keys talk to the bot.
     */
    readonly openIdMetadataUrl?: string;
  };
  /** Activities one instance processes at once; beyond that it answers 503 with Retry-After. */
  readonly maxInFlightActivities: number;
  readonly port: number;
  /** Address to listen on: 127.0.0.1 in local mode, every interface otherwise. */
  readonly host: string;
  readonly graph:
    | {
        readonly kind: 'sandbox';
        readonly port: number;
        readonly dbPath: string;
        /** A sandbox tenant already running here (several local instances share one); none is started. */
        readonly url?: string;
        /** Eventual consistency: how long new items stay out of the sandbox's lists and searches (0: none). */
        readonly lagMs?: number;
        /**
         * Who user steps run as: the person (default), or the app when GRAPH_AUTH names an
         * app-only mode (`secret`, `certificate`, `managed-identity`), to try an app-only deployment.
         */
        readonly identity?: 'user' | 'app';
      }
    | { readonly kind: 'microsoft'; readonly baseUrl: string; readonly auth: GraphAuthConfig };
  readonly dataDir: string;
  /** The SQLite file under DATA_DIR (used when DATABASE_URL is not set). */
  readonly storePath: string;
  /** The durable store: SQLite at `storePath`, or PostgreSQL when DATABASE_URL is set. */
  readonly store: StoreConfig;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** IANA zone used when a Teams activity carries none. */
  readonly defaultTimeZone: string;
  readonly worker: {
    readonly leaseMs: number;
    readonly pollMs: number;
    readonly concurrency: number;
    readonly maxSteps: number;
    readonly maxDurationMs: number;
    readonly stepTimeoutMs: number;
  };
  readonly graphTimeoutMs: number;
  /** The language model for the LLM planner and compose steps; undefined = rule planner only. */
  readonly llm?: LlmConfig;
  /** Daily model-token budgets; undefined fields = unlimited. */
  readonly budgets: { readonly userDailyTokens?: number; readonly tenantDailyTokens?: number };
  /** Path of the YAML policy file; undefined = built-in defaults (every side effect stops at a checkpoint). */
  readonly policyFile?: string;
  /**
   * Keys that sign the audit ledger's chain heads (never stored in the database). Secrets: never
   * logged. Without a signing key the ledger is hash-chained but unsigned.
   */
  readonly ledger: LedgerKeys;
  /** The Tasks tab (`/tab`): how its API checks Teams SSO tokens (unused in local mode, which signs in locally). */
  readonly tab: TabConfig;
  readonly safety: {
    /** The organisation's mail domains; recipients elsewhere are external. Empty = the requester's own domain. */
    readonly tenantDomains: readonly string[];
    /** Hosts (besides the tenant's domains) whose links may appear in what Delegate sends or posts. */
    readonly linkAllowHosts: readonly string[];
  };
  /** OpenTelemetry traces and metrics (OTLP and/or Application Insights); off when neither is set. */
  readonly telemetry: TelemetrySettings;
}

/** How the Tasks tab's API verifies the Teams SSO tokens the tab sends (docs: README "Tasks tab"). */
export interface TabConfig {
  /**
   * The token audience: `api://${BOT_DOMAIN}/botid-${BOT_ID}`, exactly the manifest's
   * `webApplicationInfo.resource`. Undefined (BOT_DOMAIN unset) = the tab's API refuses every token.
   */
  readonly ssoAudience?: string;
  /** Where Entra publishes its token signing keys (TAB_SSO_JWKS_URL); tests point it at their own. */
  readonly jwksUrl: string;
}

/** The ledger's signing key and the retired keys that still verify older seals. */
export interface LedgerKeys {
  readonly signing?: LedgerKeySpec;
  readonly retired: readonly LedgerKeySpec[];
}

/** How requests to the model are shaped and bounded, whichever endpoint serves it. */
export interface LlmModelSettings {
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** The longest Retry-After waited for before giving up on a throttled call. */
  readonly maxRetryAfterMs: number;
  /** Body field of the answer-length limit. */
  readonly tokenLimitParam: TokenLimitParam;
  /** Model family (reasoning or chat, or detected) and its knobs. */
  readonly profile: ModelProfile;
}

/** Where the language model is. Keys are secrets: never logged. */
export type LlmConfig = LlmModelSettings &
  (
    | {
        readonly kind: 'azure';
        readonly endpoint: string;
        readonly deployment: string;
        readonly apiVersion: string;
        /** Absent = Microsoft Entra ID (DefaultAzureCredential). */
        readonly apiKey?: string;
      }
    | {
        readonly kind: 'openai';
        readonly baseUrl: string;
        readonly model: string;
        readonly apiKey?: string;
      }
  );

/**
 * How Delegate signs in to real Microsoft Graph (`GRAPH_AUTH`). The first three are app
 * identities: user steps then run as the app against `/users/{requester}/…`. `obo` runs user
 * steps as the requester (Teams SSO token exchanged on-behalf-of) and app steps as the app.
 * Secrets are never logged.
 */
export type GraphAuthConfig =
  | {
      readonly kind: 'secret';
      readonly tenantId: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly authorityHost: string;
    }
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      readonly certificatePath: string;
      readonly authorityHost: string;
    }
  /** System-assigned identity when `clientId` is absent, else the user-assigned one. */
  | { readonly kind: 'managed-identity'; readonly clientId?: string }
  | {
      readonly kind: 'obo';
      readonly tenantId: string;
      readonly clientId: string;
      /** How the app proves itself, for the exchange and for app steps. */
      readonly app: { readonly clientSecret: string } | { readonly certificatePath: string };
      /** The bot's OAuth connection (Azure Bot resource) that holds users' SSO tokens. */
      readonly connectionName: string;
      readonly authorityHost: string;
    };

/** An environment: name → value, as in `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration problem list; start-up prints all of them at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Tells "unset" (undefined or blank) from a value. */
const optional = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
);
const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min).max(max));

const schema = z.object({
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TYPE: z.preprocess(
    (v) => (v === undefined || v === '' ? 'MultiTenant' : v),
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']),
  ),
  BOT_TENANT_ID: optional,
  BOT_OPENID_METADATA_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  MAX_INFLIGHT_ACTIVITIES: int(64, 1, 10_000),
  PORT: int(3978, 0, 65535),
  SANDBOX_GRAPH_PORT: int(3979, 0, 65535),
  SANDBOX_GRAPH_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  SANDBOX_GRAPH_LAG_MS: int(0, 0, 600_000),
  DELEGATE_GRAPH: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['sandbox', 'microsoft']).optional()),
  GRAPH_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().default('https://graph.microsoft.com/v1.0')),
  GRAPH_AUTH: z.preprocess(
    (v) => (v === '' ? undefined : v),
    // Acting as the requester is the least-privileged default; app-only is an explicit, scoped choice (docs/identity.md).
    z.enum(['secret', 'certificate', 'managed-identity', 'obo']).default('obo'),
  ),
  AAD_APP_CLIENT_ID: optional,
  AAD_APP_TENANT_ID: optional,
  AAD_APP_CLIENT_SECRET: optional,
  SECRET_AAD_APP_CLIENT_SECRET: optional,
  AAD_APP_CERTIFICATE_PATH: optional,
  AAD_APP_OAUTH_AUTHORITY_HOST: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url().default('https://login.microsoftonline.com'),
  ),
  MANAGED_IDENTITY_CLIENT_ID: optional,
  OAUTH_CONNECTION_NAME: optional,
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./data')),
  DATABASE_URL: optional,
  DATABASE_SCHEMA: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('public')),
  DATABASE_SSL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['disable', 'require', 'verify-full']).optional(),
  ),
  DATABASE_SSL_CA_FILE: optional,
  DATABASE_STATEMENT_TIMEOUT_MS: int(15_000, 100, 600_000),
  DATABASE_POOL_MAX: int(10, 1, 200),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ),
  DEFAULT_TIME_ZONE: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('UTC')),
  WORKER_LEASE_MS: int(30_000, 1_000, 3_600_000),
  WORKER_POLL_MS: int(1_000, 10, 60_000),
  WORKER_CONCURRENCY: int(4, 1, 64),
  TASK_MAX_STEPS: int(20, 1, 200),
  TASK_MAX_MINUTES: int(7 * 24 * 60, 1, 60 * 24 * 90),
  STEP_TIMEOUT_MS: int(120_000, 1_000, 3_600_000),
  GRAPH_TIMEOUT_MS: int(30_000, 100, 600_000),
  AZURE_OPENAI_ENDPOINT: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  AZURE_OPENAI_DEPLOYMENT: optional,
  // The first version with reasoning models (o-series, gpt-5), reasoning_effort and structured outputs.
  AZURE_OPENAI_API_VERSION: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('2025-04-01-preview')),
  AZURE_OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  OPENAI_API_KEY: optional,
  OPENAI_MODEL: optional,
  LLM_TIMEOUT_MS: int(60_000, 1_000, 600_000),
  LLM_MAX_RETRIES: int(3, 0, 10),
  LLM_MAX_RETRY_WAIT_MS: int(30_000, 0, 60_000),
  LLM_MODEL_FAMILY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['auto', 'reasoning', 'chat']).default('auto'),
  ),
  LLM_REASONING_EFFORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(REASONING_EFFORTS as [ReasoningEffort, ...ReasoningEffort[]]).default('low'),
  ),
  LLM_REASONING_TOKENS: int(8_000, 0, 100_000),
  LLM_TEMPERATURE: optional,
  LLM_TOKEN_LIMIT_PARAM: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['max_completion_tokens', 'max_tokens']).default('max_completion_tokens'),
  ),
  BUDGET_USER_DAILY_TOKENS: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Number(v)),
    z.number().int().positive().optional(),
  ),
  BUDGET_TENANT_DAILY_TOKENS: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Number(v)),
    z.number().int().positive().optional(),
  ),
  TENANT_DOMAINS: optional,
  POLICY_FILE: optional,
  LEDGER_SIGNING_KEY: optional,
  LEDGER_VERIFY_KEYS: optional,
  LINK_ALLOW_HOSTS: optional,
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  OTEL_SERVICE_NAME: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('delegate')),
  OTEL_METRIC_EXPORT_INTERVAL: int(60_000, 1_000, 3_600_000),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optional,
  BOT_DOMAIN: optional,
  TAB_SSO_JWKS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  ),
});

/** Every environment variable the configuration reads (the deployment tests check names against it). */
export const CONFIG_KEYS: readonly string[] = Object.keys(schema.shape);

/**
 * Build the configuration from an environment (values from `env/.env.<name>` files are
 * layered underneath, real environment variables win). Lists every problem at once.
 */
export function loadConfig(env: Env, files: readonly string[] = []): Readonly<Config> {
  const merged: Record<string, string | undefined> = readEnvFiles(files);
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  const parsed = schema.safeParse(merged);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const local = e.BOT_ID === undefined;
  if (!local && e.BOT_TYPE !== 'UserAssignedMSI' && e.BOT_PASSWORD === undefined)
    problems.push('BOT_PASSWORD: required when BOT_ID is set');
  if (e.BOT_TYPE !== 'MultiTenant' && !local && e.BOT_TENANT_ID === undefined)
    problems.push(`BOT_TENANT_ID: required for BOT_TYPE=${e.BOT_TYPE}`);
  const postgres =
    e.DATABASE_URL === undefined ? undefined : postgresStoreConfig({ ...e, DATABASE_URL: e.DATABASE_URL }, problems);
  if (!isTimeZone(e.DEFAULT_TIME_ZONE))
    problems.push(`DEFAULT_TIME_ZONE: "${e.DEFAULT_TIME_ZONE}" is not an IANA time zone`);
  const graphKind = e.DELEGATE_GRAPH ?? (local ? 'sandbox' : 'microsoft');
  if (graphKind === 'microsoft' && local)
    problems.push('DELEGATE_GRAPH=microsoft needs BOT_ID, BOT_PASSWORD and BOT_TENANT_ID (the app identity)');
  const graphAuth = graphKind === 'microsoft' && !local ? graphAuthConfig(e, problems) : undefined;
  const llm = llmConfig(e, problems);
  const tenantDomains = list(e.TENANT_DOMAINS) ?? (local ? ['example.com'] : []);
  const linkAllowHosts = list(e.LINK_ALLOW_HOSTS) ?? [];
  const ledger = ledgerKeys(e.LEDGER_SIGNING_KEY, e.LEDGER_VERIFY_KEYS, problems);
  for (const host of [...tenantDomains, ...linkAllowHosts])
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host))
      problems.push(`"${host}" is not a domain name (TENANT_DOMAINS / LINK_ALLOW_HOSTS)`);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    local,
    bot: {
      id: e.BOT_ID,
      password: e.BOT_PASSWORD,
      type: e.BOT_TYPE,
      tenantId: e.BOT_TENANT_ID,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    maxInFlightActivities: e.MAX_INFLIGHT_ACTIVITIES,
    port: e.PORT,
    host: local ? '127.0.0.1' : '0.0.0.0',
    graph:
      graphKind === 'sandbox'
        ? {
            kind: 'sandbox' as const,
            port: e.SANDBOX_GRAPH_PORT,
            dbPath: path.join(dataDir, 'sandbox.db'),
            lagMs: e.SANDBOX_GRAPH_LAG_MS,
            identity: e.GRAPH_AUTH === 'obo' ? ('user' as const) : ('app' as const),
            ...(e.SANDBOX_GRAPH_URL ? { url: e.SANDBOX_GRAPH_URL.replace(/\/+$/, '') } : {}),
          }
        : { kind: 'microsoft' as const, baseUrl: e.GRAPH_BASE_URL, auth: graphAuth as GraphAuthConfig },
    dataDir,
    storePath: path.join(dataDir, 'delegate.db'),
    store: postgres ?? { kind: 'sqlite' as const, path: path.join(dataDir, 'delegate.db') },
    logLevel: e.LOG_LEVEL,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    worker: {
      leaseMs: e.WORKER_LEASE_MS,
      pollMs: e.WORKER_POLL_MS,
      concurrency: e.WORKER_CONCURRENCY,
      maxSteps: e.TASK_MAX_STEPS,
      maxDurationMs: e.TASK_MAX_MINUTES * 60_000,
      stepTimeoutMs: e.STEP_TIMEOUT_MS,
    },
    graphTimeoutMs: e.GRAPH_TIMEOUT_MS,
    llm,
    budgets: { userDailyTokens: e.BUDGET_USER_DAILY_TOKENS, tenantDailyTokens: e.BUDGET_TENANT_DAILY_TOKENS },
    policyFile: e.POLICY_FILE === undefined ? undefined : path.resolve(e.POLICY_FILE),
    ledger,
    tab: {
      ssoAudience:
        e.BOT_ID !== undefined && e.BOT_DOMAIN !== undefined
          ? ssoApplicationIdUri(e.BOT_DOMAIN.replace(/^https?:\/\//, '').replace(/\/+$/, ''), e.BOT_ID)
          : undefined,
      jwksUrl: e.TAB_SSO_JWKS_URL,
    },
    safety: { tenantDomains, linkAllowHosts },
    telemetry: {
      serviceName: e.OTEL_SERVICE_NAME,
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      metricIntervalMs: e.OTEL_METRIC_EXPORT_INTERVAL,
    },
  });
}

const LEDGER_KEY = /^([A-Za-z0-9._-]{1,64}):(hmac-sha256|ed25519):([A-Za-z0-9+/=_-]+)$/;

/**
 * `LEDGER_SIGNING_KEY=<id>:hmac-sha256:<base64 secret>` (or `<id>:ed25519:<base64 PKCS #8 DER>`)
 * and `LEDGER_VERIFY_KEYS`, a comma-separated list of retired keys in the same form (an Ed25519
 * one may be its SPKI public key). Only the shape is checked here; the key material when the
 * keyring is built. Problems name the variable, never the value.
 */
function ledgerKeys(signing: string | undefined, verify: string | undefined, problems: string[]): LedgerKeys {
  const spec = (text: string, name: string): LedgerKeySpec | undefined => {
    const match = LEDGER_KEY.exec(text.trim());
    if (match) return { id: match[1]!, algorithm: match[2] as LedgerKeySpec['algorithm'], material: match[3]! };
    problems.push(`${name}: expected <key id>:hmac-sha256:<base64 secret> or <key id>:ed25519:<base64 DER key>`);
    return undefined;
  };
  const retired = (verify ?? '')
    .split(',')
    .filter((item) => item.trim() !== '')
    .flatMap((item) => spec(item, 'LEDGER_VERIFY_KEYS') ?? []);
  const signingKey = signing === undefined ? undefined : spec(signing, 'LEDGER_SIGNING_KEY');
  const ids = [signingKey, ...retired].flatMap((key) => (key ? [key.id] : []));
  if (new Set(ids).size !== ids.length) problems.push('LEDGER_SIGNING_KEY / LEDGER_VERIFY_KEYS: key ids must differ');
  return { signing: signingKey, retired };
}

/** Only the ledger keys of an environment, for tools (the audit CLI) that need nothing else. */
export function loadLedgerKeys(env: Env, files: readonly string[] = []): LedgerKeys {
  const merged: Record<string, string | undefined> = { ...readEnvFiles(files) };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const problems: string[] = [];
  const keys = ledgerKeys(blank(merged.LEDGER_SIGNING_KEY), blank(merged.LEDGER_VERIFY_KEYS), problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return keys;
}

/** `LLM_TEMPERATURE`: a number from 0 to 2, `none` (never send one), or unset (the caller's choice). */
function temperatureOf(value: string | undefined, problems: string[]): number | null | undefined {
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'none') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 2) {
    problems.push(`LLM_TEMPERATURE: "${value}" is not a number from 0 to 2, or "none"`);
    return undefined;
  }
  return n;
}

function modelSettings(e: z.infer<typeof schema>, problems: string[]): LlmModelSettings {
  const temperature = temperatureOf(e.LLM_TEMPERATURE, problems);
  if (temperature !== undefined && e.LLM_MODEL_FAMILY === 'reasoning')
    problems.push('LLM_TEMPERATURE: reasoning models accept no temperature; unset it or set LLM_MODEL_FAMILY=chat');
  return {
    timeoutMs: e.LLM_TIMEOUT_MS,
    maxRetries: e.LLM_MAX_RETRIES,
    maxRetryAfterMs: e.LLM_MAX_RETRY_WAIT_MS,
    tokenLimitParam: e.LLM_TOKEN_LIMIT_PARAM,
    profile: {
      family: e.LLM_MODEL_FAMILY,
      reasoningEffort: e.LLM_REASONING_EFFORT,
      reasoningTokens: e.LLM_REASONING_TOKENS,
      ...(temperature === undefined ? {} : { temperature }),
    },
  };
}

function llmConfig(e: z.infer<typeof schema>, problems: string[]): LlmConfig | undefined {
  const limits = modelSettings(e, problems);
  if (e.AZURE_OPENAI_ENDPOINT !== undefined) {
    if (e.OPENAI_BASE_URL !== undefined)
      problems.push('AZURE_OPENAI_ENDPOINT and OPENAI_BASE_URL are both set: configure one model endpoint');
    if (e.AZURE_OPENAI_DEPLOYMENT === undefined)
      problems.push('AZURE_OPENAI_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT');
    return {
      kind: 'azure',
      endpoint: e.AZURE_OPENAI_ENDPOINT,
      deployment: e.AZURE_OPENAI_DEPLOYMENT ?? '',
      apiVersion: e.AZURE_OPENAI_API_VERSION,
      apiKey: e.AZURE_OPENAI_API_KEY,
      ...limits,
    };
  }
  if (e.OPENAI_BASE_URL !== undefined || e.OPENAI_API_KEY !== undefined) {
    if (e.OPENAI_MODEL === undefined) problems.push('OPENAI_MODEL: required with OPENAI_BASE_URL / OPENAI_API_KEY');
    return {
      kind: 'openai',
      baseUrl: e.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
      model: e.OPENAI_MODEL ?? '',
      apiKey: e.OPENAI_API_KEY,
      ...limits,
    };
  }
  if (e.AZURE_OPENAI_DEPLOYMENT !== undefined || e.OPENAI_MODEL !== undefined)
    problems.push('a model is named but no endpoint is set (AZURE_OPENAI_ENDPOINT or OPENAI_BASE_URL)');
  return undefined;
}

/**
 * The Graph identity. The Entra app defaults to the bot's own registration (BOT_ID, its secret
 * BOT_PASSWORD and BOT_TENANT_ID), as the toolkit's single-app templates do.
 */
function graphAuthConfig(e: z.infer<typeof schema>, problems: string[]): GraphAuthConfig | undefined {
  const kind = e.GRAPH_AUTH;
  if (kind === 'managed-identity') {
    const clientId = e.MANAGED_IDENTITY_CLIENT_ID ?? (e.BOT_TYPE === 'UserAssignedMSI' ? e.BOT_ID : undefined);
    return { kind, clientId };
  }
  const clientId = e.AAD_APP_CLIENT_ID ?? e.BOT_ID ?? '';
  const tenantId = e.AAD_APP_TENANT_ID ?? e.BOT_TENANT_ID;
  const secret = appSecret(e, clientId, problems);
  const certificatePath =
    e.AAD_APP_CERTIFICATE_PATH === undefined ? undefined : path.resolve(e.AAD_APP_CERTIFICATE_PATH);
  const authorityHost = e.AAD_APP_OAUTH_AUTHORITY_HOST;
  if (tenantId === undefined)
    problems.push(
      `AAD_APP_TENANT_ID (or BOT_TENANT_ID): required for GRAPH_AUTH=${kind}: the tenant whose Microsoft 365 Delegate works in`,
    );
  if (certificatePath !== undefined && !existsSync(certificatePath))
    problems.push(`AAD_APP_CERTIFICATE_PATH: no file at ${certificatePath}`);
  if (kind === 'secret') {
    if (secret === undefined)
      problems.push("AAD_APP_CLIENT_SECRET (or BOT_PASSWORD for the bot's own app): required for GRAPH_AUTH=secret");
    return { kind, clientId, tenantId: tenantId ?? '', clientSecret: secret ?? '', authorityHost };
  }
  if (kind === 'certificate') {
    if (certificatePath === undefined)
      problems.push('AAD_APP_CERTIFICATE_PATH: required for GRAPH_AUTH=certificate (a PEM file with the private key)');
    return { kind, clientId, tenantId: tenantId ?? '', certificatePath: certificatePath ?? '', authorityHost };
  }
  if (secret === undefined && certificatePath === undefined)
    problems.push("GRAPH_AUTH=obo needs the app's credential: AAD_APP_CLIENT_SECRET or AAD_APP_CERTIFICATE_PATH");
  if (e.OAUTH_CONNECTION_NAME === undefined)
    problems.push(
      "OAUTH_CONNECTION_NAME: required for GRAPH_AUTH=obo (the OAuth connection of the Azure Bot resource that holds users' Teams SSO tokens)",
    );
  const app = certificatePath !== undefined ? { certificatePath } : { clientSecret: secret ?? '' };
  return {
    kind,
    clientId,
    tenantId: tenantId ?? '',
    app,
    connectionName: e.OAUTH_CONNECTION_NAME ?? '',
    authorityHost,
  };
}

/** The app's plain client secret; the toolkit's encrypted `crypto_…` values are refused. */
function appSecret(e: z.infer<typeof schema>, clientId: string, problems: string[]): string | undefined {
  const secret =
    e.AAD_APP_CLIENT_SECRET ?? e.SECRET_AAD_APP_CLIENT_SECRET ?? (clientId === e.BOT_ID ? e.BOT_PASSWORD : undefined);
  if (secret?.startsWith('crypto_')) {
    problems.push(
      'the app client secret is still encrypted by the toolkit (crypto_…): set the plain secret as AAD_APP_CLIENT_SECRET',
    );
    return undefined;
  }
  return secret;
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  return items && items.length > 0 ? items : undefined;
}

/** The environment files for an environment name, toolkit style: committed values, then secrets. */
export function envFiles(root: string, name: string): string[] {
  return [path.join(root, 'env', `.env.${name}`), path.join(root, 'env', `.env.${name}.user`)];
}

/** Read the process environment. The one place that touches `process.env`. */
export function processEnv(): Env {
  return process.env;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
