import { actionsIn, cardProblems, unexpanded } from './card-checks';

/** The checks the card tests rely on must themselves catch broken cards. */
const good = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello', wrap: true }],
  actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve', data: { taskId: 'T1', planVersion: 1 } }],
};

describe('cardProblems', () => {
  it('accepts a well-formed card', () => {
    expect(cardProblems(good)).toEqual([]);
  });

  it.each([
    ['a wrong version', { ...good, version: '1.4' }, 'version'],
    ['an unknown element type', { ...good, body: [{ type: 'Textblock', text: 'x' }] }, 'body[0]'],
    ['an unknown action type', { ...good, actions: [{ type: 'Action.Run', title: 'Go' }] }, 'actions[0]'],
    [
      'a boolean left as a string',
      { ...good, body: [{ type: 'TextBlock', text: 'x', wrap: '${wrap}' }] },
      'body[0].wrap',
    ],
    [
      'a templating key left behind',
      { ...good, body: [{ type: 'TextBlock', text: 'x', $when: '${x}' }] },
      '.body[0].$when',
    ],
    ['a fact without a value', { ...good, body: [{ type: 'FactSet', facts: [{ title: 'To' }] }] }, 'body[0].facts[0]'],
    [
      'duplicate input ids',
      {
        ...good,
        body: [
          { type: 'Input.Text', id: 'a' },
          { type: 'Input.Text', id: 'a' },
        ],
      },
      'body[1]',
    ],
    [
      'userIds that are not a list',
      { ...good, refresh: { action: good.actions[0], userIds: '${userIds}' } },
      'refresh.userIds',
    ],
    [
      'an element nested in a column',
      { ...good, body: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'Bogus' }] }] }] },
      'body[0].columns[0].items[0]',
    ],
  ])('flags %s', (_, card, path) => {
    expect(cardProblems(card).some((p) => p.startsWith(`${path}:`))).toBe(true);
  });
});

describe('unexpanded', () => {
  it('finds an expression left in template text but excuses user text holding one', () => {
    const card = { body: [{ text: 'Task ${taskId}' }, { text: 'Subject: Re: ${title} from Dana' }] };
    expect(unexpanded(card, ['Re: ${title} from Dana'])).toEqual(['.body[0].text: Task ${taskId}']);
  });

  it('does not excuse an expression next to user text', () => {
    expect(unexpanded({ text: 'Re: ${title} ${n}' }, ['Re: ${title}'])).toEqual(['.text: Re: ${title} ${n}']);
  });
});

describe('actionsIn', () => {
  it('finds actions in the card, in ActionSets and in refresh', () => {
    const card = {
      ...good,
      refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [] },
      body: [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', url: 'https://x' }] }],
    };
    expect(
      actionsIn(card)
        .map((a) => a.path)
        .sort(),
    ).toEqual(['.actions[0]', '.body[0].actions[0]', '.refresh.action']);
  });
});
