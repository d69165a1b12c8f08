import type { PlannerCreateOutput } from '../../src/actions/tasks/planner-create';
import type { PlannerListOutput } from '../../src/actions/tasks/planner-list';
import type { PlannerUpdateOutput } from '../../src/actions/tasks/planner-update';
import { DelegateError } from '../../src/engine/errors';
import { GraphError } from '../../src/graph/errors';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const adele = SANDBOX_DIRECTORY.users[2]!;

interface Task {
  id: string;
  title: string;
  '@odata.etag': string;
  percentComplete: number;
  dueDateTime: string | null;
  assignments: Record<string, unknown>;
  bucketId: string;
}

async function planId(title: string, upn = alex.upn): Promise<string> {
  const plans = await sandbox().read<{ value: Array<{ id: string; title: string }> }>(upn, '/me/planner/plans');
  const plan = plans.value.find((p) => p.title === title);
  if (!plan) throw new Error(`no plan ${title}`);
  return plan.id;
}

async function tasksTitled(title: string): Promise<Task[]> {
  const tasks = await sandbox().read<{ value: Task[] }>(
    alex.upn,
    `/planner/plans/${await planId('Spring launch')}/tasks`,
  );
  return tasks.value.filter((t) => t.title === title);
}

const create = {
  plan: 'Spring launch',
  bucket: 'To do',
  title: 'Book venue',
  assignees: [megan.upn],
  dueDateTime: '2025-03-07T17:00:00Z',
};

