import type { ContentFilterReply } from './types';

/**
 * Azure OpenAI's content-filter annotations, as the service sends them on its route: every
 * prompt and every choice gets a verdict per category, and a filtered prompt is an HTTP 400.
 */

const SEVERITY_CATEGORIES = ['hate', 'self_harm', 'sexual', 'violence'] as const;

type Verdicts = Record<string, { filtered: boolean; severity?: string; detected?: boolean }>;

/** Verdicts with `reply`'s categories filtered at their severity, every other category safe. */
function verdicts(reply: ContentFilterReply | undefined, detections: readonly string[]): Verdicts {
  const result: Verdicts = {};
  for (const category of SEVERITY_CATEGORIES) {
    const severity = reply?.categories[category];
    result[category] = severity ? { filtered: true, severity } : { filtered: false, severity: 'safe' };
  }
  for (const detection of detections) {
    const hit = reply?.detected?.includes(detection) ?? false;
    result[detection] = { filtered: hit, detected: hit };
  }
  return result;
}

/** `prompt_filter_results` for a prompt that passed. */
export function promptFilterResults(): unknown[] {
  return [{ prompt_index: 0, content_filter_results: verdicts(undefined, ['jailbreak']) }];
}

/** A choice's `content_filter_results`: safe, or filtered as `reply` says. */
export function choiceFilterResults(reply?: ContentFilterReply): Verdicts {
  return verdicts(reply, ['protected_material_text', 'protected_material_code']);
}

/** The 400 body Azure answers a filtered prompt with. */
export function promptFilteredError(reply: ContentFilterReply): Record<string, unknown> {
  return {
    message:
      "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
    type: null,
    param: 'prompt',
    code: 'content_filter',
    status: 400,
    innererror: {
      code: 'ResponsibleAIPolicyViolation',
      content_filter_result: verdicts(reply, ['jailbreak', 'indirect_attack']),
    },
  };
}
