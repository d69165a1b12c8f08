import type { AccessToken, TokenCredential } from '@azure/identity';
import type { LlmLogger } from '../../src/llm/logger';

/** A logger that keeps every line, for asserting what was (not) logged. */
export function recordingLogger(): LlmLogger & {
  readonly lines: Array<{ level: string; obj: object; msg?: string }>;
  text(): string;
} {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) =>
    void lines.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => JSON.stringify(lines),
  };
}

/** A TokenCredential that hands out a fixed token and remembers the scopes it was asked for. */
export function fakeCredential(token = 'entra-token-123'): TokenCredential & { readonly scopes: string[][] } {
  const scopes: string[][] = [];
  return {
    scopes,
    getToken: async (requested: string | string[]): Promise<AccessToken> => {
      scopes.push(Array.isArray(requested) ? requested : [requested]);
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

/** A TokenCredential that cannot sign in. */
export function failingCredential(): TokenCredential {
  return {
    getToken: async () => {
      throw new Error('no managed identity endpoint available');
    },
  };
}

/** Elapsed milliseconds of `run`, with its outcome. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}