describe('planner.listTasks against the sandbox', () => {
  it("lists a plan's open tasks by title, with buckets and assignees' names", async () => {
    const { output } = await sandbox().run('planner.listTasks', { plan: 'spring launch' });
    const { tasks, buckets, plans } = output as PlannerListOutput;
    expect(plans.map((p) => p.title)).toEqual(['Spring launch']);
    expect(buckets.map((b) => b.name)).toEqual(['To do', 'In progress', 'Done']);
    expect(tasks.map((t) => t.title)).not.toContain('Pick launch date');
    const draft = tasks.find((t) => t.title === 'Draft launch announcement');
    expect(draft).toMatchObject({
      bucket: 'In progress',
      percentComplete: 50,
      assignees: [{ id: megan.id, name: 'Megan Bowen' }],
      planTitle: 'Spring launch',
    });
    expect(tasks[0]?.title).toBe('Review launch budget');
    expect((output as PlannerListOutput).answer).toMatch(
      /^5 open tasks in Spring launch: Review launch budget \(due 2025-03-06, Patti Fernandez, 50%\); Draft launch announcement/,
    );
  });

  it('lists the tasks assigned to the requester when no plan is named', async () => {
    const { output } = await sandbox().run('planner.listTasks', { includeCompleted: true });
    expect((output as PlannerListOutput).tasks.map((t) => t.title).sort()).toEqual([
      'Confirm press list',
      'Order booth banners',
      'Pick launch date',
    ]);
  });

  it('reports an unknown plan by name, and a plan of a group the requester is not in as forbidden', async () => {
    const missing = await rejectionOf(sandbox().run('planner.listTasks', { plan: 'Autumn launch' }));
    expect(missing).toBeInstanceOf(DelegateError);
    expect(missing).toMatchObject({ code: 'plan_not_found', kind: 'user_input' });
    const board = await planId('Board prep', 'pattif@example.com');
    expect(await rejectionOf(sandbox().run('planner.listTasks', { plan: board }))).toMatchObject({
      code: 'graph_forbidden',
      status: 403,
    });
  });

  it('rides out throttling', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/tasks' });
    const started = Date.now();
    const { output } = await sandbox().run('planner.listTasks', { plan: 'Spring launch' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((output as PlannerListOutput).count).toBeGreaterThan(0);
  });
});

describe('planner.createTask against the sandbox', () => {
  it('creates the task in the bucket, assigned by address, due when asked, with the key in its notes', async () => {
    const { output } = await sandbox().run(
      'planner.createTask',
      { ...create, description: 'Seats for 200.' },
      { idempotencyKey: 'plan-step-1' },
    );
    const made = output as PlannerCreateOutput;
    const [task, ...more] = await tasksTitled('Book venue');
    expect(more).toHaveLength(0);
    expect(task?.id).toBe(made.taskId);
    expect(Object.keys(task?.assignments ?? {})).toEqual([megan.id]);
    expect(task?.dueDateTime).toBe('2025-03-07T17:00:00Z');
    const details = await sandbox().read<{ description: string }>(alex.upn, `/planner/tasks/${made.taskId}/details`);
    expect(details.description).toBe('Seats for 200.\n\n(Added by Delegate · ref plan-step-1)');
  });

  it('creates one task when the step runs again with the same key', async () => {
    const first = await sandbox().run('planner.createTask', create, { idempotencyKey: 'again', attempt: 1 });
    const second = await sandbox().run('planner.createTask', create, { idempotencyKey: 'again', attempt: 2 });
    expect(second.output).toEqual(first.output);
    expect(await tasksTitled('Book venue')).toHaveLength(1);
    await sandbox().run('planner.createTask', create, { idempotencyKey: 'another step', attempt: 2 });
    expect(await tasksTitled('Book venue')).toHaveLength(2);
  });

  it('finishes, rather than repeats, a create that stopped before its details were written', async () => {
    // What an attempt leaves when it stops between POST /planner/tasks and PATCHing the details.
    const created = await sandbox().call<{ id: string }>(alex.upn, 'POST', '/planner/tasks', {
      planId: await planId('Spring launch'),
      title: 'Book venue',
    });
    const { output } = await sandbox().run('planner.createTask', create, { idempotencyKey: 'cut', attempt: 2 });
    expect((output as PlannerCreateOutput).taskId).toBe(created.id);
    expect(await tasksTitled('Book venue')).toHaveLength(1);
    const details = await sandbox().read<{ description: string }>(alex.upn, `/planner/tasks/${created.id}/details`);
    expect(details.description).toBe('(Added by Delegate · ref cut)');
  });

  it('refuses an unknown bucket or person, and a plan the requester cannot use', async () => {
    expect(await rejectionOf(sandbox().run('planner.createTask', { ...create, bucket: 'Someday' }))).toMatchObject({
      code: 'bucket_not_found',
    });
    expect(
      await rejectionOf(sandbox().run('planner.createTask', { ...create, assignees: ['nobody@example.com'] })),
    ).toMatchObject({ code: 'person_not_found' });
    const board = await planId('Board prep', 'pattif@example.com');
    expect(
      await rejectionOf(sandbox().run('planner.createTask', { ...create, plan: board, bucket: undefined })),
    ).toMatchObject({ code: 'graph_forbidden' });
    expect(await tasksTitled('Book venue')).toHaveLength(0);
  });

  it('rides out throttling on the create', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/planner/tasks' });
    await sandbox().run('planner.createTask', create);
    expect(await tasksTitled('Book venue')).toHaveLength(1);
  });

  it('declares assignees as recipients and previews exactly what will be created', () => {
    const spec = sandbox().action('planner.createTask');
    expect(spec.destinations?.(create)).toEqual([{ kind: 'recipient', value: megan.upn, field: 'assignees' }]);
    expect(spec.describe(create).fields).toContainEqual({ label: 'Assigned to', value: megan.upn });
    expect(spec.describe({ ...create, title: { $ref: 's1.title' } }).title).toBe(
      'Add "(from step 1)" to the Spring launch plan',
    );
  });
});

