import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { DefaultAzureCredential } from '@azure/identity';
import {
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  TeamsSSOTokenExchangeMiddleware,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { createCatalogue } from './actions';
import { tracedCatalogue } from './actions/traced';
import { Audit } from './engine/audit';
import { CheckpointTimers } from './engine/checkpoint-timers';
import { nameLookup, personResolver, profileLookup } from './people/lookups';
import { TeamDirectory } from './people/teams';
import { ApproversCommand } from './teams/approvers-command';
import { approversFor } from './policy/approvers';
import { envFiles, loadConfig, processEnv, type Config, type LlmConfig } from './config';
import type { Catalogue } from './engine/catalogue';
import { Engine } from './engine/engine';
import type { Clock, Ids, Logger, Planner, TaskStore } from './engine/ports';
import { systemClock } from './engine/ports';
import { Worker } from './engine/worker';
import { createGraphGateway, GraphDirectory } from './graph';
import { graphAuthFor } from './graph/credentials';
import type { GraphGateway } from './graph/types';
import { createLlmClient, type LlmClient } from './llm';
import { createLogger } from './log';
import { effectiveRules } from './policy';
import { FileGovernance, FixedGovernance, type PolicyGovernance } from './policy/governance';
import type { Scope } from './engine/model';
import { RulePlanner } from './planning';
import { LlmPlanner } from './planning/llm';
import { startSandbox, type Sandbox } from './sandbox';
import { startServer, type HttpServer } from './server';
import { openSqliteStore } from './store/sqlite-store';
import { DelegateBot } from './teams/bot';
import { CardRenderer, defaultCardsDirectory } from './teams/cards';
import { InvokeHandler } from './teams/invoke-handler';
import { MessageHandler } from './teams/message-handler';
import { TeamsNotifier } from './teams/notifier';
import { BotUserTokens } from './teams/signin/bot-user-tokens';
import { ledgerSealer } from './ledger/sealer';
import { EdgeAdapter } from './edge/edge-adapter';
import { openIdMetadataOptions } from './edge/bot-auth-options';
import { rateLimiter } from './edge/rate-limit';

/** A running Delegate: the HTTP server, its worker, and what they stand on. */
export interface App {
  readonly config: Config;
  readonly server: HttpServer;
  readonly worker: Worker;
  readonly store: TaskStore;
  readonly engine: Engine;
  readonly sandbox?: Sandbox;
  readonly gateway: GraphGateway;
  readonly logger: Logger;
  /** Graceful stop: no new requests, in-flight steps finish and record their result, leases released. */
  stop(): Promise<void>;
}

/** What tests may swap: anything not given is built from the configuration. */
export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly planner?: Planner;
  readonly catalogue?: Catalogue;
  /** Where the sandbox tenant's Graph lives when it is started elsewhere (e.g. shared by tests). */
  readonly graphBaseUrl?: string;
  readonly workerId?: string;
}

const TASK_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Short task ids people can type (no 0/O, 1/I), and UUIDs for everything else. */
export const randomIds: Ids = {
  taskId: () => Array.from(randomBytes(6), (b) => TASK_ID_ALPHABET[b % TASK_ID_ALPHABET.length]).join(''),
  uuid: () => randomUUID(),
};

