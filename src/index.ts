import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { accountLookup, nameLookup, personResolver, profileLookup, type ProfileLookup } from './people/lookups';
import { editChoiceLookup, type EditChoiceLookup } from './people/edit-choices';
import { mailboxTimeZoneLookup, type MailboxTimeZoneLookup } from './people/mailbox-zone';
import { TeamDirectory } from './people/teams';
import { ApproversCommand } from './teams/approvers-command';
import { approversFor } from './policy/approvers';
import { envFiles, loadConfig, processEnv, type Config } from './config';
import type { Catalogue } from './engine/catalogue';
import { Engine } from './engine/engine';
import type { Clock, Ids, Logger, Planner, TaskStore } from './engine/ports';
import { systemClock } from './engine/ports';
import { Worker } from './engine/worker';
import { Scheduler } from './engine/scheduler';
import { Schedules } from './engine/schedules';
import type { ScheduleEdgeDeps } from './teams/schedule-edge';
import { ScheduleInvokes } from './teams/schedule-invokes';
import { TeamsScheduleNotifier } from './teams/schedule-notifier';
import { CachedDirectory, createGraphGateway, GraphDirectory } from './graph';
import { graphAuthFor } from './graph/credentials';
import { catalogueDeclarations, declaredGrants } from './actions/permissions';
import type { GraphGateway } from './graph/types';
import type { LlmClient } from './llm';
import { createLogger } from './log';
import { tracedLlm } from './telemetry/llm';
import { countingLedger } from './telemetry/ledger-metrics';
import { startTelemetry } from './telemetry/setup';
import { observeTaskCounts } from './telemetry/task-gauges';
import { effectiveRules } from './policy';
import { FileGovernance, FixedGovernance, type PolicyGovernance } from './policy/governance';
import type { Scope } from './engine/model';
import { RulePlanner } from './planning';
import { LlmPlanner } from './planning/llm';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from './sandbox';
import { startServer, type HttpServer } from './server';
import { openStore } from './store/open-store';
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
import type { ScheduleProvider } from './tab/schedules';
import { scheduleProvider } from './tab/schedule-provider';
import { defaultTabDirectory } from './tab/static-files';
import { tabMount } from './tab/tab-mount';

/** A running Delegate: the HTTP server, its worker, and what they stand on. */
export interface App {
  readonly config: Config;
  readonly server: HttpServer;
  readonly worker: Worker;
  readonly store: TaskStore;
  readonly engine: Engine;
  /** Recurring work: the scheduler the worker fires on every pass. */
  readonly scheduler: Scheduler;
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
  /** Where the Tasks tab's built front end is (default dist/tab-app). */
  readonly tabDirectory?: string;
  /** The Tasks tab's "Scheduled" section; without it the tab shows no schedules. */
  readonly schedules?: ScheduleProvider;
}

const TASK_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Short task ids people can type (no 0/O, 1/I), and UUIDs for everything else. */
export const randomIds: Ids = {
  taskId: () => Array.from(randomBytes(6), (b) => TASK_ID_ALPHABET[b % TASK_ID_ALPHABET.length]).join(''),
  uuid: () => randomUUID(),
};

