/** The structured logger the client writes to (pino-compatible). Never given prompts, answers or keys. */
export interface LlmLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;

/** For callers that pass no logger. */
export const silentLogger: LlmLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
