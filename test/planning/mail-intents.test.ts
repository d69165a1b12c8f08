import { DateTime } from 'luxon';
import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import { mailIntents } from '../../src/planning/intents/domains/mail';
import { MEGAN_SMITH, NOW, actionsOf, planOf, playgroundDirectory, questionOf, refusalOf, stepsOf } from './playground';

const s1 = (path: string) => ({ $ref: `s1.${path}` });

describe('RulePlanner: mail intents', () => {
  it.each([
    ["reply to Dana's latest mail saying we accept the volume tier", 'Dana'],
    ['Reply to the latest email from Dana: "we accept the volume tier"', 'Dana'],
    ["please respond to dana@contoso.com's last message, saying we accept the volume tier", 'dana@contoso.com'],
  ])('"%s" finds the latest mail from the sender, then replies to its sender', async (outcome, from) => {
    const result = await planOf(outcome);
    expect(result).toEqual({
      kind: 'plan',
      title: expect.stringMatching(/^Reply to the latest mail from .+: "we accept the volume tier"$/),
      steps: [
        { action: 'mail.search', input: { from, top: 1 }, rationale: expect.any(String) },
        {
          action: 'mail.reply',
          input: {
            messageId: s1('messages.0.id'),
            to: [s1('messages.0.from')],
            comment: 'we accept the volume tier',
            subject: s1('messages.0.subject'),
          },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('reply all reads the mail for everyone else on it; a colleague is searched by address', async () => {
    const steps = await stepsOf("reply all to Megan Bowen's latest mail saying I'm in");
    expect(actionsOf(steps)).toEqual(['mail.search', 'mail.read', 'mail.reply']);
    expect(steps[0]?.input).toEqual({ from: 'meganb@example.com', top: 1 });
    expect(steps[2]?.input).toMatchObject({ replyAll: true, cc: { $ref: 's2.others' }, to: [s1('messages.0.from')] });
  });

  it('asks which Megan when two match, and wants the reply text', async () => {
    const directory = playgroundDirectory([MEGAN_SMITH]);
    const asked = await questionOf("reply to Megan's latest mail saying ok", { directory });
    expect(asked.question).toMatch(/several people called Megan/);
    expect(asked.options).toEqual(['Megan Bowen (meganb@example.com)', 'Megan Smith (megans@example.com)']);
    expect(await refusalOf("reply to Dana's latest mail saying")).toMatch(/What should the reply say/);
  });

  it('forwards the latest mail from a company to a colleague, with an optional note', async () => {
    expect(await planOf('forward the latest mail from Contoso to Megan')).toEqual({
      kind: 'plan',
      title: 'Forward the latest mail from Contoso to Megan Bowen',
      steps: [
        { action: 'mail.search', input: { from: 'Contoso', top: 1 }, rationale: expect.any(String) },
        {
          action: 'mail.forward',
          input: { messageId: s1('messages.0.id'), to: ['meganb@example.com'], subject: s1('messages.0.subject') },
          rationale: expect.any(String),
        },
      ],
    });
    const steps = await stepsOf(
      "forward Dana's latest email to Megan and Adele with a note: please review the pricing",
    );
    expect(steps[1]?.input).toMatchObject({
      to: ['meganb@example.com', 'adelev@example.com'],
      comment: 'please review the pricing',
    });
  });

  it.each([
    ['flag my unread mail from Fabrikam', { flag: 'flagged' }, 'Flag your unread mail from Fabrikam'],
    ['unflag the mails from Contoso', { flag: 'notFlagged' }, 'Clear the flag on your mail from Contoso'],
    ['mark my unread mail from Fabrikam as read', { isRead: true }, 'Mark your unread mail from Fabrikam as read'],
    ['mark the emails from Contoso as done', { flag: 'complete' }, 'Mark your mail from Contoso as complete'],
  ])('"%s" searches, then updates every message found', async (outcome, change, title) => {
    const result = await planOf(outcome);
    if (result.kind !== 'plan') throw new Error(JSON.stringify(result));
    expect(result.title).toBe(title);
    expect(actionsOf(result.steps)).toEqual(['mail.search', 'mail.update']);
    expect(result.steps[0]?.input).toMatchObject({ top: 50 });
    expect(result.steps[1]?.input).toEqual({ messageIds: s1('ids'), ...change });
  });

  it('moves mail from a sender out of the Inbox to a well-known folder', async () => {
    expect(await planOf('move the mails from orders@fabrikam.com to Archive')).toEqual({
      kind: 'plan',
      title: 'Move your mail from orders@fabrikam.com to Archive',
      steps: [
        {
          action: 'mail.search',
          input: { from: 'orders@fabrikam.com', folder: 'Inbox', top: 50 },
          rationale: expect.any(String),
        },
        { action: 'mail.move', input: { messageIds: s1('ids'), folder: 'Archive' }, rationale: expect.any(String) },
      ],
    });
    expect((await stepsOf('archive my unread mail from Contoso'))[1]?.input).toEqual({
      messageIds: s1('ids'),
      folder: 'Archive',
    });
    expect((await stepsOf("move last week's mail from Contoso to the junk folder"))[1]?.input).toMatchObject({
      folder: 'Junk Email',
    });
  });

  it('summarises a thread by subject', async () => {
    expect(await planOf('summarise the thread "Contoso renewal"')).toEqual({
      kind: 'plan',
      title: 'Summarise the mail thread "Contoso renewal"',
      steps: [
        { action: 'mail.search', input: { subject: 'Contoso renewal', top: 1 }, rationale: expect.any(String) },
        {
          action: 'mail.summariseThread',
          input: { messageId: s1('messages.0.id'), subject: s1('messages.0.subject') },
          rationale: expect.any(String),
        },
      ],
    });
    expect((await stepsOf('recap the email thread about Re: SSO integration'))[0]?.input).toEqual({
      subject: 'SSO integration',
      top: 1,
    });
  });

  it("leaves other domains' requests alone", () => {
    const now = DateTime.fromJSDate(NOW);
    for (const clause of [
      'Reply to the latest post in General saying thanks',
      'reply to the latest message in General saying thanks',
      'move the mail review meeting to Friday',
      'flag the launch task as important',
      'summarise my unread mail from Contoso',
      'forward it to Megan',
      'Email Megan Bowen a summary of my unread mail from Contoso',
    ]) {
      for (const intent of mailIntents) expect(intent.parse(clause, now)).toBeUndefined();
    }
  });

  it('plans steps every mail action accepts once references are filled', async () => {
    const catalogue = createCatalogue({} as GraphGateway);
    const message = {
      id: 'm1',
      subject: 'Hi',
      from: { name: 'Dana Whitman', address: 'dana@contoso.com' },
      receivedDateTime: '2026-11-24T10:00:00Z',
      bodyPreview: '',
      isRead: false,
    };
    const outputs: Record<string, unknown> = {
      'messages.0.id': 'm1',
      'messages.0.from': message.from,
      'messages.0.subject': 'Hi',
      ids: ['m1'],
      others: [{ name: 'Megan', address: 'meganb@example.com' }],
    };
    const fill = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(fill);
      if (typeof value !== 'object' || value === null) return value;
      const ref = (value as { $ref?: string }).$ref;
      if (ref) return outputs[ref.replace(/^s\d+\./, '')];
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    };
    for (const outcome of [
      "reply all to Dana's latest mail saying ok",
      'forward the latest mail from Contoso to Megan',
      'flag my unread mail from Fabrikam',
      'move the mails from orders@fabrikam.com to Archive',
      'summarise the thread Contoso renewal',
    ]) {
      for (const step of await stepsOf(outcome)) {
        const parsed = catalogue.get(step.action)?.input.safeParse(fill(step.input));
        expect([step.action, parsed?.error?.issues ?? []]).toEqual([step.action, []]);
      }
    }
  });
});
