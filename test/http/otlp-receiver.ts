import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OTLP/JSON attribute value. */
type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };

export interface ReceivedSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly attributes: Record<string, string | number | boolean | undefined>;
  readonly resource: Record<string, string | number | boolean | undefined>;
}

export interface ReceivedMetric {
  readonly name: string;
  readonly points: {
    readonly value: number;
    readonly attributes: Record<string, string | number | boolean | undefined>;
  }[];
}

function flatten(
  list: { key: string; value: AnyValue }[] | undefined,
): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const { key, value } of list ?? [])
    out[key] =
      value.stringValue ??
      (value.intValue !== undefined ? Number(value.intValue) : undefined) ??
      value.boolValue ??
      value.doubleValue;
  return out;
}

/** A collector for tests: accepts OTLP/HTTP JSON on /v1/traces and /v1/metrics and keeps every body. */
export class OtlpReceiver {
  readonly bodies: { path: string; text: string }[] = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.bodies.push({ path: req.url ?? '', text: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  spans(): ReceivedSpan[] {
    const out: ReceivedSpan[] = [];
    for (const body of this.bodies.filter((b) => b.path === '/v1/traces')) {
      const json = JSON.parse(body.text) as {
        resourceSpans: {
          resource?: { attributes?: { key: string; value: AnyValue }[] };
          scopeSpans: {
            spans: {
              name: string;
              traceId: string;
              spanId: string;
              parentSpanId?: string;
              attributes?: { key: string; value: AnyValue }[];
            }[];
          }[];
        }[];
      };
      for (const rs of json.resourceSpans)
        for (const ss of rs.scopeSpans)
          for (const span of ss.spans)
            out.push({
              name: span.name,
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              attributes: flatten(span.attributes),
              resource: flatten(rs.resource?.attributes),
            });
    }
    return out;
  }

  metrics(): ReceivedMetric[] {
    const out: ReceivedMetric[] = [];
    for (const body of this.bodies.filter((b) => b.path === '/v1/metrics')) {
      const json = JSON.parse(body.text) as {
        resourceMetrics: {
          scopeMetrics: {
            metrics: {
              name: string;
              sum?: {
                dataPoints: {
                  asInt?: string | number;
                  asDouble?: number;
                  attributes?: { key: string; value: AnyValue }[];
                }[];
              };
              gauge?: {
                dataPoints: {
                  asInt?: string | number;
                  asDouble?: number;
                  attributes?: { key: string; value: AnyValue }[];
                }[];
              };
            }[];
          }[];
        }[];
      };
      for (const rm of json.resourceMetrics)
        for (const sm of rm.scopeMetrics)
          for (const metric of sm.metrics) {
            const points = (metric.sum ?? metric.gauge)?.dataPoints ?? [];
            out.push({
              name: metric.name,
              points: points.map((p) => ({
                value: Number(p.asInt ?? p.asDouble ?? 0),
                attributes: flatten(p.attributes),
              })),
            });
          }
    }
    return out;
  }
}
