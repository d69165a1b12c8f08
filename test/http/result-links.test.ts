import { PersonalChat } from './activities';
import { cardText, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, planFor, resultCard } from './flow-helpers';

interface SentMail {
  readonly subject: string;
  readonly webLink: string;
}

/** Every `url` on a card with the text it belongs to (a result item's link). */
function linksOn(card: Record<string, unknown>): string[] {
  const urls: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const element = value as Record<string, unknown>;
    if (typeof element.url === 'string') urls.push(element.url);
    Object.values(element).forEach(walk);
  };
  walk(card.body);
  walk(card.actions);
  return urls;
}

/**
 * The result card links to what was sent: Outlook's link to the copy in the requester's Sent Items,
 * found by the draft's immutable id (the sent copy keeps it), as Graph documents for sending mail.
 */
describe('HTTP: result cards link to the mail that was sent', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it.each([
    [
      'a sent mail',
      'Email Megan Bowen a summary of my unread mail from Contoso',
      /^Summary of unread mail/,
      'Send an email to Megan Bowen',
    ],
    [
      'a reply',
      "Reply to Patti's latest mail saying thanks, I'll be there",
      /^RE: All-hands moved to Thursday$/,
      'Reply to Patti Fernandez',
    ],
    ['a forward', 'forward the latest mail from Contoso to Megan', /^FW: /, 'to Megan Bowen'],
  ])('%s: the link opens the copy in Sent Items', async (_, outcome, subject, named) => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, outcome);
    await click(run, chat, plan, 'Approve');
    await click(run, chat, await checkpointCard(run, chat), 'Approve');
    const result = await resultCard(run, chat);
    const sent = (
      await run.graph<{ value: SentMail[] }>(
        '/users/alexw@example.com/mailFolders/sentitems/messages?$top=100&$select=subject,webLink',
      )
    ).value.filter((m) => subject.test(m.subject));
    expect(sent).toHaveLength(1);
    const copy = sent[0]!;
    expect(copy.webLink).toMatch(/^https:\/\/outlook\.office365\.com\//);
    expect(linksOn(result.card)).toContain(copy.webLink);
    // People by name on the result card, as on the plan and checkpoint cards.
    expect(cardText(result.card)).toContain(named);
  });
});