/**
 * The composition root: the only place that knows every concrete piece. It wires them in named
 * steps, in this order: the Graph side (sandbox, gateway), governance, the store, planning, the
 * Teams edge's adapter and notifier, the engine and its worker, the bot, then the HTTP server.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const ids = randomIds;
  const instanceId = overrides.workerId ?? `${os.hostname()}:${process.pid}:${ids.uuid().slice(0, 8)}`;
  // First, so every span and counter after this point is exported (a no-op when not configured).
  const telemetry = await startTelemetry(config.telemetry, { version: appVersion(), instanceId }, logger);

  const graph = await wireGraph(config, overrides, logger, clock);
  const { policyFile, governance } = wireGovernance(config, logger);
  const opened = await openStore(config.store, {
    sealer: ledgerSealer(config, logger),
    onListenerProblem: (err) => logger.warn({ err }, 'PostgreSQL LISTEN connection lost; reconnecting'),
  });
  // With telemetry on, ledger appends are also counted (status changes, decisions) and open tasks gauged.
  const store = telemetry.enabled ? countingLedger(opened) : opened;
  if (telemetry.enabled) observeTaskCounts(store);
  const planning = await wirePlanning(config, overrides, graph.gateway, logger);
  const { llm, planner } = planning;
  // The catalogue as this deployment runs it: traced for the ledger, and with the actions Graph
  // refuses to the app marked unavailable when user steps run as the app (planning refuses them).
  const catalogue = tracedCatalogue(planning.catalogue, graph.gateway);
  const renderer = new CardRenderer(defaultCardsDirectory());
  const adapter = wireAdapter(graph, logger);
  const people = wirePeople(graph.gateway, governance, logger);
  const notifier = new TeamsNotifier(
    adapter,
    config.bot.id ?? '',
    store,
    renderer,
    catalogue,
    logger.child({ component: 'notifier' }),
    people.names,
    graph.signIn,
    clock,
  );
  const { worker, engine, workerId, scheduler, schedules } = wireEngine(
    config,
    { ...overrides, workerId: instanceId },
    {
      scheduleNotices: new TeamsScheduleNotifier(
        adapter,
        config.bot.id ?? '',
        logger.child({ component: 'schedules' }),
      ),
      store,
      catalogue,
      planner,
      governance,
      notifier,
      gateway: graph.gateway,
      people,
      clock,
      ids,
      logger,
    },
  );
  const bot = wireBot(config, {
    engine,
    catalogue,
    store,
    renderer,
    notifier,
    ids,
    clock,
    logger,
    governance,
    policyFile,
    people,
    signIn: graph.signIn,
    schedules,
  });

  const server = await startServer({
    adapter,
    auth: graph.botAuth,
    bot,
    host: config.host,
    port: config.port,
    logger,
    local: config.local,
    allowedTenant: config.bot.tenantId,
    maxInFlight: config.maxInFlightActivities,
    rateLimit: rateLimiter(store, () => governance.current().rateLimits, clock),
    readiness: () => store.readiness(),
    mount: tabMount({
      store,
      engine,
      catalogue,
      cards: notifier,
      clock,
      logger: logger.child({ component: 'tab' }),
      botId: config.bot.id,
      schedules: overrides.schedules ?? scheduleProvider(schedules.service),
      // Local mode signs in as one of the sandbox people; a deployed bot checks Teams SSO tokens.
      localPeople: config.local ? SANDBOX_DIRECTORY.users.map((u) => ({ id: u.id, name: u.displayName })) : undefined,
      sso: {
        audience: config.tab.ssoAudience,
        clientId: config.bot.id ?? '',
        tenantId: config.bot.tenantId,
        jwksUrl: config.tab.jwksUrl,
      },
      directory: overrides.tabDirectory ?? defaultTabDirectory(),
    }),
  });
  worker.start();
  // Card templates are parsed once the server answers, not before: readiness does not wait for
  // them. A stop cancels it; a template that fails is named again at its first card.
  const warming = new AbortController();
  renderer
    .warm(warming.signal)
    .catch((err: unknown) => logger.warn({ err }, 'card templates could not be prepared ahead of use'));
  announce(config, logger, { url: server.url, graphUrl: graph.baseUrl, llm: llm !== undefined, workerId });

  let stopping: Promise<void> | undefined;
  return {
    config,
    server,
    worker,
    store,
    engine,
    scheduler,
    sandbox: graph.sandbox,
    gateway: graph.gateway,
    logger,
    stop: () =>
      (stopping ??= (async () => {
        warming.abort();
        await server.close();
        await worker.stop();
        // Before the store closes: the last metric collection reads task counts from it.
        await telemetry.shutdown();
        await store.close();
        await graph.sandbox?.close();
      })()),
  };
}

/** The Graph side: the sandbox tenant when configured, the Bot Framework auth and people's SSO tokens (GRAPH_AUTH=obo), and the gateway. */
interface GraphWiring {
  readonly sandbox?: Sandbox;
  readonly botAuth: ConfigurationBotFrameworkAuthentication;
  /** The OAuth connection people's Teams SSO tokens come through, with GRAPH_AUTH=obo. */
  readonly oboConnection?: string;
  readonly signIn?: { readonly tokens: BotUserTokens; readonly connectionName: string };
  readonly baseUrl: string;
  readonly gateway: GraphGateway;
}

