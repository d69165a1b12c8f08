import { VERB_SCHEMAS, isVerb } from '../../src/teams/verbs';
import { actionsIn } from './card-checks';
import { allFixtures, cardsFor } from './render';

/**
 * Cards carry identifiers, the server carries truth (DESIGN §3 rule 1): every Action.Execute on
 * every card uses a verb from the one verb table, its data passes that verb's schema, and it
 * holds nothing but ids — never who acts, who approves or where something goes.
 */
const ID_KEYS = ['taskId', 'planVersion', 'stepId', 'card'];

describe.each(allFixtures().map((f) => [f.name, f] as const))('Action.Execute on the cards of %s', (_, { task }) => {
  const executes = cardsFor(task).flatMap(({ label, card }) =>
    actionsIn(card)
      .filter(({ action }) => action.type === 'Action.Execute')
      .map(({ path, action }) => ({ where: `${label} ${path} (${String(action.title)})`, action })),
  );

  it('exist (every task has a refresh action at least)', () => {
    expect(executes.length).toBeGreaterThan(1);
  });

  it('use a known verb whose schema accepts the data', () => {
    for (const { where, action } of executes) {
      const verb = String(action.verb);
      expect({ where, known: isVerb(verb) }).toEqual({ where, known: true });
      if (!isVerb(verb)) continue;
      const parsed = VERB_SCHEMAS[verb].safeParse(action.data);
      expect({ where, ok: parsed.success, issues: parsed.error?.issues }).toEqual({
        where,
        ok: true,
        issues: undefined,
      });
    }
  });

  it('carry only ids, for this task and its current plan version', () => {
    const stepIds = task.plan.steps.map((s) => s.id);
    for (const { where, action } of executes) {
      const data = action.data as Record<string, unknown>;
      expect({ where, keys: Object.keys(data).filter((k) => !ID_KEYS.includes(k)) }).toEqual({ where, keys: [] });
      expect({ where, taskId: data.taskId, planVersion: data.planVersion }).toEqual({
        where,
        taskId: task.id,
        planVersion: task.plan.version,
      });
      if (data.stepId !== undefined && data.stepId !== '')
        expect({ where, stepId: stepIds.includes(String(data.stepId)) }).toEqual({ where, stepId: true });
    }
  });
});
