import { SANDBOX_DIRECTORY, type Sandbox } from '../../src/sandbox';
import { call, MEGAN, startTestSandbox } from './helpers';

describe('sandbox To Do', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('seeds the default Tasks list and Errands for everyone', async () => {
    const lists = await call(sandbox, 'GET', '/me/todo/lists');
    expect(
      lists.json.value.map((l: { displayName: string; wellknownListName: string }) => [
        l.displayName,
        l.wellknownListName,
      ]),
    ).toEqual([
      ['Tasks', 'defaultList'],
      ['Errands', 'none'],
    ]);
    const tasks = await call(sandbox, 'GET', `/me/todo/lists/${lists.json.value[0].id}/tasks`);
    expect(tasks.json.value.map((t: { title: string }) => t.title)).toContain('Submit expense report');
  });

  it('creates a task with a due date and a linked resource, reads and patches it', async () => {
    const lists = await call(sandbox, 'GET', '/me/todo/lists');
    const listId = lists.json.value[1].id as string;
    const created = await call(sandbox, 'POST', `/me/todo/lists/${listId}/tasks`, {
      body: {
        title: 'Buy printer paper',
        dueDateTime: { dateTime: '2026-03-13T00:00:00', timeZone: 'UTC' },
        linkedResources: [{ applicationName: 'Delegate', externalId: 'k-1', displayName: 'step' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: 'Buy printer paper',
      status: 'notStarted',
      dueDateTime: { dateTime: '2026-03-13T00:00:00.0000000', timeZone: 'UTC' },
    });
    expect(created.json.linkedResources[0]).toMatchObject({ applicationName: 'Delegate', externalId: 'k-1' });
    const id = created.json.id as string;
    const done = await call(sandbox, 'PATCH', `/me/todo/lists/${listId}/tasks/${id}`, {
      body: { status: 'completed' },
    });
    expect(done.status).toBe(200);
    expect(done.json.completedDateTime).toBeDefined();
    expect((await call(sandbox, 'GET', `/me/todo/lists/${listId}/tasks/${id}`)).json.status).toBe('completed');
    expect(
      (await call(sandbox, 'POST', `/me/todo/lists/${listId}/tasks`, { body: { status: 'completed' } })).status,
    ).toBe(400);
  });

  it("keeps lists private: another user's lists are 403, unknown ids 404", async () => {
    const megan = SANDBOX_DIRECTORY.users[1]!;
    expect((await call(sandbox, 'GET', `/users/${megan.id}/todo/lists`)).status).toBe(403);
    expect((await call(sandbox, 'GET', `/users/${megan.id}/todo/lists`, { as: 'app' })).status).toBe(200);
    const hers = await call(sandbox, 'GET', '/me/todo/lists', { as: MEGAN });
    expect((await call(sandbox, 'GET', `/me/todo/lists/${hers.json.value[0].id}/tasks`)).status).toBe(404);
  });
});
