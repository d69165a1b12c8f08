/**
 * What an operator should change when the service refuses a request's shape (HTTP 400, or 404
 * for an unknown api-version). Read from the service's own error: `param`, `code` and message.
 */

/** The parts of the service's error body a hint is chosen from. */
export interface RejectedRequest {
  readonly status: number;
  readonly param?: string;
  readonly code?: string;
  readonly message?: string;
}

/** Where the request went, for the hint's wording. */
export interface HintContext {
  readonly provider: 'azure' | 'openai';
  readonly family: 'reasoning' | 'chat';
  readonly apiVersion?: string;
}

/** The longest service message kept for the log. */
export const MAX_SERVICE_MESSAGE = 400;

/** The service's message, bounded and on one line (it describes our request, never a prompt). */
export function serviceMessageOf(message: unknown): string | undefined {
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > MAX_SERVICE_MESSAGE ? `${line.slice(0, MAX_SERVICE_MESSAGE - 1)}…` : line;
}

/** A one-line hint naming the setting to change, or undefined when nothing specific applies. */
export function hintFor(rejected: RejectedRequest, context: HintContext): string | undefined {
  const text = `${rejected.param ?? ''} ${rejected.code ?? ''} ${rejected.message ?? ''}`.toLowerCase();
  const version = context.apiVersion ? ` (now ${context.apiVersion})` : '';
  if (/api[- ]?version/.test(text) || /enabled only for api versions/.test(text))
    return `the API version does not support this model or request: set AZURE_OPENAI_API_VERSION to a newer one${version}, e.g. 2025-04-01-preview`;
  if (text.includes('temperature'))
    return 'this model accepts no temperature (a reasoning model): set LLM_MODEL_FAMILY=reasoning, or LLM_TEMPERATURE=none';
  if (text.includes('reasoning_effort'))
    return context.family === 'reasoning'
      ? 'this model takes no reasoning_effort (not a reasoning model, or not this effort): set LLM_MODEL_FAMILY=chat, or another LLM_REASONING_EFFORT'
      : 'set LLM_MODEL_FAMILY=chat';
  if (text.includes('max_completion_tokens'))
    return 'this server wants the legacy limit: set LLM_TOKEN_LIMIT_PARAM=max_tokens';
  if (text.includes('max_tokens'))
    return 'this model wants the newer limit: set LLM_TOKEN_LIMIT_PARAM=max_completion_tokens';
  if (/response_format|json_schema|structured/.test(text))
    return context.provider === 'azure'
      ? `structured outputs need a model that supports them and API version 2024-08-01-preview or later${version}`
      : 'this model or server does not support JSON-schema structured outputs; choose one that does';
  if (rejected.status === 404 && context.provider === 'azure')
    return `check AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT and AZURE_OPENAI_API_VERSION${version}`;
  return undefined;
}
