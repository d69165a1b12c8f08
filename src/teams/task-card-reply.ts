import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Catalogue } from '../engine/catalogue';
import type { Task } from '../engine/model';
import type { AuditLedger, CardRefs, Clock } from '../engine/ports';
import { recordCardShown } from './card-ledger';
import type { CardRenderer } from './cards';
import { taskView } from './views/task-view';

/**
 * Answer the turn with the task's card, remember it as the card to update in place, and put a
 * hash of exactly what was shown on the ledger.
 */
export async function replyWithTaskCard(
  context: TurnContext,
  task: Task,
  deps: {
    readonly renderer: CardRenderer;
    readonly catalogue: Catalogue;
    readonly store: CardRefs & AuditLedger;
    readonly clock: Clock;
  },
): Promise<void> {
  const card = deps.renderer.render('task', taskView(task, deps.catalogue));
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  if (sent?.id) await deps.store.setCardRef(task.id, 'task', sent.id);
  await recordCardShown(deps.store, deps.clock, task.id, 'task', sent?.id, card);
}
