import pino from 'pino';
import type { Logger } from './engine/ports';
import { traceIds } from './telemetry/spans';

/**
 * Structured JSON logs. Secrets are redacted by path as a second line of defence; the first is
 * never logging them (message bodies and tokens are not logged at info level at all).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'delegate' },
    redact: {
      paths: [
        '*.password',
        '*.authorization',
        '*.Authorization',
        '*.token',
        '*.accessToken',
        'req.headers.authorization',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
    // A line written inside a turn, step or Graph call carries its trace_id and span_id.
    mixin: traceIds,
  };
  return destination ? pino(options, destination) : pino(options);
}