async function wireGraph(config: Config, overrides: AppOverrides, logger: Logger, clock: Clock): Promise<GraphWiring> {
  const sharedSandbox = overrides.graphBaseUrl ?? (config.graph.kind === 'sandbox' ? config.graph.url : undefined);
  const sandbox =
    config.graph.kind === 'sandbox' && !sharedSandbox
      ? await startSandbox({
          dbPath: config.graph.dbPath,
          port: config.graph.port,
          // The tenant seeds "this week" from the app's clock, so a pinned clock pins the whole world.
          clock: () => clock.now(),
          visibilityLagMs: config.graph.lagMs,
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
  const baseUrl = sharedSandbox ?? sandbox?.url ?? (config.graph.kind === 'microsoft' ? config.graph.baseUrl : '');
  const gateway = createGraphGateway({
    baseUrl,
    // The sandbox's tokens carry exactly what the catalogue declares, so the sandbox refuses,
    // as Graph would, any call an action (or the bot) makes without declaring it.
    auth: graphAuthFor(config.graph, { userTokens, grants: declaredGrants(catalogueDeclarations()) }),
    timeoutMs: config.graphTimeoutMs,
    maxRetries: 4,
    logger: logger.child({ component: 'graph' }),
  });
  return { sandbox, botAuth, oboConnection, signIn, baseUrl, gateway };
}

/**
 * The policy: a broken policy file stops start-up with every problem listed (file:line:column).
 * Without one, the defaults govern (checkpoints for side effects, a day's expiry, no extra approvers).
 */
function wireGovernance(
  config: Config,
  logger: Logger,
): { readonly policyFile?: FileGovernance; readonly governance: PolicyGovernance } {
  const policyFile = config.policyFile
    ? FileGovernance.open(config.policyFile, logger.child({ component: 'policy' }))
    : undefined;
  return { policyFile, governance: policyFile ?? FixedGovernance.defaults() };
}

/** The catalogue and the planner: the model's when one is configured, else the rules. */
async function wirePlanning(
  config: Config,
  overrides: AppOverrides,
  gateway: GraphGateway,
  logger: Logger,
): Promise<{ readonly llm?: LlmClient; readonly catalogue: Catalogue; readonly planner: Planner }> {
  // The model's SDKs are loaded only when a model is configured (about a tenth of a second).
  const llm = config.llm
    ? tracedLlm((await import('./llm/from-config')).llmClientFromConfig(config.llm, logger.child({ component: 'llm' })))
    : undefined;
  const catalogue = overrides.catalogue ?? createCatalogue(gateway, { llm });
  // The planner's look-ups: identical ones (concurrent, or within a minute) share one Graph call.
  const directory = new CachedDirectory(new GraphDirectory(gateway));
  const planner =
    overrides.planner ??
    (llm
      ? new LlmPlanner({ llm, catalogue, directory, logger: logger.child({ component: 'planner' }) })
      : new RulePlanner({ directory }));
  return { llm, catalogue, planner };
}

/** The Bot Framework adapter, with Teams SSO token exchange when people's tokens are used. */
function wireAdapter(graph: GraphWiring, logger: Logger): EdgeAdapter {
  const adapter = new EdgeAdapter(graph.botAuth);
  if (graph.oboConnection) adapter.use(new TeamsSSOTokenExchangeMiddleware(new MemoryStorage(), graph.oboConnection));
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled turn error');
  };
  return adapter;
}

/** The directory as the edges and the engine ask it: profiles, names, people, teams, groups and admins. */
interface PeopleWiring {
  readonly profiles: ProfileLookup;
  readonly teams: TeamDirectory;
  readonly expandPrincipals: (groups: readonly string[]) => Promise<string[]>;
  readonly names: (ids: readonly string[]) => Promise<string[]>;
  readonly resolvePerson: ReturnType<typeof personResolver>;
  /** Policy admins (user ids, groups expanded). */
  readonly admins: () => Promise<string[]>;
  /** What Edit forms' folder and channel pickers offer. */
  readonly editChoices: EditChoiceLookup;
  /** A person's zone from their mailbox settings, for messages whose activity says none. */
  readonly mailboxTimeZone: MailboxTimeZoneLookup;
}

function wirePeople(gateway: GraphGateway, governance: PolicyGovernance, logger: Logger): PeopleWiring {
  const profiles = profileLookup(gateway);
  const teams = new TeamDirectory(gateway);
  const expandPrincipals = (groups: readonly string[]) => teams.expandGroups(groups);
  const names = (idsToName: readonly string[]) =>
    Promise.all(idsToName.map(async (id) => (await profiles(id))?.name ?? id));
  const admins = async (): Promise<string[]> => {
    const listed = governance.admins();
    const groups = listed.filter((p) => p.startsWith('group:'));
    return [
      ...listed.filter((p) => !p.startsWith('group:')),
      ...(groups.length > 0 ? await expandPrincipals(groups) : []),
    ];
  };
  return {
    profiles,
    teams,
    expandPrincipals,
    names,
    resolvePerson: personResolver(gateway),
    admins,
    editChoices: editChoiceLookup(gateway, logger.child({ component: 'edit-choices' })),
    mailboxTimeZone: mailboxTimeZoneLookup(gateway, logger.child({ component: 'mailbox-zone' })),
  };
}

interface EngineParts {
  readonly scheduleNotices: TeamsScheduleNotifier;
  readonly store: TaskStore;
  readonly catalogue: Catalogue;
  readonly planner: Planner;
  readonly governance: PolicyGovernance;
  readonly notifier: TeamsNotifier;
  readonly gateway: GraphGateway;
  readonly people: PeopleWiring;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly logger: Logger;
}

/** The engine, the worker that runs its steps, the checkpoint timers that wake the worker, and the scheduler of recurring work. */
function wireEngine(
  config: Config,
  overrides: AppOverrides,
  parts: EngineParts,
): {
  readonly engine: Engine;
  readonly worker: Worker;
  readonly workerId: string;
  readonly scheduler: Scheduler;
  readonly schedules: ScheduleEdgeDeps;
} {
  const { store, catalogue, planner, governance, notifier, gateway, people, clock, ids, logger } = parts;
  const workerId = overrides.workerId ?? `${os.hostname()}:${process.pid}:${ids.uuid().slice(0, 8)}`;
  let kick = (): void => undefined;
  const timers = new CheckpointTimers({
    store,
    clock,
    ids,
    audit: new Audit(store, clock),
    notifier,
    logger: logger.child({ component: 'timers' }),
    expandPrincipals: people.expandPrincipals,
    onRunnable: () => kick(),
  });
  const worker = new Worker({
    store,
    catalogue,
    notifier,
    clock,
    ids,
    logger: logger.child({ component: 'worker' }),
    workerId,
    budgets: config.budgets,
    safety: config.safety,
    governance,
    timers,
    // The scheduler needs the engine, made below; the worker only fires it once started.
    schedules: { fireDue: () => scheduler.fireDue() },
    planPending: (task, log) =>
      engine.planPending(task, (err, correlationId) => log.warn({ err, correlationId }, 'planning failed')),
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
    expandPrincipals: people.expandPrincipals,
    channelMembers: (teamId, channelId) => people.teams.channelMembers(teamId, channelId),
    lookupNames: nameLookup(gateway, logger),
    onRunnable: () => worker.kick(),
  });
  const schedulePolicy = () => governance.schedules();
  const scheduler = new Scheduler({
    store,
    engine,
    catalogue,
    clock,
    ids,
    logger: logger.child({ component: 'scheduler' }),
    notifier,
    notices: parts.scheduleNotices,
    policy: schedulePolicy,
    accountEnabled: accountLookup(gateway),
    workerId,
    leaseMs: config.worker.leaseMs,
    onRunnable: () => worker.kick(),
  });
  const service = new Schedules({ store, engine, catalogue, clock, ids, policy: schedulePolicy });
  return { engine, worker, workerId, scheduler, schedules: { service, scheduler, policy: schedulePolicy } };
}

interface BotParts {
  readonly engine: Engine;
  readonly catalogue: Catalogue;
  readonly store: TaskStore;
  readonly renderer: CardRenderer;
  readonly notifier: TeamsNotifier;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly governance: PolicyGovernance;
  readonly policyFile?: FileGovernance;
  readonly people: PeopleWiring;
  readonly signIn?: GraphWiring['signIn'];
  readonly schedules: ScheduleEdgeDeps;
}

/** The Teams edge: the bot with its message (commands, outcomes) and invoke (card clicks) handlers. */
function wireBot(config: Config, parts: BotParts): DelegateBot {
  const { engine, catalogue, store, renderer, notifier, ids, clock, logger, governance, policyFile, people } = parts;
  const approvers = new ApproversCommand({
    store,
    resolvePerson: people.resolvePerson,
    profiles: people.profiles,
    teamOwners: (teamId) => people.teams.owners(teamId),
    admins: people.admins,
    policyApprovers: (scope) =>
      approversFor(governance.current(), { kind: scope.kind, teamId: scope.teamId, channelId: scope.channelId })
        .approvers,
  });
  const handlerDeps = { engine, catalogue, renderer, notifier, ids };
  return new DelegateBot(
    new MessageHandler({
      ...handlerDeps,
      store,
      profiles: people.profiles,
      approvers,
      admins: people.admins,
      resolvePerson: people.resolvePerson,
      teamOf: (teamOrThread, member) => people.teams.teamId(teamOrThread, member).catch(() => undefined),
      defaultTimeZone: config.defaultTimeZone,
      mailboxTimeZone: people.mailboxTimeZone,
      clock,
      policy: policyDescriber(policyFile),
      logger: logger.child({ component: 'messages' }),
      schedules: parts.schedules,
    }),
    new InvokeHandler({
      ...handlerDeps,
      people: (query) => people.resolvePerson(query),
      editChoices: people.editChoices,
      logger: logger.child({ component: 'invokes' }),
    }),
    config.bot.tenantId,
    logger,
    parts.signIn,
    new ScheduleInvokes({
      schedules: parts.schedules,
      renderer,
      catalogue,
      clock,
      ids,
      logger: logger.child({ component: 'schedule-invokes' }),
    }),
  );
}

/** Says where Delegate listens and what it runs with (never a secret). */
function announce(
  config: Config,
  logger: Logger,
  running: { readonly url: string; readonly graphUrl: string; readonly llm: boolean; readonly workerId: string },
): void {
  logger.info(
    {
      url: running.url,
      mode: config.local ? 'local' : 'bot-framework',
      graph: config.graph.kind,
      graphUrl: running.graphUrl,
      planner: running.llm ? `llm (${config.llm?.kind})` : 'rules',
      workerId: running.workerId,
    },
    config.local
      ? 'Delegate listening in local mode on 127.0.0.1 only (no Bot Framework auth, sandbox tenant)'
      : 'Delegate listening with Bot Framework authentication',
  );
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
  const starting = createApp(config);
  // The handlers are in place before the server listens: a SIGTERM that arrives while the app is
  // still starting waits for it, then stops it gracefully, instead of killing a half-started app.
  // A second signal (a supervisor or tsx repeating it) does not cut the graceful stop short.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: already stopping, finishing in-flight steps (SIGKILL stops at once)`);
      return;
    }
    stopping = true;
    starting
      .then(async (app) => {
        app.logger.info({ signal }, 'shutting down: finishing in-flight steps');
        await app.stop();
      })
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('shutdown failed', err instanceof Error ? err.message : err);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await starting;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Configuration problems are listed for the operator; anything else is a crash with a stack.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** package.json's version (one directory up from src/ and from dist/ alike). */
function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
