import type { ActionSpec, Catalogue } from '../engine/catalogue';
import type { GraphGateway } from '../graph/types';
import type { LlmClient } from '../llm/port';
import { composeActions } from './compose';
import { createEvent } from './create-event';
import { findMeetingTimes } from './find-meeting-times';
import { mailSearch } from './mail-search';
import { mailSend } from './mail-send';
import { postChannelMessage } from './post-channel-message';
import { textSummarise } from './text-summarise';

export { mailSendRisk } from './mail-send';

/**
 * The action catalogue over Microsoft Graph: every action runs as the step's requester.
 * With a language model (`options.llm`), the compose actions are included too.
 */
export function createCatalogue(gateway: GraphGateway, options?: { readonly llm?: LlmClient }): Catalogue {
  const specs: readonly ActionSpec[] = [
    mailSearch(gateway),
    textSummarise(),
    mailSend(gateway),
    findMeetingTimes(gateway),
    createEvent(gateway),
    postChannelMessage(gateway),
    ...(options?.llm ? composeActions(options.llm) : []),
  ];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  return {
    get: (name) => byName.get(name),
    list: () => specs,
  };
}
