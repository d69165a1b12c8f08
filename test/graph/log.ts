import type { GraphLogger } from '../../src/graph/types';

/** A logger that keeps every line, for asserting what was (not) logged. */
export function recordingLogger(): GraphLogger & {
  readonly lines: Array<{ level: string; obj: object; msg?: string }>;
} {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
