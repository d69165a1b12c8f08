import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { mailDraft } from './draft';
import { mailForward } from './forward';
import { mailMove } from './move';
import { mailRead } from './read';
import { mailReply } from './reply';
import { mailSummariseThread } from './summarise-thread';
import { mailUpdate } from './update';

export { mailSearch } from './search';
export { mailSend, mailSendRisk } from './send';
export { mailRecipientsRisk } from './stamp';

/**
 * The mail actions of the catalogue, but for mail.search and mail.send, the first of them,
 * which src/actions/index.ts lists ahead of the domain families.
 */
export function mailActions(gateway: GraphGateway): ActionSpec[] {
  return [
    mailRead(gateway),
    mailSummariseThread(gateway),
    mailDraft(gateway),
    mailReply(gateway),
    mailForward(gateway),
    mailMove(gateway),
    mailUpdate(gateway),
  ];
}
