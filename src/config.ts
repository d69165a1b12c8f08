import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Delegate's configuration: typed, validated once at start-up, frozen, passed by constructor. */
export interface Config {
  /** Local mode: no BOT_ID, no Bot Framework auth, loopback only, sandbox tenant. */
  readonly local: boolean;
  readonly bot: {
    readonly id?: string;
    readonly password?: string;
    readonly type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId?: string;
  };
  readonly port: number;
  /** Address to listen on: 127.0.0.1 in local mode, every interface otherwise. */
  readonly host: string;
  readonly graph:
    | { readonly kind: 'sandbox'; readonly port: number; readonly dbPath: string }
    | { readonly kind: 'microsoft'; readonly baseUrl: string };
  readonly dataDir: string;
  readonly storePath: string;
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
  readonly safety: {
    /** The organisation's mail domains; recipients elsewhere are external. Empty = the requester's own domain. */
    readonly tenantDomains: readonly string[];
    /** Hosts (besides the tenant's domains) whose links may appear in what Delegate sends or posts. */
    readonly linkAllowHosts: readonly string[];
  };
}

/** Where the language model is. Keys are secrets: never logged. */
export type LlmConfig =
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      readonly deployment: string;
      readonly apiVersion: string;
      /** Absent = Microsoft Entra ID (DefaultAzureCredential). */
      readonly apiKey?: string;
      readonly timeoutMs: number;
      readonly maxRetries: number;
    }
  | { readonly kind: 'openai'; readonly baseUrl: string; readonly model: string; readonly apiKey?: string; readonly timeoutMs: number; readonly maxRetries: number };

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
const optional = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min).max(max));

const schema = z.object({
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TYPE: z.preprocess((v) => (v === undefined || v === '' ? 'MultiTenant' : v), z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])),
  BOT_TENANT_ID: optional,
  PORT: int(3978, 0, 65535),
  SANDBOX_GRAPH_PORT: int(3979, 0, 65535),
  DELEGATE_GRAPH: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['sandbox', 'microsoft']).optional()),
  GRAPH_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().default('https://graph.microsoft.com/v1.0')),
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./data')),
  DATABASE_URL: optional,
  LOG_LEVEL: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info')),
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
  AZURE_OPENAI_API_VERSION: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('2024-10-21')),
  AZURE_OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  OPENAI_API_KEY: optional,
  OPENAI_MODEL: optional,
  LLM_TIMEOUT_MS: int(60_000, 1_000, 600_000),
  LLM_MAX_RETRIES: int(3, 0, 10),
  BUDGET_USER_DAILY_TOKENS: z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().positive().optional()),
  BUDGET_TENANT_DAILY_TOKENS: z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().positive().optional()),
  TENANT_DOMAINS: optional,
  POLICY_FILE: optional,
  LINK_ALLOW_HOSTS: optional,
});

/**
 * Build the configuration from an environment (values from `env/.env.<name>` files are
 * layered underneath, real environment variables win). Lists every problem at once.
 */
export function loadConfig(env: Env, files: readonly string[] = []): Readonly<Config> {
  const merged: Record<string, string | undefined> = {};
  for (const file of files) Object.assign(merged, readEnvFile(file));
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  const parsed = schema.safeParse(merged);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const local = e.BOT_ID === undefined;
  if (!local && e.BOT_TYPE !== 'UserAssignedMSI' && e.BOT_PASSWORD === undefined) problems.push('BOT_PASSWORD: required when BOT_ID is set');
  if (e.BOT_TYPE !== 'MultiTenant' && !local && e.BOT_TENANT_ID === undefined) problems.push(`BOT_TENANT_ID: required for BOT_TYPE=${e.BOT_TYPE}`);
  if (e.DATABASE_URL !== undefined) problems.push('DATABASE_URL: the PostgreSQL store is not available yet; unset it to use SQLite under DATA_DIR');
  if (!isTimeZone(e.DEFAULT_TIME_ZONE)) problems.push(`DEFAULT_TIME_ZONE: "${e.DEFAULT_TIME_ZONE}" is not an IANA time zone`);
  const graphKind = e.DELEGATE_GRAPH ?? (local ? 'sandbox' : 'microsoft');
  if (graphKind === 'microsoft' && local) problems.push('DELEGATE_GRAPH=microsoft needs BOT_ID, BOT_PASSWORD and BOT_TENANT_ID (the app identity)');
  const llm = llmConfig(e, problems);
  const tenantDomains = list(e.TENANT_DOMAINS) ?? (local ? ['example.com'] : []);
  const linkAllowHosts = list(e.LINK_ALLOW_HOSTS) ?? [];
  for (const host of [...tenantDomains, ...linkAllowHosts]) if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host)) problems.push(`"${host}" is not a domain name (TENANT_DOMAINS / LINK_ALLOW_HOSTS)`);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    local,
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, type: e.BOT_TYPE, tenantId: e.BOT_TENANT_ID },
    port: e.PORT,
    host: local ? '127.0.0.1' : '0.0.0.0',
    graph:
      graphKind === 'sandbox'
        ? { kind: 'sandbox' as const, port: e.SANDBOX_GRAPH_PORT, dbPath: path.join(dataDir, 'sandbox.db') }
        : { kind: 'microsoft' as const, baseUrl: e.GRAPH_BASE_URL },
    dataDir,
    storePath: path.join(dataDir, 'delegate.db'),
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
    safety: { tenantDomains, linkAllowHosts },
  });
}

function llmConfig(e: z.infer<typeof schema>, problems: string[]): LlmConfig | undefined {
  const limits = { timeoutMs: e.LLM_TIMEOUT_MS, maxRetries: e.LLM_MAX_RETRIES };
  if (e.AZURE_OPENAI_ENDPOINT !== undefined) {
    if (e.OPENAI_BASE_URL !== undefined) problems.push('AZURE_OPENAI_ENDPOINT and OPENAI_BASE_URL are both set: configure one model endpoint');
    if (e.AZURE_OPENAI_DEPLOYMENT === undefined) problems.push('AZURE_OPENAI_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT');
    return { kind: 'azure', endpoint: e.AZURE_OPENAI_ENDPOINT, deployment: e.AZURE_OPENAI_DEPLOYMENT ?? '', apiVersion: e.AZURE_OPENAI_API_VERSION, apiKey: e.AZURE_OPENAI_API_KEY, ...limits };
  }
  if (e.OPENAI_BASE_URL !== undefined || e.OPENAI_API_KEY !== undefined) {
    if (e.OPENAI_MODEL === undefined) problems.push('OPENAI_MODEL: required with OPENAI_BASE_URL / OPENAI_API_KEY');
    return { kind: 'openai', baseUrl: e.OPENAI_BASE_URL ?? 'https://api.openai.com/v1', model: e.OPENAI_MODEL ?? '', apiKey: e.OPENAI_API_KEY, ...limits };
  }
  if (e.AZURE_OPENAI_DEPLOYMENT !== undefined || e.OPENAI_MODEL !== undefined) problems.push('a model is named but no endpoint is set (AZURE_OPENAI_ENDPOINT or OPENAI_BASE_URL)');
  return undefined;
}

function list(value: string | undefined): string[] | undefined {
  const items = value?.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
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

function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match || match[1] === undefined) continue;
    values[match[1]] = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
