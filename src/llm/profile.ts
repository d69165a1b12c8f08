/**
 * What kind of model Delegate talks to, and so which request knobs it accepts. Reasoning models
 * (the o-series, the gpt-5 family except its `-chat` models) reject `temperature` other than the
 * default, take a `reasoning_effort`, and count their hidden reasoning against the completion
 * limit; chat models (gpt-4o, gpt-4.1, gpt-5-chat, most local models) take `temperature` and
 * know nothing of reasoning effort.
 */

/** The two families whose request bodies differ. */
export type ModelFamily = 'reasoning' | 'chat';

/** `auto` picks the family from the model's name (configured, then as the service reports it). */
export type ModelFamilySetting = ModelFamily | 'auto';

/** How long a reasoning model may think; `none` and `xhigh` exist only on some gpt-5 models. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

export const REASONING_EFFORTS: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

/** The request knobs of one deployment or model, from configuration. */
export interface ModelProfile {
  readonly family: ModelFamilySetting;
  /** Reasoning models: how hard to think. Default `low` (every reasoning model accepts it; plans need little). */
  readonly reasoningEffort?: ReasoningEffort;
  /**
   * Reasoning models: completion tokens added to each call's answer budget for the hidden
   * reasoning, so a plan is not cut off by its own thinking. Default 8000.
   */
  readonly reasoningTokens?: number;
  /**
   * Chat models: the temperature of every call, overriding the caller's (`null` = never send one,
   * for servers that reject it). Unset = the caller's choice (0 for planning, none for compose).
   */
  readonly temperature?: number | null;
}

const GPT5_CHAT = /gpt-5(?:\.\d+)?-chat/;
const GPT5 = /gpt-5/;
const O_SERIES = /(?:^|[^a-z0-9])o[1-9](?:-|$)/;
const CHAT = /gpt-[34]|llama|mistral|phi-?\d|qwen|gemma/;

/**
 * The family a model name says, or undefined when the name says nothing (an Azure deployment
 * may be called anything). Works on deployment names that contain the model's
 * (`contoso-gpt-5-mini`) and on reported names with a date (`o4-mini-2025-04-16`).
 */
export function familyOfName(name: string): ModelFamily | undefined {
  const bare = name.trim().toLowerCase();
  if (GPT5_CHAT.test(bare)) return 'chat';
  if (GPT5.test(bare) || O_SERIES.test(bare)) return 'reasoning';
  if (CHAT.test(bare)) return 'chat';
  return undefined;
}

/** The family to use now: configured, else from the names known so far, else chat. */
export function resolveFamily(setting: ModelFamilySetting, names: readonly (string | undefined)[]): ModelFamily {
  if (setting !== 'auto') return setting;
  for (const name of names) {
    const family = name ? familyOfName(name) : undefined;
    if (family) return family;
  }
  return 'chat';
}

export const DEFAULT_REASONING_EFFORT: ReasoningEffort = 'low';
export const DEFAULT_REASONING_TOKENS = 8000;
