import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the command does not understand: the caller prints it with the usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit code of a command line that is not understood. */
export const USAGE_EXIT_CODE = 2;

/**
 * `node:util` `parseArgs`, strict: an unknown flag, a missing value or a stray positional
 * becomes a `UsageError` carrying the command's usage.
 */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  argv: readonly string[],
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>> {
  try {
    return parseArgs({ ...config, args: [...argv], strict: true });
  } catch (error) {
    // Node's TypeError may come from another realm (jest's sandbox): read its message, not instanceof.
    const message = (error as { message?: unknown } | undefined)?.message;
    throw new UsageError(typeof message === 'string' ? message : String(error), usage);
  }
}

/** The lines a command prints for a usage error. */
export function usageText(error: UsageError): string {
  return `${error.message}\n${error.usage}`;
}
