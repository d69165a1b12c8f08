/** Where traces and metrics go; neither set = telemetry off (nothing registered, no cost). */
export interface TelemetrySettings {
  /** `service.name` on every span and metric (OTEL_SERVICE_NAME). */
  readonly serviceName: string;
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); `/v1/traces` and `/v1/metrics` are appended. */
  readonly otlpEndpoint?: string;
  /** Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING); a secret, never logged. */
  readonly appInsightsConnectionString?: string;
  /** How often metrics are exported (OTEL_METRIC_EXPORT_INTERVAL, milliseconds). */
  readonly metricIntervalMs: number;
}

export function telemetryEnabled(settings: TelemetrySettings): boolean {
  return settings.otlpEndpoint !== undefined || settings.appInsightsConnectionString !== undefined;
}
