import { ANNOUNCEMENTS, GENERAL, inputOf, planOf, refusalOf, stepsOf } from './playground';

const post = (channel: typeof GENERAL) => ({
  teamId: channel.teamId,
  channelId: channel.channelId,
  channelName: channel.channelName,
  teamName: channel.teamName,
  text: { $ref: 's2.summary' },
});

describe('RulePlanner: post a summary of mail to a channel', () => {
  it('plans search → summarise → post for the canonical phrasing', async () => {
    const result = await planOf("Post a summary of this week's mail from Contoso to the General channel", {
      timeZone: 'America/Los_Angeles',
    });
    expect(result).toEqual({
      kind: 'plan',
      title: "Post a summary of this week's mail from Contoso to General",
      steps: [
        {
          action: 'mail.search',
          input: { from: 'Contoso', since: '2026-11-23T08:00:00Z', until: '2026-11-25T15:00:00Z' },
          rationale: expect.any(String),
        },
        {
          action: 'text.summarise',
          input: { items: { $ref: 's1.messages' }, title: "This week's mail from Contoso" },
          rationale: expect.any(String),
        },
        { action: 'teams.postChannelMessage', input: post(GENERAL), rationale: expect.any(String) },
      ],
    });
  });

  it('shares "in Announcements" without the word channel', async () => {
    const steps = await stepsOf('share a recap of unread mail from Fabrikam in Announcements');
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'Fabrikam', unread: true });
    expect(inputOf(steps, 'teams.postChannelMessage')).toEqual(post(ANNOUNCEMENTS));
  });

  it.each([
    ['Post a summary of the mail from Contoso to the General channel in My Team', GENERAL],
    ['Post to the Announcements channel a summary of unread mail from Contoso', ANNOUNCEMENTS],
    ['Post a summary of mail about moving to Azure to the general channel', GENERAL],
    ['Post a summary of unread mail from Contoso to #announcements', ANNOUNCEMENTS],
    ['Send a summary of my unread mail from Contoso to General', GENERAL],
    ["Post a recap of last week's emails from Fabrikam to Announcements in My Team", ANNOUNCEMENTS],
  ])('finds the channel in "%s"', async (outcome, channel) => {
    const steps = await stepsOf(outcome);
    expect(inputOf(steps, 'teams.postChannelMessage')).toEqual(post(channel));
  });

  it('keeps a topic containing "to" as search words', async () => {
    const steps = await stepsOf('Post a summary of mail about moving to Azure to the General channel');
    expect(inputOf(steps, 'mail.search')).toEqual({ query: 'moving to Azure' });
  });

  it('posts "here" to the channel the request came from', async () => {
    const scope = {
      kind: 'channel' as const,
      conversationId: 'conv-2',
      teamId: 'team-1',
      channelId: 'chan-announcements',
    };
    const steps = await stepsOf("Post a summary of today's mail from Contoso here", { scope });
    expect(inputOf(steps, 'teams.postChannelMessage')).toEqual(post(ANNOUNCEMENTS));
    expect(inputOf(steps, 'mail.search')).toEqual({
      from: 'Contoso',
      since: '2026-11-25T00:00:00Z',
      until: '2026-11-25T15:00:00Z',
    });
  });

  it('refuses "here" outside a channel', async () => {
    expect(await refusalOf("Post a summary of today's mail from Contoso here")).toContain('only post "here"');
  });

  it('lists the known channels when the channel does not exist', async () => {
    const message = await refusalOf("Post a summary of today's mail to Random");
    expect(message).toContain("couldn't find a channel called Random");
    expect(message).toContain('General (My Team), Announcements (My Team)');
  });

  it('asks which channel when none is named', async () => {
    const message = await refusalOf('Post a summary of unread mail from Contoso');
    expect(message).toContain('Which channel');
    expect(message).toContain('General (My Team), Announcements (My Team)');
  });
});

describe('RulePlanner: telling everyone in a channel', () => {
  it.each([
    ['pls let the team know in general that standup is cancelled tomorrow', 'General', 'standup is cancelled tomorrow'],
    ['let everyone in general know standup is cancelled', 'General', 'standup is cancelled'],
    ['tell everyone in announcements the office is shut on monday', 'Announcements', 'the office is shut on monday'],
  ])('"%s" posts in %s: "%s"', async (outcome, channelName, text) => {
    const steps = await stepsOf(outcome);
    expect(steps.map((step) => step.action)).toEqual(['teams.postChannelMessage']);
    expect(inputOf(steps, 'teams.postChannelMessage')).toMatchObject({ channelName, text });
  });

  it('mentions the people tagged, and the person told in the channel, outside the text', async () => {
    const tagged = inputOf(
      await stepsOf('let everyone in general know standup is cancelled and tag megan'),
      'teams.postChannelMessage',
    );
    expect(tagged).toMatchObject({ channelName: 'General', text: 'standup is cancelled' });
    expect(JSON.stringify(tagged.mentions)).toContain('Megan');
    const told = inputOf(await stepsOf('let megan know in general that the deck is ready'), 'teams.postChannelMessage');
    expect(told).toMatchObject({ channelName: 'General', text: 'the deck is ready' });
    expect(JSON.stringify(told.mentions)).toContain('Megan');
  });

  it('"let megan know in teams" is still a chat with her, not a channel called Teams', async () => {
    const steps = await stepsOf('let megan know in teams that the deck is ready');
    expect(steps.map((step) => step.action)).toEqual(['teams.sendChatMessage']);
  });
});
