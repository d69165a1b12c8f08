import { CARD_NAMES } from '../../src/teams/cards';
import { errorView } from '../../src/teams/views/error-view';
import { cardProblems, unexpanded } from './card-checks';
import { CORRELATION_ID, errorFixtures } from './errors';
import { allFixtures, cardsFor, renderer } from './render';

/**
 * Every template expanded with every fixture (three journeys in every state, with plain and
 * with template-like user text) must be a well-formed Adaptive Card 1.5 in which no template
 * expression survives. User text is allowed to hold `${…}`: it is removed before looking.
 */
const fixtures = allFixtures();
const TASK_TEMPLATES = CARD_NAMES.filter((name) => name !== 'error' && name !== 'signin');

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
