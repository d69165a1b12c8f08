import { GraphError } from '../../src/graph/errors';
import { megan, rejectionOf, useSandbox, type ActionHarness } from './sandbox-harness';

/**
 * The same actions in both identity modes, each with exactly the permissions it declares for
 * that mode (the harness's sandbox tokens), and each again one permission short: Graph's 403
 * must come back as a clear `graph_forbidden`, never as a quiet success.
 */
const CASES: readonly { readonly name: string; readonly input: Record<string, unknown> }[] = [
  { name: 'mail.search', input: { from: 'Contoso' } },
  { name: 'mail.send', input: { to: [megan.upn], subject: 'Both modes', body: 'Hello' } },
  {
    name: 'calendar.getSchedules',
    input: { people: [megan.upn], start: '2025-03-19T00:00:00Z', end: '2025-03-20T00:00:00Z', timeZone: 'UTC' },
  },
  {
    name: 'calendar.createEvent',
    input: {
      subject: 'Both modes',
      attendees: [megan.upn],
      start: '2025-03-11T14:00:00Z',
      end: '2025-03-11T14:30:00Z',
      timeZone: 'UTC',
    },
  },
  { name: 'files.search', input: { query: 'Q3 planning workbook' } },
  { name: 'people.resolve', input: { query: 'Megan' } },
];

function modeSuite(identity: 'user' | 'app', sandbox: () => ActionHarness): void {
  const kind = identity === 'user' ? 'delegated' : 'application';

  it.each(CASES)(`$name runs with exactly its declared ${kind} permissions`, async ({ name, input }) => {
    expect(sandbox().action(name).permissions[kind].length).toBeGreaterThan(0);
    await expect(sandbox().run(name, input)).resolves.toHaveProperty('output');
  });

  it.each(CASES)(`$name one ${kind} permission short fails with a clear 403`, async ({ name, input }) => {
    const declared = sandbox().action(name).permissions;
    for (const missing of declared[kind]) {
      const grants = { ...declared, [kind]: declared[kind].filter((p) => p !== missing) };
      // A token with no permission at all is a 401 in Graph; keep one unrelated permission.
      if (grants[kind].length === 0) grants[kind] = ['Presence.Read.All'];
      const error = await rejectionOf(sandbox().runWith(name, grants, input));
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    }
  });
}

describe('as the requester (delegated, GRAPH_AUTH=obo)', () => {
  modeSuite('user', useSandbox());
});

describe('as the app (application, an app-only deployment)', () => {
  const sandbox = useSandbox({ identity: 'app' });
  modeSuite('app', sandbox);

  it.each(['calendar.findMeetingTimes', 'files.listRecent', 'planner.listTasks'])(
    '%s declares no application permission, and Graph refuses it as the app',
    async (name) => {
      expect(sandbox().action(name).permissions.application).toEqual([]);
      const input: Record<string, unknown> =
        name === 'calendar.findMeetingTimes'
          ? {
              attendees: [megan.upn],
              durationMinutes: 30,
              windowStart: '2025-03-10T09:00:00Z',
              windowEnd: '2025-03-14T17:00:00Z',
              timeZone: 'UTC',
            }
          : {};
      const error = await rejectionOf(
        sandbox().runWith(name, { delegated: [], application: ['Calendars.Read'] }, input),
      );
      expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    },
  );
});
