import { CARD_NAMES } from '../../src/teams/cards';
import { errorView } from '../../src/teams/views/error-view';
import { tasksView } from '../../src/teams/views/tasks-view';
import { welcomeView } from '../../src/teams/views/welcome-view';
import { cardProblems, unexpanded } from './card-checks';
import { CORRELATION_ID, errorFixtures } from './errors';
import { allFixtures, cardsFor, renderer } from './render';

/**
 * Every template expanded with every fixture (three journeys in every state, with plain and
 * with template-like user text) must be a well-formed Adaptive Card 1.5 in which no template
 * expression survives. User text is allowed to hold `${…}`: it is removed before looking.
 */
const fixtures = allFixtures();
const OWN_FIXTURES: readonly string[] = ['error', 'signin', 'welcome', 'tasks', 'schedule', 'schedules'];
const TASK_TEMPLATES = CARD_NAMES.filter((name) => !OWN_FIXTURES.includes(name));

describe.each(TASK_TEMPLATES)('the %s template', (template) => {
  it.each(fixtures.map((f) => [f.name, f] as const))('expands cleanly for %s', (_, fixture) => {
    const cards = cardsFor(fixture.task).filter((r) => r.template === template);
    expect(cards.length).toBeGreaterThan(0);
    for (const { label, card } of cards) {
      expect({ label, problems: cardProblems(card) }).toEqual({ label, problems: [] });
      expect({ label, unexpanded: unexpanded(card, fixture.userText) }).toEqual({ label, unexpanded: [] });
    }
  });
});

describe('the error template', () => {
  it.each(errorFixtures().map((f) => [f.name, f] as const))('expands cleanly for %s', (_, { error }) => {
    const card = renderer.render('error', errorView(error, CORRELATION_ID));
    expect(cardProblems(card)).toEqual([]);
    expect(unexpanded(card, [])).toEqual([]);
  });
});

describe('the welcome and tasks templates', () => {
  it.each(['personal', 'groupChat', 'channel'] as const)('the welcome card expands cleanly in a %s', (scope) => {
    const card = renderer.render('welcome', welcomeView(scope));
    expect(cardProblems(card)).toEqual([]);
    expect(unexpanded(card, [])).toEqual([]);
  });

  it('the tasks card expands cleanly for every fixture task, and when there are none', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const tasks = fixtures.map((f) => f.task);
    for (const view of [tasksView(tasks, true, now, 'Europe/London'), tasksView([], false, now, 'UTC')]) {
      const card = renderer.render('tasks', view);
      expect(cardProblems(card)).toEqual([]);
      expect(
        unexpanded(
          card,
          fixtures.flatMap((f) => f.userText),
        ),
      ).toEqual([]);
    }
  });
});

describe('plain fixtures', () => {
  it('carry no `${` at all, so any `${` on their cards is a template left unexpanded', () => {
    const plain = fixtures.filter((f) => !f.name.includes('hostile'));
    expect(plain.length).toBeGreaterThan(20);
    for (const fixture of plain) {
      expect(fixture.userText.filter((t) => t.includes('${'))).toEqual([]);
      for (const { label, card } of cardsFor(fixture.task))
        expect({ label, found: JSON.stringify(card).includes('${') }).toEqual({ label, found: false });
    }
  });
});
