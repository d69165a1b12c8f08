import { SpanKind, type Span } from '@opentelemetry/api';
import { inSpan } from './spans';
import { instruments } from './instruments';

/** What a turn span may say about its activity: kinds and ids, never text. */
export interface TurnFacts {
  readonly type?: string;
  readonly name?: string;
  readonly channelId?: string;
  readonly conversationType?: string;
  readonly activityId?: string;
}

/** The handler's view of its turn's span. */
export class TurnTrace {
  private type = 'unknown';

  constructor(private readonly span: Span) {}

  /** The activity's kinds and ids, once it is validated. */
  describe(facts: TurnFacts): void {
    if (facts.type) this.type = facts.type;
    const attributes: Record<string, string> = {};
    if (facts.type) attributes['teams.activity.type'] = facts.type;
    if (facts.name) attributes['teams.activity.name'] = facts.name;
    if (facts.channelId) attributes['teams.channel_id'] = facts.channelId;
    if (facts.conversationType) attributes['teams.conversation.type'] = facts.conversationType;
    if (facts.activityId) attributes['teams.activity.id'] = facts.activityId;
    this.span.setAttributes(attributes);
  }

  /** Why the activity was refused (a short code, e.g. `invalid_activity`). */
  refused(reason: string): void {
    this.span.setAttribute('delegate.refused', reason);
  }

  /** @internal */
  end(status: number): void {
    this.span.setAttribute('http.response.status_code', status);
    instruments().turns.add(1, { 'teams.activity.type': this.type, 'http.response.status_code': status });
  }
}

/**
 * One trace per Teams turn: the span covers the whole `POST /api/messages` (validation,
 * authentication, the bot's turn) and ends with the HTTP status the handler sent and, for a
 * refused activity, the reason. Counted in `delegate.teams.turns` by activity type and status.
 */
export function inTurnSpan(handle: (turn: TurnTrace) => Promise<void>, status: () => number): Promise<void> {
  return inSpan(
    'teams.turn',
    { root: true, kind: SpanKind.SERVER, attributes: { 'http.route': '/api/messages' } },
    async (span) => {
      const turn = new TurnTrace(span);
      try {
        await handle(turn);
      } finally {
        turn.end(status());
      }
    },
  );
}
