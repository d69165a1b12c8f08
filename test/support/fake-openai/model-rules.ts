import type { ChatBody, ErrorReply, FakeRoute } from './types';

/**
 * What the real services refuse, by model family, with their own error shapes (captured from
 * Azure OpenAI and OpenAI): reasoning models (o-series, gpt-5 except `-chat`) reject
 * `temperature` other than 1 and the legacy `max_tokens`, and on Azure need an api-version of
 * 2024-12-01-preview or later; chat models reject `reasoning_effort`.
 */

/** Whether the fake treats a model or deployment name as a reasoning model. */
export function isReasoningModel(name: string): boolean {
  const bare = name.toLowerCase();
  if (/gpt-5(?:\.\d+)?-chat/.test(bare)) return false;
  return /gpt-5/.test(bare) || /(?:^|[^a-z0-9])o[1-9](?:-|$)/.test(bare);
}

const FIRST_REASONING_API_VERSION = '2024-12-01-preview';

function invalid(param: string, code: string, message: string): ErrorReply {
  return { status: 400, error: { message, type: 'invalid_request_error', param, code } };
}

/** The 400 the real service answers this body with, if it refuses it. */
export function refusal(
  body: ChatBody,
  model: string,
  route: FakeRoute,
  apiVersion: string | undefined,
): ErrorReply | undefined {
  if (isReasoningModel(model)) {
    // Dated versions compare as text; `preview`/`latest`/`v1` are current.
    if (
      route === 'azure' &&
      apiVersion &&
      /^\d{4}-\d{2}-\d{2}/.test(apiVersion) &&
      apiVersion < FIRST_REASONING_API_VERSION
    )
      return {
        status: 400,
        error: {
          message: `Model ${model} is enabled only for api versions ${FIRST_REASONING_API_VERSION} and later`,
          type: 'invalid_request_error',
          code: 'BadRequest',
        },
      };
    if (body.temperature !== undefined && body.temperature !== 1)
      return invalid(
        'temperature',
        'unsupported_value',
        `Unsupported value: 'temperature' does not support ${String(body.temperature)} with this model. Only the default (1) value is supported.`,
      );
    if (body.max_tokens !== undefined)
      return invalid(
        'max_tokens',
        'unsupported_parameter',
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      );
    return undefined;
  }
  if (body.reasoning_effort !== undefined)
    return invalid(
      'reasoning_effort',
      'unsupported_parameter',
      "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
    );
  return undefined;
}
