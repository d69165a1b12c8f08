import { DefaultAzureCredential } from '@azure/identity';
import type { LlmConfig } from '../config';
import type { LlmLogger } from './logger';
import { createLlmClient, type ConfiguredLlmClient } from './openai-client';

/**
 * The model client for a configuration: Azure OpenAI (API key, or Microsoft Entra ID when no
 * key is set) or any OpenAI-compatible endpoint. Shared by the bot and `npm run eval:planner`.
 */
export function llmClientFromConfig(llm: LlmConfig, logger: LlmLogger): ConfiguredLlmClient {
  const common = {
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    maxRetryAfterMs: llm.maxRetryAfterMs,
    tokenLimitParam: llm.tokenLimitParam,
    profile: llm.profile,
    logger,
  };
  if (llm.kind === 'azure') {
    const auth = llm.apiKey ? { apiKey: llm.apiKey } : { credential: new DefaultAzureCredential() };
    return createLlmClient({
      kind: 'azure',
      endpoint: llm.endpoint,
      deployment: llm.deployment,
      apiVersion: llm.apiVersion,
      auth,
      ...common,
    });
  }
  return createLlmClient({ kind: 'openai', baseUrl: llm.baseUrl, model: llm.model, apiKey: llm.apiKey, ...common });
}
