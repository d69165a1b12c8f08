import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import type { LlmClient } from '../../src/llm/port';
import { PLANNER_ACTIONS } from '../../src/planning';
import { parseDelivery } from '../../src/planning/intents/delivery-parse';
import { splitClauses } from '../../src/planning/text/clauses';
import { actionsOf, inputOf, stepsOf } from './playground';

describe('RulePlanner: a chat whose text ends in "it" or "that" is a chat, not a delivery', () => {
  it.each([
    ['message Megan on Teams: can you review it', 'can you review it'],
    ['message Megan on Teams saying please look at that', 'please look at that'],
    ['send Megan a chat saying can you review that', 'can you review that'],
    ['send Megan a Teams message: the deck is ready, have a look at it', 'the deck is ready, have a look at it'],
  ])('"%s" sends the chat', async (outcome, text) => {
    const steps = await stepsOf(outcome);
    expect(actionsOf(steps)).toEqual(['teams.sendChatMessage']);
    expect(inputOf(steps, 'teams.sendChatMessage')).toEqual({ to: 'meganb@example.com', toName: 'Megan Bowen', text });
  });

  it('is not read as a delivery of the summary', () => {
    expect(parseDelivery('message Megan on Teams: can you review it')).toBeUndefined();
    expect(parseDelivery('send Megan a chat saying can you review that')).toBeUndefined();
  });

  it('still reads "send Megan it" and "mail Megan that" as deliveries', () => {
    expect(parseDelivery('send Megan it')).toEqual({
      ok: true,
      value: { kind: 'delivery', destination: { kind: 'people', names: ['Megan'] } },
    });
    expect(parseDelivery('mail Megan and Adele that')).toMatchObject({
      ok: true,
      value: { destination: { kind: 'people', names: ['Megan', 'Adele'] } },
    });
  });
});

describe('RulePlanner: "… and message / ping / reply …" starts a request of its own', () => {
  it.each([
    [
      'Summarise my unread Contoso emails and message Adele on Teams: the summary is in your inbox',
      ['Summarise my unread Contoso emails', 'message Adele on Teams: the summary is in your inbox'],
    ],
    [
      'Summarise my unread Contoso emails and ping Adele on Teams: have a look at it',
      ['Summarise my unread Contoso emails', 'ping Adele on Teams: have a look at it'],
    ],
    ["Flag Dana's latest mail and reply to her: thanks", ["Flag Dana's latest mail", 'reply to her: thanks']],
  ])('splits "%s"', (message, clauses) => {
    expect(splitClauses(message)).toEqual(clauses);
  });

  it('keeps a "message" that is a noun, or "messages", inside its clause', () => {
    expect(splitClauses('Summarise the mail and messages from Contoso')).toEqual([
      'Summarise the mail and messages from Contoso',
    ]);
  });

  it('plans the summary, then the chat to Adele', async () => {
    const steps = await stepsOf(
      'Summarise my unread Contoso emails and message Adele on Teams: the summary is in your inbox',
    );
    expect(actionsOf(steps)).toEqual(['mail.search', 'text.summarise', 'teams.sendChatMessage']);
    expect(inputOf(steps, 'mail.search')).toEqual({ from: 'Contoso', unread: true });
    expect(inputOf(steps, 'teams.sendChatMessage')).toEqual({
      to: 'adelev@example.com',
      toName: 'Adele Vance',
      text: 'the summary is in your inbox',
    });
  });
});

describe('PLANNER_ACTIONS', () => {
  // Never called: the catalogue only hands these to the actions it builds.
  const llm: LlmClient = { complete: () => Promise.reject(new Error('not called')) };
  const names = new Set(
    createCatalogue({} as GraphGateway, { llm })
      .list()
      .map((spec) => spec.name),
  );

  it('names only actions of the catalogue, each once', () => {
    expect(PLANNER_ACTIONS.filter((name) => !names.has(name))).toEqual([]);
    expect(new Set(PLANNER_ACTIONS).size).toBe(PLANNER_ACTIONS.length);
  });
});
