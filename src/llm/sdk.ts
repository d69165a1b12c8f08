import { getBearerTokenProvider, type TokenCredential } from '@azure/identity';
import { AzureOpenAI, OpenAI, type AzureClientOptions, type ClientOptions } from 'openai';
import { CredentialFailure } from './classify';
import type { AzureLlmOptions, LlmSettings, OpenAiCompatibleLlmOptions } from './options';
import type { observingFetch } from './transport';

/** The Entra ID scope of Azure OpenAI / Azure AI services. */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/**
 * Stands in for the key of an OpenAI-compatible server that needs none: the SDK insists on one,
 * and the Authorization header carrying it is removed before sending.
 */
const NO_KEY = 'no-key';

type SdkFetch = ReturnType<typeof observingFetch>;

/**
 * Everything we pass explicitly, so that nothing comes from `process.env` (the SDK reads
 * OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_LOG and more for unset options).
 * Its own logger is off: it would log URLs and, at debug, request details; we log what we choose.
 */
function shared(
  settings: LlmSettings,
  fetch: SdkFetch,
): Pick<ClientOptions, 'timeout' | 'maxRetries' | 'fetch' | 'logLevel' | 'organization' | 'project' | 'webhookSecret'> {
  return {
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    fetch,
    logLevel: 'off',
    organization: null,
    project: null,
    webhookSecret: null,
  };
}

/** `AzureOpenAI` as microsoft/teams.ts builds it: key, or Entra ID through a bearer token provider. */
export function azureSdk(options: AzureLlmOptions, settings: LlmSettings, fetch: SdkFetch): AzureOpenAI {
  const auth: Pick<AzureClientOptions, 'apiKey' | 'azureADTokenProvider'> =
    'apiKey' in options.auth
      ? { apiKey: options.auth.apiKey }
      : // `null`, not undefined: undefined would let the SDK default it from AZURE_OPENAI_API_KEY and then refuse both.
        { apiKey: null as unknown as undefined, azureADTokenProvider: tokenProvider(options.auth.credential) };
  return new AzureOpenAI({
    ...shared(settings, fetch),
    // A baseURL rather than `endpoint`: with `endpoint` the SDK would still default baseURL from OPENAI_BASE_URL and reject the pair.
    baseURL: `${options.endpoint.replace(/\/+$/, '')}/openai`,
    deployment: options.deployment,
    apiVersion: options.apiVersion,
    ...auth,
  });
}

/** A plain client for any OpenAI-compatible endpoint. */
export function openAiSdk(options: OpenAiCompatibleLlmOptions, settings: LlmSettings, fetch: SdkFetch): OpenAI {
  const keyless = options.apiKey === undefined || options.apiKey === '';
  return new OpenAI({
    ...shared(settings, fetch),
    baseURL: options.baseUrl,
    apiKey: keyless ? NO_KEY : options.apiKey,
    adminAPIKey: null,
    ...(keyless ? { defaultHeaders: { Authorization: null } } : {}),
  });
}

/** Entra tokens for Azure OpenAI; a failure is marked so it maps to `llm_auth`, not a transport error. */
function tokenProvider(credential: TokenCredential): () => Promise<string> {
  const getToken = getBearerTokenProvider(credential, COGNITIVE_SERVICES_SCOPE);
  return async () => {
    try {
      return await getToken();
    } catch (error) {
      throw new CredentialFailure(error);
    }
  };
}
