import { PersonalChat, type TeamsUser } from './activities';
import { startApp, type RunningApp } from './app-harness';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';

/** Isaiah Langer works in New York: the sandbox's mailbox settings say America/New_York. */
const isaiahUser = SANDBOX_DIRECTORY.users.find((u) => u.userPrincipalName.startsWith('isaiahl@'))!;
const ISAIAH: TeamsUser = {
  id: '29:isaiahl-teams-id',
  name: isaiahUser.displayName,
  aadObjectId: isaiahUser.id,
  upn: isaiahUser.userPrincipalName,
};

/** The activity as a client that sends no time zone would: no localTimezone, no clientInfo zone. */
function withoutZone(activity: Record<string, unknown>): Record<string, unknown> {
  const { localTimezone: _zone, entities: _entities, ...rest } = activity;
  return { ...rest, entities: [{ type: 'clientInfo', locale: 'en-US', platform: 'Web' }] };
}

/**
 * The requester's time zone: as the activity says it, else as their mailbox settings say it
 * (read from Graph as them), else DEFAULT_TIME_ZONE. "Tomorrow" for Isaiah on Tuesday 24
 * November 08:00 UTC is Wednesday 25 November in New York: 05:00 UTC to 05:00 UTC.
 */
describe('HTTP: the time zone of a message that names none comes from the mailbox settings', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp({ DEFAULT_TIME_ZONE: 'Asia/Tokyo' });
  });
  afterAll(async () => {
    await run?.stop();
  });

  async function windowOf(chat: PersonalChat, activity: Record<string, unknown>): Promise<unknown> {
    const before = (await run.app.engine.listTasks({ requesterId: chat.from.aadObjectId })).length;
    await run.post(activity);
    await run.connector.waitFor(
      () => run.connector.cards().find((c) => c.call.conversationId === chat.conversationId),
      10_000,
      'task card',
    );
    const tasks = await run.app.engine.listTasks({ requesterId: chat.from.aadObjectId });
    expect(tasks).toHaveLength(before + 1);
    const newest = [...tasks].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return newest?.plan.steps[0]?.input;
  }

  it("reads 'tomorrow' in Isaiah's mailbox zone when the activity has none, not in the default", async () => {
    const chat = new PersonalChat(run.connector.url, ISAIAH);
    const input = await windowOf(chat, withoutZone(chat.message('what meetings do I have tomorrow')));
    expect(input).toMatchObject({
      start: '2026-11-25T05:00:00Z',
      end: '2026-11-26T05:00:00Z',
      timeZone: 'America/New_York',
    });
  });

  it("prefers the activity's own zone", async () => {
    const chat = new PersonalChat(run.connector.url, ISAIAH);
    const input = await windowOf(chat, chat.message('what meetings do I have tomorrow'));
    expect(input).toMatchObject({ start: '2026-11-25T00:00:00Z', timeZone: 'UTC' });
  });
});
