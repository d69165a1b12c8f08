export type {
  ChatMessage,
  ChatRequest,
  ChatResult,
  ChatUsage,
  JsonSchemaFormat,
  LlmClient,
  ToolCall,
  ToolSpec,
} from './port';
export { LlmError, type LlmErrorCode, type LlmFailure } from './errors';
export { createLlmClient, type ConfiguredLlmClient } from './openai-client';
export type {
  AzureLlmAuth,
  AzureLlmOptions,
  CommonLlmOptions,
  LlmClientOptions,
  OpenAiCompatibleLlmOptions,
} from './options';
export type { LlmLogger } from './logger';
export type { TokenLimitParam } from './request';
export { COGNITIVE_SERVICES_SCOPE } from './sdk';
export {
  DATAMARK,
  DEFAULT_MAX_CHARS,
  SPOTLIGHT_INSTRUCTIONS,
  untrustedBlock,
  type UntrustedBlockOptions,
} from './spotlight';
