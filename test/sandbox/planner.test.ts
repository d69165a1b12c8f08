import { SANDBOX_DIRECTORY, type Sandbox } from '../../src/sandbox';
import { ALEX, call, MEGAN, NOW, startTestSandbox } from './helpers';

const megan = SANDBOX_DIRECTORY.users[1]!;
const adele = SANDBOX_DIRECTORY.users[2]!;

describe('sandbox Planner', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  async function springLaunch(): Promise<string> {
    const plans = await call(sandbox, 'GET', `/groups/${SANDBOX_DIRECTORY.team.id}/planner/plans`);
    expect(plans.status).toBe(200);
    const plan = plans.json.value.find((p: { title: string }) => p.title === 'Spring launch');
    expect(plan.container).toMatchObject({ containerId: SANDBOX_DIRECTORY.team.id, type: 'group' });
    return plan.id as string;
  }

  it('seeds the Spring launch plan with buckets and assigned tasks due relative to now', async () => {
    const planId = await springLaunch();
    const buckets = await call(sandbox, 'GET', `/planner/plans/${planId}/buckets`);
    expect(buckets.json.value.map((b: { name: string }) => b.name)).toEqual(['To do', 'In progress', 'Done']);
    const tasks = await call(sandbox, 'GET', `/planner/plans/${planId}/tasks`);
    const draft = tasks.json.value.find((t: { title: string }) => t.title === 'Draft launch announcement');
    expect(Object.keys(draft.assignments)).toEqual([megan.id]);
    expect(draft.assignments[megan.id]['@odata.type']).toBe('#microsoft.graph.plannerAssignment');
    expect(draft.dueDateTime).toBe('2026-03-13T00:00:00Z');
    expect(draft['@odata.etag']).toMatch(/^W\/"/);
  });

  it("lists a user's plans and the tasks assigned to them, and hides other groups' plans", async () => {
    const mine = await call(sandbox, 'GET', '/me/planner/plans');
    expect(mine.json.value.map((p: { title: string }) => p.title)).toEqual(['Spring launch']);
    const patti = await call(sandbox, 'GET', '/me/planner/plans', { as: 'pattif@example.com' });
    expect(patti.json.value.map((p: { title: string }) => p.title).sort()).toEqual(['Board prep', 'Spring launch']);
    const board = patti.json.value.find((p: { title: string }) => p.title === 'Board prep');
    expect((await call(sandbox, 'GET', `/planner/plans/${board.id}/tasks`)).status).toBe(403);
    const tasks = await call(sandbox, 'GET', '/me/planner/tasks', { as: MEGAN });
    expect(tasks.json.value.map((t: { title: string }) => t.title).sort()).toEqual([
      'Draft launch announcement',
      'Pick launch date',
    ]);
    expect((await call(sandbox, 'GET', `/users/${megan.id}/planner/tasks`, { as: ALEX })).status).toBe(403);
    expect((await call(sandbox, 'GET', '/planner/plans/nope')).status).toBe(404);
  });

  it('creates a task with assignments and details, and updates it only with the current etag', async () => {
    const planId = await springLaunch();
    const body = {
      planId,
      title: 'Book venue',
      dueDateTime: '2026-03-13T17:00:00+00:00',
      assignments: { [adele.id]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
      details: { description: 'Seats for 200.' },
    };
    const created = await call(sandbox, 'POST', '/planner/tasks', { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: 'Book venue',
      dueDateTime: '2026-03-13T17:00:00Z',
      hasDescription: true,
      percentComplete: 0,
    });
    expect(created.json.createdBy.user.id).toBe(SANDBOX_DIRECTORY.users[0]!.id);
    const id = created.json.id as string;
    const details = await call(sandbox, 'GET', `/planner/tasks/${id}/details`);
    expect(details.json.description).toBe('Seats for 200.');

    expect((await call(sandbox, 'PATCH', `/planner/tasks/${id}`, { body: { percentComplete: 50 } })).status).toBe(400);
    const etag = created.json['@odata.etag'] as string;
    const patched = await call(sandbox, 'PATCH', `/planner/tasks/${id}`, {
      body: { percentComplete: 100 },
      headers: { 'If-Match': etag },
    });
    expect(patched.status).toBe(204);
    const stale = await call(sandbox, 'PATCH', `/planner/tasks/${id}`, {
      body: { percentComplete: 50 },
      headers: { 'If-Match': etag },
    });
    expect(stale.status).toBe(412);
    const now = await call(sandbox, 'GET', `/planner/tasks/${id}`);
    expect(now.json).toMatchObject({ percentComplete: 100, completedDateTime: NOW.toISOString().replace('.000', '') });
    expect(now.json['@odata.etag']).not.toBe(etag);
    const unassign = await call(sandbox, 'PATCH', `/planner/tasks/${id}`, {
      body: { assignments: { [adele.id]: null } },
      headers: { 'If-Match': now.json['@odata.etag'], Prefer: 'return=representation' },
    });
    expect(unassign.status).toBe(200);
    expect(unassign.json.assignments).toEqual({});
  });

  it('refuses tasks in plans the caller cannot use, and buckets from another plan', async () => {
    const plans = await call(sandbox, 'GET', '/me/planner/plans', { as: 'pattif@example.com' });
    const board = plans.json.value.find((p: { title: string }) => p.title === 'Board prep');
    expect((await call(sandbox, 'POST', '/planner/tasks', { body: { planId: board.id, title: 'Peek' } })).status).toBe(
      403,
    );
    const planId = await springLaunch();
    const boardBuckets = await call(sandbox, 'GET', `/planner/plans/${board.id}/buckets`, { as: 'pattif@example.com' });
    const wrong = await call(sandbox, 'POST', '/planner/tasks', {
      body: { planId, title: 'Misfiled', bucketId: boardBuckets.json.value[0].id },
    });
    expect(wrong.status).toBe(400);
    expect((await call(sandbox, 'POST', '/planner/tasks', { body: { planId } })).status).toBe(400);
  });
});