/** The composition root: the only place that knows every concrete piece. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const ids = randomIds;

  const sandbox =
    config.graph.kind === 'sandbox' && !overrides.graphBaseUrl
      ? await startSandbox({
          dbPath: config.graph.dbPath,
          port: config.graph.port,
          logger: logger.child({ component: 'sandbox' }),
        })
      : undefined;
  // With GRAPH_AUTH=obo, people's Teams SSO tokens come from the Bot Framework token service.
  const botAuth = new ConfigurationBotFrameworkAuthentication(botAuthOptions(config));
  const oboConnection =
    config.graph.kind === 'microsoft' && config.graph.auth.kind === 'obo'
      ? config.graph.auth.connectionName
      : undefined;
  const userTokens = oboConnection
    ? new BotUserTokens({
        auth: botAuth,
        botAppId: config.bot.id ?? '',
        connectionName: oboConnection,
        logger: logger.child({ component: 'user-tokens' }),
      })
    : undefined;
  const signIn = userTokens && oboConnection ? { tokens: userTokens, connectionName: oboConnection } : undefined;
  const graphBaseUrl =
    overrides.graphBaseUrl ?? sandbox?.url ?? (config.graph.kind === 'microsoft' ? config.graph.baseUrl : '');
  const gateway = createGraphGateway({
    baseUrl: graphBaseUrl,
    auth: graphAuthFor(config.graph, { userTokens }),
    timeoutMs: config.graphTimeoutMs,
    maxRetries: 4,
    logger: logger.child({ component: 'graph' }),
  });

  // A broken policy file stops start-up with every problem listed (file:line:column). Without
  // one, the defaults govern (checkpoints for side effects, a day's expiry, no extra approvers).
  const policyFile = config.policyFile
    ? FileGovernance.open(config.policyFile, logger.child({ component: 'policy' }))
    : undefined;
  const governance: PolicyGovernance = policyFile ?? FixedGovernance.defaults();
  const store = await openSqliteStore(config.storePath, { sealer: ledgerSealer(config, logger) });
  const llm = config.llm ? llmClient(config.llm, logger.child({ component: 'llm' })) : undefined;
  const catalogue = overrides.catalogue ?? createCatalogue(gateway, { llm });
  const directory = new GraphDirectory(gateway);
  const planner =
    overrides.planner ??
    (llm
      ? new LlmPlanner({ llm, catalogue, directory, logger: logger.child({ component: 'planner' }) })
      : new RulePlanner({ directory }));
  const renderer = new CardRenderer(defaultCardsDirectory());

  const adapter = new EdgeAdapter(botAuth);
  if (oboConnection) adapter.use(new TeamsSSOTokenExchangeMiddleware(new MemoryStorage(), oboConnection));
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled turn error');
  };
  const profiles = profileLookup(gateway);
  const teams = new TeamDirectory(gateway);
  const expandPrincipals = (groups: readonly string[]) => teams.expandGroups(groups);
  const names = (idsToName: readonly string[]) =>
    Promise.all(idsToName.map(async (id) => (await profiles(id))?.name ?? id));
  const notifier = new TeamsNotifier(
    adapter,
    config.bot.id ?? '',
    store,
    renderer,
    catalogue,
    logger.child({ component: 'notifier' }),
    names,
    signIn,
  );

  const workerId = overrides.workerId ?? `${os.hostname()}:${process.pid}:${ids.uuid().slice(0, 8)}`;
  let kick = (): void => undefined;
  const timers = new CheckpointTimers({
    store,
    clock,
    ids,
    audit: new Audit(store, clock),
    notifier,
    logger: logger.child({ component: 'timers' }),
    expandPrincipals,
    onRunnable: () => kick(),
  });
  const worker = new Worker({
    store,
    catalogue: tracedCatalogue(catalogue, gateway),
    notifier,
    clock,
    ids,
    logger: logger.child({ component: 'worker' }),
    workerId,
    budgets: config.budgets,
    safety: config.safety,
    governance,
    timers,
    ...config.worker,
  });
  kick = () => worker.kick();
  const engine = new Engine({
    store,
    planner,
    catalogue,
    clock,
    ids,
    budgets: config.budgets,
    safety: config.safety,
    governance,
    expandPrincipals,
    channelMembers: (teamId, channelId) => teams.channelMembers(teamId, channelId),
    lookupNames: nameLookup(gateway, logger),
    onRunnable: () => worker.kick(),
  });

  const resolvePerson = personResolver(gateway);
  const admins = async (): Promise<string[]> => {
    const listed = governance.admins();
    const groups = listed.filter((p) => p.startsWith('group:'));
    return [
      ...listed.filter((p) => !p.startsWith('group:')),
      ...(groups.length > 0 ? await expandPrincipals(groups) : []),
    ];
  };
  const approvers = new ApproversCommand({
    store,
    resolvePerson,
    profiles,
    teamOwners: (teamId) => teams.owners(teamId),
    admins,
    policyApprovers: (scope) =>
      approversFor(governance.current(), { kind: scope.kind, teamId: scope.teamId, channelId: scope.channelId })
        .approvers,
  });
  const handlerDeps = { engine, catalogue, renderer, notifier, ids };
  const bot = new DelegateBot(
    new MessageHandler({
      ...handlerDeps,
      store,
      profiles,
      approvers,
      admins,
      resolvePerson,
      teamOf: (teamOrThread, member) => teams.teamId(teamOrThread, member).catch(() => undefined),
      defaultTimeZone: config.defaultTimeZone,
      policy: policyDescriber(policyFile),
      logger: logger.child({ component: 'messages' }),
    }),
    new InvokeHandler({
      ...handlerDeps,
      people: (query) => resolvePerson(query),
      logger: logger.child({ component: 'invokes' }),
    }),
    config.bot.tenantId,
    logger,
    signIn,
  );

  const server = await startServer({
    adapter,
    auth: botAuth,
    bot,
    host: config.host,
    port: config.port,
    logger,
    local: config.local,
    allowedTenant: config.bot.tenantId,
    maxInFlight: config.maxInFlightActivities,
    rateLimit: rateLimiter(store, () => governance.current().rateLimits, clock),
  });
  worker.start();
  logger.info(
    {
      url: server.url,
      mode: config.local ? 'local' : 'bot-framework',
      graph: config.graph.kind,
      graphUrl: graphBaseUrl,
      planner: llm ? `llm (${config.llm?.kind})` : 'rules',
      workerId,
    },
    config.local
      ? 'Delegate listening in local mode on 127.0.0.1 only (no Bot Framework auth, sandbox tenant)'
      : 'Delegate listening with Bot Framework authentication',
  );

  let stopping: Promise<void> | undefined;
  return {
    config,
    server,
    worker,
    store,
    engine,
    sandbox,
    gateway,
    logger,
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await worker.stop();
        await store.close();
        await sandbox?.close();
      })()),
  };
}

/** The model client: Azure OpenAI (API key, or Microsoft Entra ID when no key is set) or any OpenAI-compatible endpoint. */
function llmClient(llm: LlmConfig, logger: Logger): LlmClient {
  const common = { timeoutMs: llm.timeoutMs, maxRetries: llm.maxRetries, logger };
  if (llm.kind === 'azure') {
    const auth = llm.apiKey ? { apiKey: llm.apiKey } : { credential: new DefaultAzureCredential() };
    return createLlmClient({
      kind: 'azure',
      endpoint: llm.endpoint,
      deployment: llm.deployment,
      apiVersion: llm.apiVersion,
      auth,
      ...common,
    });
  }
  return createLlmClient({ kind: 'openai', baseUrl: llm.baseUrl, model: llm.model, apiKey: llm.apiKey, ...common });
}

function botAuthOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.bot.id ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    ...openIdMetadataOptions(config.bot.openIdMetadataUrl),
  };
}

/** The `policy` command's answer: the effective rules for a conversation. */
function policyDescriber(governance: FileGovernance | undefined): (scope: Scope) => string[] {
  if (!governance)
    return () => [
      'No policy file is configured (POLICY_FILE), so the defaults apply: every step that sends, posts, creates or deletes stops at a checkpoint for your approval, and steps the safety guards flag always do.',
    ];
  return (scope) =>
    effectiveRules(governance.current(), { kind: scope.kind, teamId: scope.teamId, channelId: scope.channelId });
}

async function main(): Promise<void> {
  const env = processEnv();
  // Toolkit convention: env/.env.<TEAMSFX_ENV> (+ .user secrets); local unless told otherwise.
  const config = loadConfig(env, envFiles(process.cwd(), env.TEAMSFX_ENV ?? 'local'));
  const app = await createApp(config);
  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'shutting down: finishing in-flight steps');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Configuration problems are listed for the operator; anything else is a crash with a stack.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
