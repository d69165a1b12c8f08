import { actionsOf, inputOf, planOf, refusalOf, stepsOf } from './playground';

describe('RulePlanner: several acts on one found thing ("… and flag it")', () => {
  it('finds the mail once, then forwards and moves that same mail', async () => {
    const steps = await stepsOf('find the fabrikam invoice email, forward it to lynne and move it to the archive');
    expect(actionsOf(steps)).toEqual(['mail.search', 'mail.forward', 'mail.move']);
    // "it" is one message: the one forwarded is the one moved.
    expect(inputOf(steps, 'mail.search')).toMatchObject({ from: 'fabrikam', query: 'invoice', top: 1 });
    expect(inputOf(steps, 'mail.forward')).toMatchObject({
      messageId: { $ref: 's1.messages.0.id' },
      to: ['lynner@example.com'],
    });
    expect(inputOf(steps, 'mail.move')).toEqual({ messageIds: { $ref: 's1.ids' }, folder: 'Archive' });
  });

  it.each([
    ['forward the latest email from dana to lynne and flag it', 'mail.update', { flag: 'flagged' }],
    ["reply to Raj saying we'll confirm by Friday and flag his email", 'mail.update', { flag: 'flagged' }],
    ['forward the fabrikam invoice email to lynne then move it to the archive folder', 'mail.move', {}],
    ['find the emails from carlos and then mark them as read', 'mail.update', { isRead: true }],
  ])('"%s": the second act points at the first search', async (outcome, action, input) => {
    const result = await planOf(outcome);
    if (result.kind !== 'plan') throw new Error(JSON.stringify(result));
    expect(actionsOf(result.steps).filter((a) => a === 'mail.search')).toHaveLength(1);
    expect(inputOf(result.steps, action)).toMatchObject({ messageIds: { $ref: 's1.ids' }, ...input });
    expect(result.title).toMatch(/, then \w+ (?:it|them)\b/);
  });

  it('summarises a document read just before and sends the summary, named after the document', async () => {
    const steps = await stepsOf('read the spring launch brief and email Megan a summary of it');
    expect(actionsOf(steps)).toEqual(['files.search', 'files.readText', 'text.summarise', 'mail.send']);
    expect(inputOf(steps, 'text.summarise')).toEqual({
      text: { $ref: 's2.text' },
      sourceId: { $ref: 's2.itemId' },
      title: 'Summary of spring launch brief',
    });
    expect(inputOf(steps, 'mail.send')).toMatchObject({
      to: ['meganb@example.com'],
      subject: 'Summary of spring launch brief',
      body: { $ref: 's3.summary' },
    });
  });

  it('shares a document found just before', async () => {
    const steps = await stepsOf('look for the launch checklist, then send it to adele');
    expect(actionsOf(steps)).toEqual(['files.search', 'files.share']);
    expect(inputOf(steps, 'files.share')).toMatchObject({
      itemId: { $ref: 's1.items.0.id' },
      recipients: ['adelev@example.com'],
    });
  });

  it('does not act on "it" when nothing of that kind was found before', async () => {
    expect(await refusalOf('set up a call with Megan tomorrow and flag it')).toMatch(/it/);
  });
});

describe('RulePlanner: questions that name what is missing', () => {
  it.each([
    ['Send a summary to Zoe', 'What should the summary for Zoe cover?'],
    ['post the contoso summary to the Marketing channel', 'for the Marketing channel'],
    ['Share the file with Megan', 'Which file should I share?'],
    ['move my meeting', 'Which meeting should I move, and when to?'],
  ])('"%s" → %j', async (outcome, expected) => {
    expect(await refusalOf(outcome)).toContain(expected);
  });
});

describe('RulePlanner: the same request said twice, and messages to a meeting’s attendees', () => {
  it('does a restated request once: "is adele on holiday? check her auto reply"', async () => {
    const steps = await stepsOf('is adele on holiday? check her auto reply');
    expect(steps).toEqual([
      expect.objectContaining({ action: 'people.mailboxSettings', input: { person: 'adelev@example.com' } }),
    ]);
  });

  it('sends "tell them …" after a cancellation to the attendees, with the cancellation', async () => {
    const steps = await stepsOf("cancel the contoso renewal review and tell them we'll rebook next week");
    expect(actionsOf(steps)).toEqual(['calendar.listEvents', 'calendar.cancelEvent']);
    expect(inputOf(steps, 'calendar.cancelEvent')).toMatchObject({ comment: "We'll rebook next week." });
  });

  it('does not take a manager question’s person for "them": it asks', async () => {
    expect(await refusalOf("who is Lynne's manager? email them a recap of Lynne's mail this week")).toContain('them');
  });
});

describe('RulePlanner: acting on a file just created', () => {
  it('shares the document a summary was saved to', async () => {
    const steps = await stepsOf(
      "Summarise this week's Fabrikam mail and save it as a Word doc, then share it with Adele",
    );
    expect(actionsOf(steps)).toEqual(['mail.search', 'text.summarise', 'files.create', 'files.share']);
    expect(inputOf(steps, 'files.share')).toMatchObject({
      itemId: { $ref: 's3.itemId' },
      itemName: { $ref: 's3.name' },
      recipients: ['adelev@example.com'],
    });
  });

  it('counts "loop in Adele: send her …" as writing to Adele', async () => {
    const steps = await stepsOf('loop in adele: send her a summary of the fabrikam emails from this week');
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['adelev@example.com'] });
  });
});

describe('RulePlanner: telling people what was just done', () => {
  it('"… for Adele and tell her on Teams": a chat to Adele saying what was done', async () => {
    const steps = await stepsOf('Put "Order booth banners" on the Spring launch plan for Adele and tell her on Teams');
    expect(actionsOf(steps)).toEqual(['planner.createTask', 'teams.sendChatMessage']);
    expect(inputOf(steps, 'teams.sendChatMessage')).toMatchObject({ to: 'adelev@example.com' });
    expect(String(inputOf(steps, 'teams.sendChatMessage').text)).toContain('Order booth banners');
  });

  it('"… and email him about it": a mail to him saying what was done', async () => {
    const steps = await stepsOf(
      "Add 'Prepare pricing FAQ' to the Spring launch plan for Isaiah and email him about it",
    );
    expect(actionsOf(steps)).toEqual(['planner.createTask', 'mail.send']);
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['isaiahl@example.com'] });
    expect(String(inputOf(steps, 'mail.send').body)).toContain('Prepare pricing FAQ');
  });
});

describe('RulePlanner: "send it" after a summary of a document', () => {
  it('sends the summary, not the document', async () => {
    const steps = await stepsOf('summarise the travel policy and send it to patti');
    expect(actionsOf(steps)).toEqual(['files.search', 'files.readText', 'text.summarise', 'mail.send']);
    expect(inputOf(steps, 'mail.send')).toMatchObject({ to: ['pattif@example.com'], body: { $ref: 's3.summary' } });
  });
});
