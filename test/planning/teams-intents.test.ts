import { DateTime } from 'luxon';
import { MemoryDirectory } from '../../src/planning';
import { teamsIntents } from '../../src/planning/intents/domains/teams';
import type { ChannelRef } from '../../src/planning/directory';
import {
  ANNOUNCEMENTS,
  CHANNELS,
  GENERAL,
  NOW,
  PEOPLE,
  actionsOf,
  inputOf,
  planOf,
  refusalOf,
  stepsOf,
} from './playground';

const where = (c: ChannelRef) => ({
  teamId: c.teamId,
  channelId: c.channelId,
  channelName: c.channelName,
  teamName: c.teamName,
});
const megan = { userId: 'id-meganb', displayName: 'Megan Bowen', address: 'meganb@example.com' };
const adele = { userId: 'id-adelev', displayName: 'Adele Vance', address: 'adelev@example.com' };
const RETAIL_GENERAL: ChannelRef = {
  teamId: 'team-2',
  teamName: 'Retail Operations',
  channelId: 'chan-retail-general',
  channelName: 'General',
};

describe('RulePlanner: what is new in a channel', () => {
  it.each([
    "what's new in the General channel",
    'What is happening in General?',
    'catch me up on #general',
    'summarise recent posts in General',
    'Summarize the General channel',
  ])('"%s" reads the channel then summarises it', async (outcome) => {
    const result = await planOf(outcome);
    expect(result).toEqual({
      kind: 'plan',
      title: "Summarise what's new in General",
      steps: [
        {
          action: 'teams.listChannelMessages',
          input: { ...where(GENERAL), top: 15, repliesPerPost: 10 },
          rationale: expect.any(String),
        },
        {
          action: 'text.summarise',
          input: { items: { $ref: 's1.items' }, title: "What's new in General", maxItems: 30 },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('leaves mail and other summaries alone', async () => {
    expect(actionsOf(await stepsOf('summarise my unread mail from Contoso'))).toEqual([
      'mail.search',
      'text.summarise',
    ]);
    for (const clause of [
      "what's new in my inbox",
      'summarise my unread mail',
      'recap the launch meeting',
      'post a summary of my mail to General',
    ]) {
      for (const intent of teamsIntents) expect(intent.parse(clause, DateTime.fromJSDate(NOW))).toBeUndefined();
    }
  });

  it('asks which General when two teams have one', async () => {
    const directory = new MemoryDirectory(PEOPLE, [...CHANNELS, RETAIL_GENERAL]);
    const message = await refusalOf("what's new in General", { directory });
    expect(message).toContain('My Team');
    expect(message).toContain('Retail Operations');
    const steps = await stepsOf("what's new in the General channel in Retail Operations team", { directory });
    expect(inputOf(steps, 'teams.listChannelMessages')).toMatchObject(where(RETAIL_GENERAL));
  });
});

describe('RulePlanner: reply to the latest post', () => {
  it('reads the newest post and replies in its thread', async () => {
    const result = await planOf('Reply to the latest post in General saying "Thanks, numbers are in the workbook"');
    expect(result).toEqual({
      kind: 'plan',
      title: 'Reply to the latest post in General: "Thanks, numbers are in the workbook"',
      steps: [
        {
          action: 'teams.listChannelMessages',
          input: { ...where(GENERAL), top: 1, repliesPerPost: 0 },
          rationale: expect.any(String),
        },
        {
          action: 'teams.replyToMessage',
          input: {
            ...where(GENERAL),
            messageId: { $ref: 's1.latest.id' },
            postPreview: { $ref: 's1.latest.text' },
            text: 'Thanks, numbers are in the workbook',
          },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('takes a colon, the last message, and mentions', async () => {
    const steps = await stepsOf('reply to the last message in Announcements: will do and mention Megan');
    expect(inputOf(steps, 'teams.replyToMessage')).toMatchObject({
      ...where(ANNOUNCEMENTS),
      text: 'will do',
      mentions: [megan],
    });
    const kept = await stepsOf('reply to the latest post in General saying I will mention it at the all-hands');
    expect(inputOf(kept, 'teams.replyToMessage')).toMatchObject({ text: 'I will mention it at the all-hands' });
  });

  it('asks for the text and for an unknown channel', async () => {
    expect(await refusalOf('reply to the latest post in General saying')).toContain('What should the message say');
    expect(await refusalOf('reply to the latest post in Random saying hi')).toContain('Random');
  });
});

describe('RulePlanner: chat messages', () => {
  it.each([
    'message Megan on Teams: the deck is ready',
    'Send Megan a chat saying the deck is ready',
    'send a Teams message to Megan Bowen: "the deck is ready"',
    'ping Megan: the deck is ready',
    'tell Megan on Teams that the deck is ready',
  ])('"%s" sends Megan one chat message', async (outcome) => {
    const result = await planOf(outcome);
    expect(result).toEqual({
      kind: 'plan',
      title: 'Send Megan Bowen a Teams chat message: "the deck is ready"',
      steps: [
        {
          action: 'teams.sendChatMessage',
          input: { to: 'meganb@example.com', toName: 'Megan Bowen', text: 'the deck is ready' },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('sends one chat per person', async () => {
    const steps = await stepsOf('message Megan and Adele on Teams: standup moved to 10');
    expect(steps.map((s) => s.input.to)).toEqual(['meganb@example.com', 'adelev@example.com']);
  });

  it('refuses a chat with yourself, unknown people and empty messages', async () => {
    expect(await refusalOf('message me on Teams: hello')).toContain('yourself');
    expect(await refusalOf('message Zed on Teams: hello')).toContain('Zed');
    expect(await refusalOf('send Megan a chat saying ""')).toContain('What should the message say');
  });

  it('keeps email requests for mail', async () => {
    expect(actionsOf(await stepsOf('Email Megan Bowen a summary of my unread mail from Contoso'))).toEqual([
      'mail.search',
      'text.summarise',
      'mail.send',
    ]);
  });
});

describe('RulePlanner: post a message and mention people', () => {
  it('posts the quoted text in the channel with the mentions', async () => {
    const result = await planOf("post 'Launch moved to April' in Announcements and mention Megan");
    expect(result).toEqual({
      kind: 'plan',
      title: 'Post "Launch moved to April" in Announcements and mention Megan Bowen',
      steps: [
        {
          action: 'teams.postChannelMessage',
          input: { ...where(ANNOUNCEMENTS), text: 'Launch moved to April', mentions: [megan] },
          rationale: expect.any(String),
        },
      ],
    });
  });

  it('mentions several people, or nobody', async () => {
    const steps = await stepsOf('Post "Please review the deck" to the General channel mentioning Megan and Adele');
    expect(inputOf(steps, 'teams.postChannelMessage')).toEqual({
      ...where(GENERAL),
      text: 'Please review the deck',
      mentions: [megan, adele],
    });
    expect(inputOf(await stepsOf('post "Hello all" in General'), 'teams.postChannelMessage')).toEqual({
      ...where(GENERAL),
      text: 'Hello all',
    });
  });

  it('cannot mention someone outside the directory', async () => {
    expect(await refusalOf('post "Hi" in General and mention dana@contoso.com')).toContain('dana@contoso.com');
  });

  it('still plans a summary posted to a channel', async () => {
    const steps = await stepsOf("Post a summary of this week's mail from Contoso to the General channel");
    expect(actionsOf(steps)).toEqual(['mail.search', 'text.summarise', 'teams.postChannelMessage']);
  });
});

describe('RulePlanner: what is new in a channel, over a period', () => {
  it("reads only the period asked for, in the requester's zone", async () => {
    const steps = await stepsOf("what's new in General this week", { timeZone: 'America/Los_Angeles' });
    expect(inputOf(steps, 'teams.listChannelMessages')).toEqual({
      ...where(GENERAL),
      top: 15,
      repliesPerPost: 10,
      since: '2026-11-23T08:00:00Z',
      until: '2026-11-25T15:00:00Z',
    });
    expect(inputOf(steps, 'text.summarise')).toMatchObject({ title: "What's new in General this week" });
    const since = await stepsOf('catch me up on the Announcements channel since Monday');
    expect(inputOf(since, 'teams.listChannelMessages')).toMatchObject({
      ...where(ANNOUNCEMENTS),
      since: '2026-11-23T00:00:00Z',
    });
  });
});
