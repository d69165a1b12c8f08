import { appOnlyReason } from '../../src/actions/traced';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { PersonalChat } from './activities';
import { cardText, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, mailsWithSubject, planFor, resultCard } from './flow-helpers';

/**
 * An app-only deployment (GRAPH_AUTH=secret) against the sandbox: user steps run as the app,
 * whose sandbox token carries exactly the application permissions the catalogue declares.
 * What Graph lets applications do works end to end; what it refuses them is refused at planning,
 * with the reason, before anything is approved or sent.
 */
describe('HTTP: an app-only deployment (GRAPH_AUTH=secret)', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp({ GRAPH_AUTH: 'secret' });
  });
  afterAll(() => run.stop());

  /** Everything the bot said in this chat (cards and text), for the refusals. */
  const said = (chat: PersonalChat): string =>
    run.connector.calls
      .filter((c) => c.conversationId === chat.conversationId)
      .map((c) => JSON.stringify(c.activity))
      .join('\n');

  /** Send an outcome and wait until the bot has said `expected` in this chat. */
  async function refusal(outcome: string, expected: string): Promise<string> {
    const chat = new PersonalChat(run.connector.url);
    const res = await run.post(chat.message(outcome));
    expect(res.status).toBe(200);
    await run.connector.waitFor(() => said(chat).includes(expected), 15_000, `refusal of "${outcome}"`);
    const text = said(chat);
    // Refused at planning: no plan to approve, no step run.
    expect(text).not.toContain('"Approve"');
    return text;
  }

  it('sends a mail as the app on the requester’s mailbox: exactly one, from the requester', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    await click(run, chat, checkpoint, 'Approve');
    await resultCard(run, chat);
    const received = await mailsWithSubject(run, 'meganb@example.com', 'unread mail from Contoso');
    expect(received).toHaveLength(1);
    const sent = await mailsWithSubject(run, 'alexw@example.com', 'unread mail from Contoso');
    expect(sent).toHaveLength(1);
  });

  it('refuses a meeting at planning: findMeetingTimes is not available to applications', async () => {
    const reason = appOnlyReason('calendar.findMeetingTimes');
    const text = await refusal(
      'Set up a 30 minute meeting with Megan and Adele next week about the launch',
      'free/busy',
    );
    expect(text).toContain(reason.slice(0, 60));
    const events = await run.graph<{ value: { subject: string }[] }>('/users/meganb@example.com/events?$top=200');
    expect(events.value.filter((e) => e.subject === 'Launch')).toEqual([]);
  });

  it('refuses a channel post at planning: applications may not post in channels', async () => {
    const reason = appOnlyReason('teams.postChannelMessage');
    const text = await refusal(
      "Post a summary of this week's mail from Contoso to the General channel",
      reason.slice(0, 40),
    );
    expect(text).toContain('GRAPH_AUTH=obo');
    const general = SANDBOX_DIRECTORY.team.channels.find((c) => c.displayName === 'General');
    const posts = await run.graph<{ value: { from: { user?: { displayName: string } | null } }[] }>(
      `/teams/${SANDBOX_DIRECTORY.team.id}/channels/${encodeURIComponent(general?.id ?? '')}/messages?$top=50`,
      'alexw@example.com',
    );
    expect(posts.value.filter((m) => m.from.user?.displayName === 'Alex Wilber')).toEqual([]);
  });

  it('refuses recent files at planning: drive/recent is not available to applications', async () => {
    const reason = appOnlyReason('files.listRecent');
    await refusal('show my recent files', reason.slice(0, 40));
  });

  it('refuses Planner at planning: applications cannot list a person’s plans', async () => {
    const reason = appOnlyReason('planner.listTasks');
    await refusal('what are my planner tasks', reason.slice(0, 40));
  });

  it('answers the documented alternative, free/busy through getSchedule, which applications may read', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'when are Megan and Adele free on Thursday');
    expect(cardText(plan.card)).toContain('Megan Bowen');
    // Reads run without an approval.
    const result = await resultCard(run, chat);
    expect(cardText(result.card)).toMatch(/free|busy/i);
  });
});
