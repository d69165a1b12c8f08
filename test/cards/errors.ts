import { ConflictError, DelegateError, toDelegateError } from '../../src/engine/errors';

/** The correlation id every error fixture is shown with. */
export const CORRELATION_ID = '4b1f6c0e-9a7d-4e3b-8c21-d05f7a9e6b13';

/** An internal failure whose message and stack must never reach a card. */
export function internalFailure(): Error {
  const error = new Error('SQLITE_BUSY: database is locked (secret=hunter2)');
  error.stack = `${error.message}\n    at Statement.run (/srv/delegate/src/store/sqlite-store.ts:212:18)\n    at Worker.claim (/srv/delegate/src/engine/worker.ts:88:5)`;
  return error;
}

/** One error of each cause, as the edges turn them into cards. */
export function errorFixtures(): Array<{ name: string; error: DelegateError; userFacing: boolean }> {
  return [
    {
      name: 'user input: not an approver',
      error: new DelegateError(
        'user_input',
        'not_authorised',
        "You're not an approver of this task, so this button isn't yours to press.",
      ),
      userFacing: true,
    },
    {
      name: 'user input: invalid card data',
      error: new DelegateError('user_input', 'invalid_card_data', "This card's data isn't valid, so nothing was done."),
      userFacing: true,
    },
    { name: 'system: anything thrown', error: toDelegateError(internalFailure()), userFacing: false },
    {
      name: 'graph: forbidden, with an upstream cause',
      error: new DelegateError('graph', 'graph_forbidden', "Delegate isn't allowed to read your mailbox.", {
        cause: internalFailure(),
      }),
      userFacing: false,
    },
    {
      name: 'planner: model unavailable',
      error: new DelegateError(
        'planner',
        'planner_unavailable',
        "I couldn't make a plan just now. Please try again in a minute.",
        { cause: internalFailure() },
      ),
      userFacing: false,
    },
    { name: 'conflict', error: new ConflictError('this task'), userFacing: false },
  ];
}
