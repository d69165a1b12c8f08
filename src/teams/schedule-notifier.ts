import { MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from '../engine/ports';
import type { Schedule } from '../engine/schedule-model';
import type { ScheduleNotice, ScheduleNotifier } from '../engine/scheduler';

/** Posts a schedule's notices (auto-paused, owner gone, a run that could not start) where it lives, proactively. */
export class TeamsScheduleNotifier implements ScheduleNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly logger: Logger,
  ) {}

  async notice(schedule: Schedule, notice: ScheduleNotice, text: string): Promise<void> {
    const reference = schedule.conversation as unknown as Partial<ConversationReference>;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await context.sendActivity(MessageFactory.text(text));
    });
    this.logger.info({ scheduleId: schedule.id, notice }, 'schedule notice posted');
  }
}
