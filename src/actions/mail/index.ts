import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { mailDraft } from './draft';
import { mailForward } from './forward';
import { mailMove } from './move';
import { mailRead } from './read';
import { mailReply } from './reply';
import { mailSummariseThread } from './summarise-thread';
import { mailUpdate } from './update';

export { mailRecipientsRisk } from './stamp';

/**
 * The mail actions of the catalogue (mail.search and mail.send, the first of them, are
 * registered with the original actions in src/actions/index.ts).
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
