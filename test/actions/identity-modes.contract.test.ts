import { catalogueDeclarations } from '../../src/actions/permissions';
import { tracedCatalogue } from '../../src/actions/traced';
import { DelegateError } from '../../src/engine/errors';
import { PlanMaker } from '../../src/engine/plan-maker';
import { GraphError } from '../../src/graph/errors';
import { traceGraphRequests } from '../../src/graph/trace';
import { knownPermissions } from '../../src/sandbox/permissions/check';
import { IDENTITY_CASES, inputOf, WITHOUT_GRAPH, type Run } from './identity-cases';
import { alex, NOW, rejectionOf, useSandbox, type ActionHarness } from './sandbox-harness';

/**
 * Every action of the catalogue in both identity modes, with exactly the permissions it declares
 * for that mode (the harness's sandbox tokens), and again once per declared permission with that
 * one removed: Graph's 403 must come back as a clear `graph_forbidden`, never as a quiet success
 * (a success would mean the permission is not needed, or another one the action holds stands in
 * for it: either way the declaration is wrong). An action that declares no application
 * permission is refused by Graph as the app, and refused at planning in an app-only deployment.
 */
type Kind = 'delegated' | 'application';
const declarations = catalogueDeclarations();
const declared = (name: string) => {
  const spec = declarations.find((a) => a.name === name);
  if (!spec) throw new Error(`no action ${name}`);
  return spec.permissions;
};
const named = Object.keys(IDENTITY_CASES);

/**
 * The runs that must succeed in this mode: the action's input, each run a permission is declared
 * for, and (as the person) the run Graph refuses to the app.
 */
const runsOf = (name: string, kind: Kind): readonly Run[] => {
  const which = IDENTITY_CASES[name];
  const refused = kind === 'delegated' && which?.refusedAsApp ? [which.refusedAsApp] : [];
  return [{ input: which?.input }, ...Object.values(which?.needs ?? {}), ...refused];
};

/** For each action declaring permissions of this kind, each of them with the run that needs it. */
const oneShort = (kind: Kind) =>
  named.flatMap((name) =>
    declared(name)[kind].map((missing) => ({ name, missing, run: IDENTITY_CASES[name]?.needs?.[missing] ?? {} })),
  );

async function runOf(h: ActionHarness, name: string, run: Run) {
  const input = await inputOf(h, run.input ?? IDENTITY_CASES[name]?.input ?? {});
  return { input, ctx: run.ctx };
}

describe('the identity-mode cases cover the catalogue', () => {
  it('has a case for every action that calls Microsoft Graph, and no other', () => {
    const withGraph = declarations.map((a) => a.name).filter((name) => !WITHOUT_GRAPH.includes(name));
    expect([...named].sort()).toEqual([...withGraph].sort());
    for (const name of WITHOUT_GRAPH) expect(declared(name)).toEqual({ delegated: [], application: [] });
    for (const name of named) expect(declared(name).delegated.length).toBeGreaterThan(0);
  });

  it('names only declared permissions as needed by a particular run', () => {
    for (const name of named)
      for (const permission of Object.keys(IDENTITY_CASES[name]?.needs ?? {}))
        expect([...declared(name).delegated, ...declared(name).application]).toContain(permission);
  });
});

