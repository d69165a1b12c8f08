import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import { actionsOf, inputOf, planOf, refusalOf, stepsOf } from './playground';

/** Inputs the planner proposes must pass the actions' own schemas. */
const catalogue = createCatalogue({} as GraphGateway);
function fits(action: string, input: Record<string, unknown>): void {
  const spec = catalogue.get(action);
  if (!spec) throw new Error(`no action ${action}`);
  expect(() => spec.input.parse(input)).not.toThrow();
}

describe('RulePlanner: Planner tasks', () => {
  it('adds a task to a named plan, assigned and due on the day named (end of the working day, in the requester zone)', async () => {
    const result = await planOf("add a task 'Book venue' to the Spring launch plan for Megan due Friday", {
      timeZone: 'America/Los_Angeles',
    });
    if (result.kind !== 'plan') throw new Error(JSON.stringify(result));
    expect(result.title).toBe('Add "Book venue" to the Spring launch plan for Megan Bowen, due Friday 27 November');
    const input = inputOf(result.steps, 'planner.createTask');
    expect(input).toEqual({
      plan: 'Spring launch',
      title: 'Book venue',
      assignees: ['meganb@example.com'],
      dueDateTime: '2026-11-28T01:00:00Z',
    });
    fits('planner.createTask', input);
  });

  it('reads unquoted titles, buckets, several assignees and "me"', async () => {
    const two = inputOf(
      await stepsOf('Add a task Order banners to the Spring launch plan for Megan and Adele by tomorrow'),
      'planner.createTask',
    );
    expect(two).toMatchObject({
      title: 'Order banners',
      assignees: ['meganb@example.com', 'adelev@example.com'],
      dueDateTime: '2026-11-26T17:00:00Z',
    });
    const mine = inputOf(
      await stepsOf('create a task in the Spring launch plan to print flyers, assigned to me'),
      'planner.createTask',
    );
    expect(mine).toEqual({ plan: 'Spring launch', title: 'print flyers', assignees: ['alexw@example.com'] });
    const bucket = inputOf(
      await stepsOf('add a task to the Spring launch plan in the To do bucket called Print flyers'),
      'planner.createTask',
    );
    expect(bucket).toEqual({ plan: 'Spring launch', bucket: 'To do', title: 'Print flyers', assignees: [] });
  });

  it('asks rather than guesses: no title, a period instead of a day, an outsider as assignee', async () => {
    expect(await refusalOf('add a task to the Spring launch plan')).toContain('What should the task be called?');
    expect(await refusalOf("add 'Book venue' to the Spring launch plan due next week")).toContain('Give me one day');
    expect(await refusalOf("add 'Book venue' to the Spring launch plan for dana@contoso.com")).toContain(
      'not in your organisation',
    );
  });

  it("lists my Planner tasks, or a plan's", async () => {
    expect(inputOf(await stepsOf('what are my planner tasks'), 'planner.listTasks')).toEqual({});
    expect(inputOf(await stepsOf("what's on the Spring launch plan"), 'planner.listTasks')).toEqual({
      plan: 'Spring launch',
    });
    expect(inputOf(await stepsOf('show me the tasks in the Spring launch plan'), 'planner.listTasks')).toEqual({
      plan: 'Spring launch',
    });
  });
});

describe('RulePlanner: To Do tasks', () => {
  it('adds to the default list or a named one, with a due date', async () => {
    const steps = await stepsOf("add 'buy printer paper' to my to do list");
    expect(actionsOf(steps)).toEqual(['todo.createTask']);
    expect(inputOf(steps, 'todo.createTask')).toEqual({ title: 'buy printer paper' });
    const errand = inputOf(await stepsOf('put call the plumber on my Errands list due Friday'), 'todo.createTask');
    expect(errand).toEqual({ title: 'call the plumber', list: 'Errands', dueDateTime: '2026-11-27T17:00:00Z' });
    fits('todo.createTask', errand);
    expect(inputOf(await stepsOf('add buy milk to my to-dos'), 'todo.createTask')).toEqual({ title: 'buy milk' });
  });

  it('lists a to-do list', async () => {
    expect(inputOf(await stepsOf("what's on my to do list"), 'todo.listTasks')).toEqual({});
    expect(inputOf(await stepsOf('show my Errands list'), 'todo.listTasks')).toEqual({ list: 'Errands' });
  });

  it('leaves other requests alone', async () => {
    expect(actionsOf(await stepsOf('Set up a meeting with Megan tomorrow about the plan'))).toEqual([
      'calendar.findMeetingTimes',
      'calendar.createEvent',
    ]);
    expect(actionsOf(await stepsOf('Email Megan a summary of my unread mail from Contoso'))).toContain('mail.send');
  });
});

describe('RulePlanner: updating Planner tasks by title', () => {
  it.each([
    [
      "mark 'Confirm press list' in the Spring launch plan as done",
      'Mark "Confirm press list" in the Spring launch plan done',
      { title: 'Confirm press list', plan: 'Spring launch', percentComplete: 100 },
    ],
    [
      'set Order booth banners in the Spring launch plan to 50%',
      'Set "Order booth banners" in the Spring launch plan to 50% done',
      { title: 'Order booth banners', plan: 'Spring launch', percentComplete: 50 },
    ],
    [
      "move 'Order booth banners' in the Spring launch plan to Friday",
      'Make "Order booth banners" in the Spring launch plan due Friday 27 November',
      { title: 'Order booth banners', plan: 'Spring launch', dueDateTime: '2026-11-27T17:00:00Z' },
    ],
    [
      "assign 'Write FAQ for support' in the Spring launch plan to Megan",
      'Assign "Write FAQ for support" in the Spring launch plan to Megan Bowen',
      { title: 'Write FAQ for support', plan: 'Spring launch', addAssignees: ['meganb@example.com'] },
    ],
    [
      "complete 'Confirm press list' in planner",
      'Mark "Confirm press list" done',
      { title: 'Confirm press list', percentComplete: 100 },
    ],
  ])('"%s"', async (outcome, title, input) => {
    const result = await planOf(outcome);
    if (result.kind !== 'plan') throw new Error(JSON.stringify(result));
    expect(result.title).toBe(title);
    expect(inputOf(result.steps, 'planner.updateTask')).toEqual(input);
    fits('planner.updateTask', input);
  });

  it('leaves meetings to the calendar', async () => {
    const result = await planOf('move the Spring launch meeting to Friday at 3pm');
    expect(result.kind === 'plan' && result.steps.some((s) => s.action.startsWith('planner.'))).toBe(false);
  });
});
