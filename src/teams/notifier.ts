import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Catalogue } from '../engine/catalogue';
import type { Step, Task } from '../engine/model';
import {
  systemClock,
  type Logger,
  type Notifier,
  type TaskEvent,
  type AuditLedger,
  type CardRefs,
  type Clock,
} from '../engine/ports';
import type { SignIn } from './bot';
import { recordCardShown } from './card-ledger';
import { sendSignInNotice, stepAwaitingSignIn } from './signin/signin-notice';
import type { AdaptiveCard, CardRenderer } from './cards';
import { checkpointView } from './views/checkpoint-view';
import { resultView } from './views/result-view';
import { taskView } from './views/task-view';

/**
 * Shows task progress in Teams proactively, through the conversation reference stored on the
 * task: the task card is updated in place, checkpoints and results are posted as new cards.
 */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: CardRefs & AuditLedger,
    private readonly renderer: CardRenderer,
    private readonly catalogue: Catalogue,
    private readonly logger: Logger,
    /** Display names of approvers, for reminders; ids are shown when unknown. */
    private readonly names: (ids: readonly string[]) => Promise<string[]> = async (ids) => [...ids],
    /** Teams sign-in, to ask the requester to sign in when a step needs their own token. */
    private readonly signIn?: SignIn,
    /** Stamps the ledger's card_shown entries. */
    private readonly clock: Clock = systemClock,
  ) {}

  async notify(task: Task, event: TaskEvent): Promise<void> {
    const reference = task.conversation as unknown as Partial<ConversationReference>;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await this.showTaskCard(context, task);
      if (event === 'checkpoint') {
        const step = task.plan.steps.find((s) => s.status === 'awaiting_approval');
        if (step)
          await this.post(
            context,
            task.id,
            `checkpoint:${step.id}`,
            this.renderer.render('checkpoint', checkpointView(task, step, this.catalogue)),
          );
      }
      if (event === 'completed' || event === 'nothing_done')
        await this.post(context, task.id, 'result', this.renderer.render('result', resultView(task, this.catalogue)));
      if (event === 'reminder' || event === 'escalated') await this.remind(context, task, event);
      if (event === 'failed') await this.askToSignIn(context, task);
      if (event === 'cancelled') await this.updateCheckpoints(context, task, task.plan.steps);
      else if (event === 'reminder' || event === 'escalated' || event === 'rejected')
        await this.updateCheckpoints(context, task, waitingOrRejected(task));
      else if (event !== 'checkpoint') await this.updateCheckpoints(context, task, lastFinished(task));
    });
    this.logger.debug({ taskId: task.id, event }, 'task shown');
  }

  /**
   * A decision made outside the chat (the Tasks tab): the task card, and the decided step's
   * checkpoint card, are updated in place, as a click on the card itself would have left them.
   */
  async decided(task: Task, stepId: string | undefined): Promise<void> {
    const reference = task.conversation as unknown as Partial<ConversationReference>;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await this.showTaskCard(context, task);
      const step = stepId === undefined ? undefined : task.plan.steps.find((s) => s.id === stepId);
      if (step) await this.updateCheckpoints(context, task, [step]);
    });
    this.logger.debug({ taskId: task.id, stepId }, 'cards updated after a decision in the tab');
  }

  /** A step failed because the requester has not signed in: send them the sign-in card (privately). */
  private async askToSignIn(context: TurnContext, task: Task): Promise<void> {
    const signIn = this.signIn;
    const step = signIn ? stepAwaitingSignIn(task) : undefined;
    if (!signIn || !step) return;
    const outcome = await sendSignInNotice(context, task, step, {
      connectionName: signIn.connectionName,
      renderer: this.renderer,
      catalogue: this.catalogue,
      teamsIdOf: (id) => signIn.tokens.teamsIdOf(id),
    });
    if (!outcome.sent) this.logger.warn({ taskId: task.id, reason: outcome.reason }, 'sign-in card not sent');
  }

  /** A checkpoint still waits: say so in the conversation, naming who can decide. */
  private async remind(context: TurnContext, task: Task, event: 'reminder' | 'escalated'): Promise<void> {
    const step = task.plan.steps.find((s) => s.status === 'awaiting_approval');
    if (!step) return;
    const n = task.plan.steps.indexOf(step) + 1;
    const who = (
      await this.names(
        [...new Set([task.requester.id, ...task.approvers])].filter(
          (id) => !(step.forbidSelfApproval && id === task.requester.id),
        ),
      )
    ).join(', ');
    const text =
      event === 'reminder'
        ? `Reminder: step ${n} of task ${task.id} ("${task.title}") is still waiting for a decision from ${who}.`
        : `Step ${n} of task ${task.id} ("${task.title}") now also goes to ${who}: any of them can decide on it.`;
    await context.sendActivity(MessageFactory.text(text));
  }

  private async showTaskCard(context: TurnContext, task: Task): Promise<void> {
    const card = this.renderer.render('task', taskView(task, this.catalogue));
    const existing = await this.store.getCardRef(task.id, 'task');
    if (existing) {
      await context.updateActivity({ id: existing, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      await recordCardShown(this.store, this.clock, task.id, 'task', existing, card);
    } else {
      await this.post(context, task.id, 'task', card);
    }
  }

  /** Checkpoint cards of these steps get their current state (e.g. "Approved … Done", or closed on cancel). */
  private async updateCheckpoints(context: TurnContext, task: Task, steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      const id = await this.store.getCardRef(task.id, `checkpoint:${step.id}`);
      if (!id) continue;
      const card = this.renderer.render('checkpoint', checkpointView(task, step, this.catalogue));
      await context.updateActivity({ id, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      await recordCardShown(this.store, this.clock, task.id, `checkpoint:${step.id}`, id, card);
    }
  }

  private async post(context: TurnContext, taskId: string, kind: string, card: AdaptiveCard): Promise<void> {
    const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    if (sent?.id) await this.store.setCardRef(taskId, kind, sent.id);
    await recordCardShown(this.store, this.clock, taskId, kind, sent?.id, card);
  }
}

/** The step waiting at its checkpoint, or the one an expiry rejected. */
function waitingOrRejected(task: Task): Step[] {
  return task.plan.steps.filter(
    (s) => s.status === 'awaiting_approval' || (s.status === 'rejected' && s.error?.code === 'checkpoint_expired'),
  );
}

/** The step that finished most recently (the one a progress, failure or completion event is about). */
function lastFinished(task: Task): Step[] {
  const finished = task.plan.steps.filter((s) => s.finishedAt !== undefined);
  const last = finished.reduce<Step | undefined>(
    (latest, s) => (!latest || (s.finishedAt ?? '') >= (latest.finishedAt ?? '') ? s : latest),
    undefined,
  );
  return last ? [last] : [];
}
