import type { ActionSpec } from '../../engine/catalogue';
import type { LlmClient } from '../../llm/port';
import { composeActionItems } from './action-items';
import { composeDraft } from './draft';
import { composeSummarise } from './summarise';

export { composeActionItems, type ActionItem } from './action-items';
export { composeDraft } from './draft';
export { composeSummarise } from './summarise';

/** The compose actions: text written by the language model, one call each, no side effect. */
export function composeActions(llm: LlmClient): ActionSpec[] {
  return [composeSummarise(llm), composeDraft(llm), composeActionItems(llm)];
}
