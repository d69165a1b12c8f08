import type { ActionSpec, Catalogue } from '../engine/catalogue';
import type { GraphGateway } from '../graph/types';
import type { LlmClient } from '../llm/port';
import { calendarActions, createEvent, findMeetingTimes } from './calendar';
import { composeActions } from './compose';
import { filesActions } from './files';
import { mailActions, mailSearch, mailSend } from './mail';
import { peopleActions } from './people';
import { tasksActions } from './tasks';
import { postChannelMessage, teamsActions } from './teams';
import { textSummarise } from './text/summarise';

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
    ...mailActions(gateway),
    ...calendarActions(gateway),
    ...filesActions(gateway),
    ...teamsActions(gateway),
    ...tasksActions(gateway),
    ...peopleActions(gateway),
    ...(options?.llm ? composeActions(options.llm) : []),
  ];
  const byName = new Map<string, ActionSpec>();
  for (const spec of specs) {
    if (byName.has(spec.name)) throw new Error(`two actions are named ${spec.name}`);
    byName.set(spec.name, spec);
  }
  return {
    get: (name) => byName.get(name),
    list: () => specs,
  };
}
