import type { Logger } from '../../src/engine/ports';

/** One structured log line as the app wrote it. */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly obj: Record<string, unknown>;
  readonly msg?: string;
}

/** A Logger that keeps every line (with its child bindings) for assertions. */
export function recordingLogger(lines: LogLine[], bindings: Record<string, unknown> = {}): Logger {
  const write = (level: LogLine['level']) => (obj: object, msg?: string) =>
    void lines.push({ level, obj: { ...bindings, ...(obj as Record<string, unknown>) }, msg });
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => recordingLogger(lines, { ...bindings, ...(more as Record<string, unknown>) }),
  };
}
