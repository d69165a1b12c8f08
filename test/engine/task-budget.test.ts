import { Engine } from '../../src/engine/engine';
import { FixedClock, ListCatalogue, SequentialIds } from '../../src/engine/fakes';
import type { PlanResult, Planner } from '../../src/engine/ports';
import { parsePolicy } from '../../src/policy';
import { FixedGovernance } from '../../src/policy/governance';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, SCOPE } from './harness';

function rig(answers: (() => PlanResult)[]) {
  const parsed = parsePolicy('version: 1\nbudgets:\n  tasksPerUserPerDay: 1\n');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const store = new MemoryTaskStore();
  const clock = new FixedClock(new Date('2026-11-25T23:59:00Z'));
  const planner: Planner = { plan: async () => answers.shift()!() };
  const engine = new Engine({
    store,
    planner,
    catalogue: new ListCatalogue([]),
    clock,
    ids: new SequentialIds(),
    governance: new FixedGovernance(parsed.policy),
  });
  const start = () =>
    engine.startTask({
      outcome: 'prepare the report',
      requester: ALEX,
      scope: SCOPE,
      conversation: { conversation: { id: 'conv-1' } },
      timeZone: 'UTC',
    });
  return { store, clock, start };
}

const question = (): PlanResult => ({ kind: 'question', question: 'Which report?' });

describe('engine: the tasks-per-day budget', () => {
  it('gives the unit back when planning throws or finds nothing to do', async () => {
    const { store, start } = rig([
      () => {
        throw new Error('model unavailable');
      },
      () => ({ kind: 'unplannable', message: 'I cannot do that.' }),
      question,
      question,
    ]);
    await expect(start()).rejects.toThrow('model unavailable');
    await expect(start()).resolves.toMatchObject({ kind: 'unplannable' });
    await expect(start()).resolves.toMatchObject({ kind: 'planned' });
    await expect(start()).rejects.toMatchObject({ code: 'task_budget' });
    await expect(store.countTasks({})).resolves.toBe(1);
  });

  it('counts UTC days: a new day has a fresh allowance', async () => {
    const { clock, start } = rig([question, question, question]);
    await expect(start()).resolves.toMatchObject({ kind: 'planned' });
    await expect(start()).rejects.toMatchObject({ code: 'task_budget' });
    clock.advance(2 * 60_000);
    await expect(start()).resolves.toMatchObject({ kind: 'planned' });
  });
});
