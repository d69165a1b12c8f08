import type {
  ContentFilterDetectionResultOutput,
  ContentFilterResultDetailsForPromptOutput,
  ContentFilterResultsForChoiceOutput,
  ContentFilterResultsForPromptOutput,
} from '@azure/openai/types';
import type { ChatCompletion } from 'openai/resources/chat/completions';

/**
 * Azure OpenAI's content filter, read from the shapes `@azure/openai/types` gives it (the package
 * also augments the `openai` SDK's `ChatCompletion` with `prompt_filter_results` and each
 * choice's `content_filter_results`). Only category names and flags are read: the filter's
 * verdicts carry no text, and the service's error message is never passed on.
 */

/** Which side the filter stopped: what Delegate sent, or the model's answer. */
export type FilteredSide = 'prompt' | 'completion';

/**
 * Prompt details as Azure sends them: the typed categories, plus two the 2.0.0 types do not
 * list yet (`indirect_attack`, from Prompt Shields on documents, and `custom_blocklists`).
 */
interface PromptDetails extends ContentFilterResultDetailsForPromptOutput {
  indirect_attack?: ContentFilterDetectionResultOutput;
  custom_blocklists?: { filtered?: boolean };
}

interface ChoiceDetails extends ContentFilterResultsForChoiceOutput {
  custom_blocklists?: { filtered?: boolean };
}

/** Every category name either side may report, as Azure spells it. */
export type FilterCategory = Exclude<keyof PromptDetails | keyof ChoiceDetails, 'error'>;

/** What the filter stopped and why; no text of the prompt or the answer. */
export interface ContentFilterVerdict {
  readonly side: FilteredSide;
  /** Categories marked `filtered: true`, in a fixed order; empty when Azure named none. */
  readonly categories: readonly FilterCategory[];
}

const CATEGORY_WORDS: Readonly<Record<FilterCategory, string>> = {
  hate: 'hate',
  sexual: 'sexual content',
  violence: 'violence',
  self_harm: 'self-harm',
  profanity: 'profanity',
  jailbreak: 'a jailbreak attempt',
  indirect_attack: 'instructions hidden in the content',
  protected_material_text: 'protected text',
  protected_material_code: 'protected code',
  custom_blocklists: "your organisation's blocklist",
};

const ORDER = Object.keys(CATEGORY_WORDS) as FilterCategory[];

/** The categories an Azure filter result marks as filtered. Tolerates any shape: it is a service's answer. */
export function filteredCategories(result: PromptDetails | ChoiceDetails | undefined | null): FilterCategory[] {
  if (result === null || typeof result !== 'object') return [];
  const entries = result as Readonly<Record<string, unknown>>;
  return ORDER.filter((category) => {
    const value = entries[category];
    return value !== null && typeof value === 'object' && (value as { filtered?: unknown }).filtered === true;
  });
}

/**
 * A filtered prompt, from the body of Azure's HTTP 400: `error.code: "content_filter"` with
 * `error.innererror.content_filter_result` (inner code `ResponsibleAIPolicyViolation`).
 * `body` is the SDK's `APIError.error`, i.e. the `error` object of the response.
 */
export function promptFilterVerdict(code: unknown, body: unknown): ContentFilterVerdict | undefined {
  const inner = (body as { innererror?: { code?: unknown; content_filter_result?: PromptDetails } } | undefined)
    ?.innererror;
  if (code !== 'content_filter' && inner?.code !== 'ResponsibleAIPolicyViolation') return undefined;
  return { side: 'prompt', categories: filteredCategories(inner?.content_filter_result) };
}

/**
 * A filtered exchange in a 200 answer: a prompt result marked filtered (`prompt_filter_results`),
 * or a first choice cut short with `finish_reason: "content_filter"` (`content_filter_results`).
 */
export function completionFilterVerdict(completion: ChatCompletion): ContentFilterVerdict | undefined {
  const prompts: readonly ContentFilterResultsForPromptOutput[] = Array.isArray(completion.prompt_filter_results)
    ? completion.prompt_filter_results
    : [];
  const promptCategories = [...new Set(prompts.flatMap((p) => filteredCategories(p?.content_filter_results)))];
  if (promptCategories.length > 0) return { side: 'prompt', categories: promptCategories };
  const choice = completion.choices?.[0];
  if (choice?.finish_reason !== 'content_filter') return undefined;
  return { side: 'completion', categories: filteredCategories(choice.content_filter_results) };
}

/** What to tell a person: which side was stopped and for what, never the text itself. */
export function contentFilterMessage(verdict: ContentFilterVerdict): string {
  const why =
    verdict.categories.length === 0
      ? ''
      : ` (flagged: ${verdict.categories.map((category) => CATEGORY_WORDS[category]).join(', ')})`;
  return verdict.side === 'prompt'
    ? `Azure OpenAI's content filter blocked what Delegate sent to the AI model${why}: your request, or the mail or files this step reads. Nothing was produced; rephrase the request or skip the step.`
    : `Azure OpenAI's content filter stopped the AI model's answer${why}. Nothing from it was used; you can try again.`;
}
