import { metrics, type Counter, type MeterProvider } from '@opentelemetry/api';

/** Delegate's counters. Created from whichever meter provider is registered (a no-op one when telemetry is off). */
export interface Instruments {
  /** Teams turns by activity type and HTTP status. */
  readonly turns: Counter;
  /** Task status changes, by the status entered (from the ledger's task_status entries). */
  readonly taskStatus: Counter;
  /** Approve / edit / reject / skip / cancel …, by verb and outcome (applied, refused, stale, auto). */
  readonly decisions: Counter;
  /** Steps run again after an attempt that may have had its effect (attempt > 1). */
  readonly stepRetries: Counter;
  /** Microsoft Graph requests retried by the gateway (attempt > 1). */
  readonly graphRetries: Counter;
  /** Microsoft Graph answers that said "slow down" (429, or 503 with Retry-After). */
  readonly graphThrottled: Counter;
}

let cached: { readonly provider: MeterProvider; readonly instruments: Instruments } | undefined;

/** The counters of the meter provider registered now (telemetry registers its own at start-up). */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider === provider) return cached.instruments;
  const meter = provider.getMeter('delegate');
  const made: Instruments = {
    turns: meter.createCounter('delegate.teams.turns', {
      description: 'Teams activities received, by type and HTTP status',
    }),
    taskStatus: meter.createCounter('delegate.tasks.status_changes', { description: 'Tasks entering each status' }),
    decisions: meter.createCounter('delegate.decisions', { description: 'Decisions on plans and checkpoints' }),
    stepRetries: meter.createCounter('delegate.steps.retries', { description: 'Step attempts after the first' }),
    graphRetries: meter.createCounter('delegate.graph.retries', {
      description: 'Microsoft Graph attempts after the first',
    }),
    graphThrottled: meter.createCounter('delegate.graph.throttled', {
      description: 'Microsoft Graph answers that asked Delegate to slow down',
    }),
  };
  cached = { provider, instruments: made };
  return made;
}
