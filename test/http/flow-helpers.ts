import type { PersonalChat } from './activities';
import { button, cardText, invokeCard, type RunningApp } from './app-harness';
import type { ConnectorCall } from './fake-connector';

export interface PostedCard {
  readonly call: ConnectorCall;
  readonly card: Record<string, unknown>;
}

/** The note of a task card whose plan is still being made outside the turn. */
export const PLANNING_NOTE = 'Planning…';

/**
 * Send an outcome and return the plan card the bot posted in this chat. A model-backed planner
 * answers the turn with a "Planning…" card and updates it in place: the update is returned then.
 */
export async function planFor(run: RunningApp, chat: PersonalChat, outcome: string): Promise<PostedCard> {
  const first = await firstCardFor(run, chat, outcome);
  if (!cardText(first.card).includes(PLANNING_NOTE)) return first;
  return planned(run, first);
}

/** The update of a "Planning…" card that shows the plan, the question or the refusal. */
export function planned(run: RunningApp, posted: PostedCard, ms = 15_000): Promise<PostedCard> {
  return run.connector.waitFor(
    () =>
      run.connector
        .cards()
        .find(
          (c) =>
            c.call.method === 'PUT' &&
            c.call.activityId === posted.call.activityId &&
            !cardText(c.card).includes(PLANNING_NOTE),
        ),
    ms,
    'planned card',
  );
}

/** Send an outcome and return the first card the bot posted for it in this chat. */
export async function firstCardFor(run: RunningApp, chat: PersonalChat, outcome: string): Promise<PostedCard> {
  const before = run.connector.calls.length;
  const res = await run.post(chat.message(outcome));
  if (res.status !== 200) throw new Error(`message → ${res.status}`);
  return run.connector.waitFor(
    () =>
      run.connector
        .cards()
        .find(
          (c, i) =>
            i >= 0 &&
            run.connector.calls.indexOf(c.call) >= before &&
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST',
        ),
    10_000,
    'plan card',
  );
}

/** Click a button on a card; returns the card the invoke answered with. */
export async function click(
  run: RunningApp,
  chat: PersonalChat,
  posted: PostedCard | Record<string, unknown>,
  title: string,
  extra: Record<string, unknown> = {},
  options: Parameters<PersonalChat['invoke']>[2] = {},
): Promise<Record<string, unknown>> {
  const card = 'card' in posted && 'call' in posted ? (posted as PostedCard).card : (posted as Record<string, unknown>);
  const replyToId = 'call' in posted ? (posted as PostedCard).call.activityId : undefined;
  const b = button(card, title);
  const res = await run.post(chat.invoke(b.verb, { ...b.data, ...extra }, { replyToId, ...options }));
  if (res.status !== 200) throw new Error(`invoke → ${res.status}`);
  return invokeCard(res.body);
}

/** Wait for the checkpoint card for this chat (the n-th one, default the first). */
export function checkpointCard(run: RunningApp, chat: PersonalChat, n = 1): Promise<PostedCard> {
  return run.connector.waitFor(
    () =>
      run.connector
        .cards()
        .filter(
          (c) =>
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST' &&
            cardText(c.card).includes('Checkpoint'),
        )[n - 1],
    15_000,
    'checkpoint card',
  );
}

/** Wait for the result card for this chat. */
export function resultCard(run: RunningApp, chat: PersonalChat): Promise<PostedCard> {
  return run.connector.waitFor(
    () =>
      run.connector
        .cards()
        .find((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes('"Done"')),
    15_000,
    'result card',
  );
}

/** Mails in a user's mailbox (inbox and all folders) whose subject contains `fragment`. */
export async function mailsWithSubject(
  run: RunningApp,
  upn: string,
  fragment: string,
): Promise<{ id: string; subject: string; body: { content: string } }[]> {
  const page = await run.graph<{ value: { id: string; subject: string; body: { content: string } }[] }>(
    `/users/${upn}/messages?$top=200`,
  );
  return page.value.filter((m) => m.subject.includes(fragment));
}

/** Every input on a card (nested in containers and columns), by id. */
export function cardInputs(card: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const element = value as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) found.set(String(element.id), element);
    Object.values(element).forEach(walk);
  };
  walk(card.body);
  return found;
}