function modeSuite(identity: 'user' | 'app', sandbox: () => ActionHarness): void {
  const kind: Kind = identity === 'user' ? 'delegated' : 'application';
  const declaring = named.filter((name) => declared(name)[kind].length > 0);

  it.each(declaring)(`%s runs with exactly its declared ${kind} permissions`, async (name) => {
    for (const run of runsOf(name, kind)) {
      const { input, ctx } = await runOf(sandbox(), name, run);
      await expect(sandbox().run(name, input, ctx)).resolves.toHaveProperty('output');
      await sandbox().sandbox.reset(NOW);
    }
  });

  it.each(oneShort(kind))(`$name without $missing fails with a clear 403`, async ({ name, missing, run }) => {
    const permissions = declared(name);
    const grants = { ...permissions, [kind]: permissions[kind].filter((p) => p !== missing) };
    // A token with no permission at all is a 401 in Graph; keep one the action has no use for.
    if (grants[kind].length === 0)
      grants[kind] = [missing.startsWith('Presence.') ? 'Tasks.Read.All' : 'Presence.Read.All'];
    const { input, ctx } = await runOf(sandbox(), name, run);
    const error = await rejectionOf(sandbox().runWith(name, grants, input, ctx));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    expect((error as GraphError).message).toMatch(
      identity === 'user' ? /\bYou don't have access to / : /\bDelegate doesn't have access to /,
    );
  });

  const onlySome = oneShort(kind).filter(({ name, missing }) => IDENTITY_CASES[name]?.needs?.[missing] !== undefined);
  it.each(onlySome)(`$name's usual run needs no $missing (only the run named for it)`, async ({ name, missing }) => {
    const permissions = declared(name);
    const grants = { ...permissions, [kind]: permissions[kind].filter((p) => p !== missing) };
    const { input } = await runOf(sandbox(), name, {});
    await expect(sandbox().runWith(name, grants, input)).resolves.toHaveProperty('output');
  });

  it(`runs the actions that need no Microsoft Graph without a request, as the ${identity === 'user' ? 'person' : 'app'}`, async () => {
    const requests: string[] = [];
    const item = {
      id: 'm1',
      subject: 'Pricing',
      from: { name: 'Dana Whitman', address: 'dana@contoso.com' },
      receivedDateTime: '2025-03-04T09:00:00Z',
      bodyPreview: 'The volume tier applies.',
      isRead: false,
    };
    const { output } = await traceGraphRequests(
      () => sandbox().run('text.summarise', { items: [item] }),
      (r) => requests.push(`${r.method} ${r.path}`),
    );
    expect(output).toMatchObject({ sourceIds: ['m1'] });
    expect(requests).toEqual([]);
  });
}

describe('as the requester (delegated, GRAPH_AUTH=obo)', () => {
  modeSuite('user', useSandbox());
});

describe('as the app (application, an app-only deployment)', () => {
  const sandbox = useSandbox({ identity: 'app' });
  modeSuite('app', sandbox);

  const personOnly = named.filter((name) => declared(name).application.length === 0);

  it('has actions only the person can run (so the cases below are not empty)', () => {
    expect(personOnly).toEqual(expect.arrayContaining(['calendar.findMeetingTimes', 'teams.postChannelMessage']));
  });

  it.each(personOnly)(
    '%s declares no application permission: Graph refuses it as the app, even with every application permission',
    async (name) => {
      const refused = IDENTITY_CASES[name]?.refusedAsApp;
      const input = await inputOf(sandbox(), refused?.input ?? IDENTITY_CASES[name]?.input ?? {});
      const error = await rejectionOf(
        sandbox().runWith(name, { delegated: [], application: knownPermissions('application') }, input),
      );
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    },
  );

  it.each(personOnly)('%s is refused at planning in an app-only deployment, with the reason', async (name) => {
    const appOnly = tracedCatalogue(sandbox().catalogue, { userIdentity: 'app' });
    const spec = appOnly.get(name);
    expect(spec?.unavailable).toContain(name);
    const input = await inputOf(sandbox(), IDENTITY_CASES[name]?.input ?? {});
    const planner = new PlanMaker({ catalogue: appOnly, ids: { uuid: () => 'u-1', taskId: () => 't-1' } });
    const built = planner.build(
      [{ action: name, input, rationale: 'asked for' }],
      1,
      { outcome: 'do it', requester: alex },
      NOW,
    );
    expect(built).toEqual({ kind: 'refused', message: `I can't do that here: ${spec?.unavailable ?? ''}` });
    // And the worker refuses to run it as the app rather than trying.
    const error = await rejectionOf(
      spec?.run(input, { idempotencyKey: 'k', actor: alex, attempt: 1, now: NOW }) ?? Promise.resolve(),
    );
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ code: 'graph_identity_unavailable' });
  });
});
