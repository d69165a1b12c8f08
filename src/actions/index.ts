import type { ActionSpec, Catalogue } from '../engine/catalogue';
import type { GraphGateway } from '../graph/types';
import { createEvent } from './create-event';
import { findMeetingTimes } from './find-meeting-times';
import { mailSearch } from './mail-search';
import { mailSend } from './mail-send';
import { postChannelMessage } from './post-channel-message';
import { textSummarise } from './text-summarise';

export { mailSendRisk } from './mail-send';

/** The action catalogue over Microsoft Graph: every action runs as the step's requester. */
export function createCatalogue(gateway: GraphGateway): Catalogue {
  const specs: readonly ActionSpec[] = [
    mailSearch(gateway),
    textSummarise(),
    mailSend(gateway),
    findMeetingTimes(gateway),
    createEvent(gateway),
    postChannelMessage(gateway),
  ];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  return {
    get: (name) => byName.get(name),
    list: () => specs,
  };
}