describe('planner.updateTask against the sandbox', () => {
  async function confirmPressList(): Promise<Task> {
    const [task] = await tasksTitled('Confirm press list');
    if (!task) throw new Error('seed task missing');
    return task;
  }

  it('sets progress, due date and assignees with the current etag', async () => {
    const task = await confirmPressList();
    const { output } = await sandbox().run('planner.updateTask', {
      taskId: task.id,
      percentComplete: 100,
      dueDateTime: '2025-03-10T09:00:00Z',
      addAssignees: [adele.mail],
      removeAssignees: [alex.upn],
    });
    expect(output as PlannerUpdateOutput).toEqual({
      taskId: task.id,
      percentComplete: 100,
      dueDateTime: '2025-03-10T09:00:00Z',
      assigneeIds: [adele.id],
    });
    const after = await confirmPressList();
    expect(after['@odata.etag']).not.toBe(task['@odata.etag']);
  });

  it('re-reads the task and succeeds when someone else changed it between its read and its write (412)', async () => {
    const task = await confirmPressList();
    // The action's read goes through at once; its PATCH is held back while someone else edits the task.
    await sandbox().fault({ latencyMs: 0, count: 1, pathContains: `/planner/tasks/${task.id}?$select` });
    await sandbox().fault({ latencyMs: 1500, count: 1, pathContains: `/planner/tasks/${task.id}` });
    const running = sandbox().run('planner.updateTask', { taskId: task.id, percentComplete: 50 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fresh = await sandbox().read<Task>(megan.upn, `/planner/tasks/${task.id}`);
    const edit = await fetch(`${sandbox().sandbox.url}/planner/tasks/${task.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer sandbox:${megan.upn}`,
        'content-type': 'application/json',
        'if-match': fresh['@odata.etag'],
      },
      body: JSON.stringify({ title: 'Confirm press list with Contoso' }),
    });
    expect(edit.status).toBe(204);
    const { output } = await running;
    expect((output as PlannerUpdateOutput).percentComplete).toBe(50);
    const after = await sandbox().read<Task>(alex.upn, `/planner/tasks/${task.id}`);
    expect(after).toMatchObject({ title: 'Confirm press list with Contoso', percentComplete: 50 });
  });

  it('rides out throttling', async () => {
    const task = await confirmPressList();
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: `/planner/tasks/${task.id}` });
    const started = Date.now();
    await sandbox().run('planner.updateTask', { taskId: task.id, percentComplete: 25 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await confirmPressList()).percentComplete).toBe(25);
  });

  it('finds the task by title in a plan, or among my tasks, and asks when none matches', async () => {
    const { output } = await sandbox().run('planner.updateTask', {
      title: 'confirm press list',
      plan: 'Spring launch',
      percentComplete: 100,
    });
    expect((output as PlannerUpdateOutput).percentComplete).toBe(100);
    expect((await confirmPressList()).percentComplete).toBe(100);
    await sandbox().run('planner.updateTask', { title: 'Order booth banners', dueDateTime: null });
    expect((await tasksTitled('Order booth banners'))[0]?.dueDateTime).toBeNull();
    const missing = await rejectionOf(
      sandbox().run('planner.updateTask', { title: 'Hire a DJ', plan: 'Spring launch', percentComplete: 100 }),
    );
    expect(missing).toMatchObject({ code: 'task_not_found', kind: 'user_input' });
  });

  it('is idempotent: the same change twice leaves one assignment', async () => {
    const task = await confirmPressList();
    const input = { taskId: task.id, addAssignees: [megan.upn] };
    await sandbox().run('planner.updateTask', input, { idempotencyKey: 'u1', attempt: 1 });
    await sandbox().run('planner.updateTask', input, { idempotencyKey: 'u1', attempt: 2 });
    expect(Object.keys((await confirmPressList()).assignments).sort()).toEqual([alex.id, megan.id].sort());
  });

  it('reports an unknown task as not found and a task of a hidden plan as forbidden', async () => {
    const missing = await rejectionOf(sandbox().run('planner.updateTask', { taskId: 'nope', percentComplete: 10 }));
    expect(missing).toBeInstanceOf(GraphError);
    expect(missing).toMatchObject({ code: 'graph_not_found', status: 404 });
    const board = await planId('Board prep', 'pattif@example.com');
    const hidden = await sandbox().read<{ value: Task[] }>('pattif@example.com', `/planner/plans/${board}/tasks`);
    const secret = hidden.value[0]?.id ?? '';
    expect(
      await rejectionOf(sandbox().run('planner.updateTask', { taskId: secret, percentComplete: 10 })),
    ).toMatchObject({ code: 'graph_forbidden' });
  });
});
