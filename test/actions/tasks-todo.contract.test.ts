import type { TodoCreateOutput } from '../../src/actions/tasks/todo-create';
import type { TodoListOutput } from '../../src/actions/tasks/todo-list';
import { DelegateError } from '../../src/engine/errors';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

interface Lists {
  value: Array<{ id: string; displayName: string }>;
}
interface Todo {
  id: string;
  title: string;
  status: string;
  dueDateTime?: { dateTime: string; timeZone: string };
  body: { content: string };
}

async function listId(name: string, upn = alex.upn): Promise<string> {
  const lists = await sandbox().read<Lists>(upn, '/me/todo/lists');
  const found = lists.value.find((l) => l.displayName === name);
  if (!found) throw new Error(`no list ${name}`);
  return found.id;
}

async function todosTitled(list: string, title: string): Promise<Todo[]> {
  const tasks = await sandbox().read<{ value: Todo[] }>(alex.upn, `/me/todo/lists/${await listId(list)}/tasks`);
  return tasks.value.filter((t) => t.title === title);
}

describe('todo.listTasks against the sandbox', () => {
  it('lists the open tasks of the default list, or of a named one', async () => {
    const { output } = await sandbox().run('todo.listTasks', {});
    const listed = output as TodoListOutput;
    expect(listed.list.name).toBe('Tasks');
    expect(listed.tasks.map((t) => t.title)).toEqual(['Submit expense report', 'Prepare notes for the weekly sync']);
    expect(listed.tasks[0]?.dueDateTime).toBe('2025-03-06T00:00:00Z');
    expect(listed.answer).toBe(
      '2 open on Tasks: Submit expense report (due 2025-03-06); Prepare notes for the weekly sync (due 2025-03-05).',
    );
    const errands = await sandbox().run('todo.listTasks', { list: 'errands', includeCompleted: true });
    expect((errands.output as TodoListOutput).tasks.map((t) => t.title)).toEqual(['Pick up dry cleaning']);
  });

  it("reports an unknown list, and cannot reach someone else's list (it does not exist for the requester)", async () => {
    const missing = await rejectionOf(sandbox().run('todo.listTasks', { list: 'Groceries' }));
    expect(missing).toBeInstanceOf(DelegateError);
    expect(missing).toMatchObject({ code: 'list_not_found' });
    const hers = await listId('Tasks', megan.upn);
    expect(await rejectionOf(sandbox().run('todo.listTasks', { list: hers }))).toMatchObject({
      code: 'list_not_found',
    });
    expect(
      await rejectionOf(
        sandbox().run('todo.listTasks', {}, { actor: { id: megan.id, name: megan.name, upn: 'alexw@example.com' } }),
      ),
    ).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out throttling', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/todo/lists' });
    const started = Date.now();
    await sandbox().run('todo.listTasks', {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('todo.createTask against the sandbox', () => {
  it('adds the task to the default list with its due date and note', async () => {
    const { output } = await sandbox().run('todo.createTask', {
      title: 'Buy printer paper',
      dueDateTime: '2025-03-07T00:00:00Z',
      note: 'A4, two boxes',
    });
    const made = output as TodoCreateOutput;
    const [task, ...more] = await todosTitled('Tasks', 'Buy printer paper');
    expect(more).toHaveLength(0);
    expect(task).toMatchObject({
      id: made.taskId,
      status: 'notStarted',
      dueDateTime: { dateTime: '2025-03-07T00:00:00.0000000', timeZone: 'UTC' },
      body: { content: 'A4, two boxes' },
    });
  });

  it('adds one task when the step runs again with the same key', async () => {
    const input = { list: 'Errands', title: 'Post the parcel' };
    const first = await sandbox().run('todo.createTask', input, { idempotencyKey: 'todo-1', attempt: 1 });
    const second = await sandbox().run('todo.createTask', input, { idempotencyKey: 'todo-1', attempt: 2 });
    expect(second.output).toEqual(first.output);
    expect(await todosTitled('Errands', 'Post the parcel')).toHaveLength(1);
  });

  it('rides out throttling on the create, and refuses an unknown list', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/tasks' });
    await sandbox().run('todo.createTask', { title: 'Water the plants' });
    expect(await todosTitled('Tasks', 'Water the plants')).toHaveLength(1);
    expect(await rejectionOf(sandbox().run('todo.createTask', { list: 'Groceries', title: 'Milk' }))).toMatchObject({
      code: 'list_not_found',
    });
  });

  it('previews the list and task', () => {
    const preview = sandbox().action('todo.createTask').describe({ title: 'Buy printer paper' });
    expect(preview.title).toBe('Add "Buy printer paper" to your To Do list Tasks');
  });
});
