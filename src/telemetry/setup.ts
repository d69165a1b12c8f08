import { context, metrics, propagation, trace } from '@opentelemetry/api';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../engine/ports';
import { telemetryEnabled, type TelemetrySettings } from './settings';

/** The running telemetry pipeline: flushed and shut down with the app. */
export interface Telemetry {
  readonly enabled: boolean;
  /** Export what is buffered now (spans and metrics). */
  flush(): Promise<void>;
  /** Flush, stop exporting and unregister (a later app in the same process starts clean). */
  shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, flush: async () => undefined, shutdown: async () => undefined };

/**
 * OpenTelemetry traces and metrics, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set and to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (both may
 * be). Registers the global tracer and meter providers and the AsyncLocalStorage context, so the
 * edges (the server, the Graph gateway, actions, the model client) only use `@opentelemetry/api`.
 * Spans carry ids, names, statuses and counts, never message bodies, search words or tokens.
 * The SDK and exporters are loaded only when telemetry is on (they add a good part of a second
 * to start-up otherwise).
 */
export async function startTelemetry(
  settings: TelemetrySettings,
  about: { readonly version: string; readonly instanceId: string },
  logger: Logger,
): Promise<Telemetry> {
  if (!telemetryEnabled(settings)) return OFF;
  const [{ resourceFromAttributes }, { MeterProvider, PeriodicExportingMetricReader }, { BatchSpanProcessor }] =
    await Promise.all([
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-metrics'),
      import('@opentelemetry/sdk-trace-base'),
    ]);
  const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const resource = resourceFromAttributes({
    'service.name': settings.serviceName,
    'service.version': about.version,
    'service.instance.id': about.instanceId,
  });
  const spanExporters: SpanExporter[] = [];
  const metricExporters: PushMetricExporter[] = [];
  if (settings.otlpEndpoint) {
    const [{ OTLPTraceExporter }, { OTLPMetricExporter }] = await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/exporter-metrics-otlp-http'),
    ]);
    const base = settings.otlpEndpoint.replace(/\/+$/, '');
    spanExporters.push(new OTLPTraceExporter({ url: `${base}/v1/traces` }));
    metricExporters.push(new OTLPMetricExporter({ url: `${base}/v1/metrics` }));
  }
  if (settings.appInsightsConnectionString) {
    const { AzureMonitorMetricExporter, AzureMonitorTraceExporter } =
      await import('@azure/monitor-opentelemetry-exporter');
    const connectionString = settings.appInsightsConnectionString;
    spanExporters.push(new AzureMonitorTraceExporter({ connectionString }));
    metricExporters.push(new AzureMonitorMetricExporter({ connectionString }));
  }
  const tracing = new NodeTracerProvider({
    resource,
    spanProcessors: spanExporters.map((exporter) => new BatchSpanProcessor(exporter)),
  });
  tracing.register();
  const meters = new MeterProvider({
    resource,
    readers: metricExporters.map(
      (exporter) => new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: settings.metricIntervalMs }),
    ),
  });
  metrics.setGlobalMeterProvider(meters);
  logger.info(
    {
      otlp: settings.otlpEndpoint !== undefined,
      applicationInsights: settings.appInsightsConnectionString !== undefined,
      serviceName: settings.serviceName,
    },
    'telemetry: exporting traces and metrics',
  );
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    flush: async () => {
      await Promise.all([tracing.forceFlush(), meters.forceFlush()]);
    },
    shutdown: () =>
      (stopped ??= (async () => {
        try {
          await Promise.all([tracing.shutdown(), meters.shutdown()]);
        } catch (err) {
          logger.warn({ err }, 'telemetry: the last export failed');
        } finally {
          trace.disable();
          metrics.disable();
          context.disable();
          propagation.disable();
        }
      })()),
  };
}
