import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { welcomeView } from './views/welcome-view';
import type { Catalogue } from '../engine/catalogue';
import type { Engine } from '../engine/engine';
import { DelegateError, toDelegateError } from '../engine/errors';
import type { Scope } from '../engine/model';
import type { AuditLedger, CardRefs, Clock, Ids, InboundLog, Logger, Notifier } from '../engine/ports';
import type { ProfileLookup } from '../people/lookups';
import { actorOf, scopeOf } from './activity';
import type { ApproversCommand } from './approvers-command';
import type { ScheduleEdgeDeps } from './schedule-edge';
import type { CardRenderer } from './cards';
import { parseCommand } from './commands';
import { MESSAGE_COMMANDS } from './message-commands';
import type { CommandHandler, CommandName } from './message-commands/turn';
import { errorView } from './views/error-view';

export interface MessageDeps {
  readonly engine: Engine;
  readonly catalogue: Catalogue;
  readonly store: CardRefs & AuditLedger & InboundLog;
  readonly renderer: CardRenderer;
  readonly notifier: Notifier;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly profiles: ProfileLookup;
  readonly defaultTimeZone: string;
  /** The sender's zone from their mailbox settings, when the activity says none. */
  readonly mailboxTimeZone?: (userId: string) => Promise<string | undefined>;
  /** The effective policy rules for a conversation, in plain words. */
  readonly policy: (scope: Scope) => string[];
  readonly approvers: ApproversCommand;
  /** The Graph team id for a channel activity's team (Teams may send the General channel's thread id). */
  readonly teamOf: (teamOrThreadId: string, memberId: string) => Promise<string | undefined>;
  /** Policy admins (user ids), who may read any task's audit. */
  readonly admins: () => Promise<string[]>;
  /** The one person a mention, name or email means. */
  readonly resolvePerson: (query: string) => Promise<{ id: string; name: string } | { error: string }>;
  /** Recurring work (schedules); without it, recurrence words are planned as one task. */
  readonly schedules?: ScheduleEdgeDeps;
}

/**
 * Handles a message: a command from the table in message-commands/, or a new outcome that gets a
 * plan card within the turn. Any failure is answered with an error card.
 */
export class MessageHandler {
  constructor(private readonly deps: MessageDeps) {}

  /**
   * Delegate was added to a conversation (installed in a personal chat, added to a team or a
   * group chat): a welcome card with what it does, three examples and `help`. Only the
   * conversationUpdate that adds the bot itself counts; Teams' installationUpdate for the same
   * install is not answered, so the welcome comes once.
   */
  async welcome(context: TurnContext): Promise<void> {
    const { activity } = context;
    const botId = activity.recipient?.id;
    if (!botId || !(activity.membersAdded ?? []).some((member) => member.id === botId)) return;
    const card = this.deps.renderer.render('welcome', welcomeView(scopeOf(activity).kind));
    this.deps.logger.info({ activityId: activity.id }, 'welcome card sent');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  /**
   * Whether this is the first delivery of the message. Teams redelivers a message it got no
   * answer to in time; the store remembers every activity taken in, across instances.
   */
  private firstDelivery(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (!activity.id) return Promise.resolve(true);
    const key = [activity.channelId, activity.conversation?.id, activity.from?.id, activity.id].join('|');
    return this.deps.store.firstDelivery(key, this.deps.clock.now());
  }

  async handle(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const correlationId = this.deps.ids.uuid();
    const log = this.deps.logger.child({ correlationId, activityId: activity.id });
    try {
      const actor = actorOf(activity);
      if (!actor)
        throw new DelegateError(
          'user_input',
          'unknown_actor',
          "I can't tell who you are (no Microsoft Entra identity on the message), so I can't act for you.",
        );
      if (!(await this.firstDelivery(context))) {
        log.info({}, 'redelivered message ignored');
        return;
      }
      const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
      const command = parseCommand(text);
      log.info({ command: command.name }, 'message received');
      const handler = MESSAGE_COMMANDS[command.name] as CommandHandler<CommandName>;
      await handler({ context, actor, command, deps: this.deps, log });
    } catch (error) {
      const e = toDelegateError(error);
      log[e.kind === 'user_input' ? 'info' : 'error']({ err: error, code: e.code }, 'message failed');
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(this.deps.renderer.render('error', errorView(e, correlationId))),
        ),
      );
    }
  }
}
