import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { TEST_NOW } from '../support/clock';
import { runScenario, useScenarioApp } from './harness';

const megan = SANDBOX_DIRECTORY.users[1]!;
const adele = SANDBOX_DIRECTORY.users[2]!;

interface PlannerTask {
  id: string;
  title: string;
  dueDateTime: string | null;
  percentComplete: number;
  assignments: Record<string, unknown>;
}
interface TodoTask {
  title: string;
  dueDateTime?: { dateTime: string };
}

describe('scenarios: tasks in Planner and To Do, end to end', () => {
  const app = useScenarioApp();

  async function springLaunchTasks(title: string): Promise<PlannerTask[]> {
    const plans = await app().graph<{ value: Array<{ id: string; title: string }> }>(
      '/users/alexw@example.com/planner/plans',
      // A user's plans are delegated only in Graph.
      'alexw@example.com',
    );
    const plan = plans.value.find((p) => p.title === 'Spring launch');
    if (!plan) throw new Error('no Spring launch plan');
    const tasks = await app().graph<{ value: PlannerTask[] }>(`/planner/plans/${plan.id}/tasks`);
    return tasks.value.filter((t) => t.title === title);
  }

  async function todos(list: string, title: string): Promise<TodoTask[]> {
    const lists = await app().graph<{ value: Array<{ id: string; displayName: string }> }>(
      '/users/alexw@example.com/todo/lists',
    );
    const found = lists.value.find((l) => l.displayName === list);
    if (!found) throw new Error(`no list ${list}`);
    const tasks = await app().graph<{ value: TodoTask[] }>(`/users/alexw@example.com/todo/lists/${found.id}/tasks`);
    return tasks.value.filter((t) => t.title === title);
  }

  it('adds a Planner task for Megan due Friday: one task, assigned to her, due that Friday', async () => {
    const run = await runScenario(app(), "Add a task 'Book venue' to the Spring launch plan for Megan due Friday");
    expect(run.task.status).toBe('completed');
    // The one step was known in full and shown on the plan card: approving the plan approved it.
    expect(run.checkpoints).toHaveLength(0);
    expect(run.task.plan.approvesStep).toBe('s1');
    const [task, ...more] = await springLaunchTasks('Book venue');
    expect(more).toHaveLength(0);
    expect(Object.keys(task?.assignments ?? {})).toEqual([megan.id]);
    const due = new Date(task?.dueDateTime ?? '');
    expect(due.getUTCDay()).toBe(5);
    expect(due.getUTCHours()).toBe(17);
    // The coming Friday of the pinned day (the app runs on TEST_NOW).
    expect(due.getTime()).toBeGreaterThan(TEST_NOW.getTime());
    expect(due.getTime()).toBeLessThan(TEST_NOW.getTime() + 7 * 86_400_000);
  });

  it('adds a Planner task for two people in a named bucket', async () => {
    const run = await runScenario(
      app(),
      'Add a task Order lanyards to the Spring launch plan in the To do bucket for Megan and Adele by tomorrow',
    );
    expect(run.task.status).toBe('completed');
    const [task, ...more] = await springLaunchTasks('Order lanyards');
    expect(more).toHaveLength(0);
    expect(Object.keys(task?.assignments ?? {}).sort()).toEqual([megan.id, adele.id].sort());
  });

  it('adds "buy printer paper" to my to do list exactly once', async () => {
    const run = await runScenario(app(), "add 'buy printer paper' to my to do list");
    expect(run.task.status).toBe('completed');
    expect(await todos('Tasks', 'buy printer paper')).toHaveLength(1);
  });

  it('adds an errand due Friday to the Errands list', async () => {
    const run = await runScenario(app(), 'put call the plumber on my Errands list due Friday');
    expect(run.task.status).toBe('completed');
    const [errand, ...more] = await todos('Errands', 'call the plumber');
    expect(more).toHaveLength(0);
    expect(new Date(`${errand?.dueDateTime?.dateTime.slice(0, 19)}Z`).getUTCDay()).toBe(5);
  });

  it('marks a Planner task done by its title, with the etag Planner asks for', async () => {
    const run = await runScenario(app(), "mark 'Confirm press list' in the Spring launch plan as done");
    expect(run.task.status).toBe('completed');
    const [task] = await springLaunchTasks('Confirm press list');
    expect(task).toMatchObject({ percentComplete: 100 });
  });

  it('lists my Planner tasks and shows them to me', async () => {
    const run = await runScenario(app(), 'what are my planner tasks');
    expect(run.task.status).toBe('completed');
    const output = run.task.plan.steps[0]?.output as { tasks: Array<{ title: string }> };
    const titles = output.tasks.map((t) => t.title);
    expect(titles).toContain('Order booth banners');
    expect(titles).not.toContain('Pick launch date');
  });
});
