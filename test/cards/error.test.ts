import { errorView } from '../../src/teams/views/error-view';
import { shortReference } from '../../src/present/human';
import { actionsIn, textsOf } from './card-checks';
import { CORRELATION_ID, errorFixtures, internalFailure } from './errors';
import { renderer } from './render';

/** Error cards: a friendly message; a reference for support unless the user can fix it; never internals. */
describe.each(errorFixtures().map((f) => [f.name, f] as const))('the error card for %s', (_, { error, userFacing }) => {
  const card = renderer.render('error', errorView(error, CORRELATION_ID));
  const json = JSON.stringify(card);

  it('shows the friendly message', () => {
    expect(textsOf(card).slice(0, 2)).toEqual([
      userFacing ? "That didn't work" : 'Something went wrong',
      error.userMessage,
    ]);
  });

  it(userFacing ? 'shows no correlation id: the user can fix this' : 'shows the correlation id for support', () => {
    if (userFacing) {
      expect(json).not.toContain(CORRELATION_ID);
      expect(json).not.toContain('Reference');
      expect(textsOf(card)).toHaveLength(2);
    } else {
      expect(textsOf(card)).toEqual([
        expect.any(String),
        error.userMessage,
        `Reference: ${shortReference(CORRELATION_ID)}`,
      ]);
    }
  });

  it('shows no stack, no internal message and no secret', () => {
    const internal = internalFailure();
    for (const leak of [
      internal.message,
      'SQLITE_BUSY',
      'hunter2',
      '    at ',
      'sqlite-store.ts',
      error.message,
      error.stack ?? 'no stack',
    ]) {
      if (leak === error.userMessage) continue;
      expect({ leak, found: json.includes(leak) }).toEqual({ leak, found: false });
    }
  });

  it('has no buttons', () => {
    expect(actionsIn(card)).toEqual([]);
  });
});
