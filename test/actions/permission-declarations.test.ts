import { catalogueDeclarations, declaredGrants, OTHER_NEEDS } from '../../src/actions/permissions';
import { knownPermissions } from '../../src/sandbox/permissions/check';
import { undeclaredCalls } from './sandbox-harness';

const actions = catalogueDeclarations();
const spec = (name: string) => {
  const found = actions.find((a) => a.name === name);
  if (!found) throw new Error(`no action ${name}`);
  return found;
};

describe("the catalogue's permission declarations against Graph's permission table", () => {
  it('declares only permissions Graph has for that kind of identity', () => {
    const unknown = (kind: 'delegated' | 'application') => {
      const known = new Set(knownPermissions(kind));
      return [
        ...actions.flatMap((a) => a.permissions[kind].filter((p) => !known.has(p)).map((p) => `${a.name}: ${p}`)),
        ...OTHER_NEEDS.filter((o) => o.identity === kind && !known.has(o.permission)).map(
          (o) => `${o.usedBy}: ${o.permission}`,
        ),
      ];
    };
    expect(unknown('delegated')).toEqual([]);
    expect(unknown('application')).toEqual([]);
  });

  it('declares no application permission for what Graph does not let applications do', () => {
    for (const name of [
      'calendar.findMeetingTimes',
      'files.listRecent',
      'planner.listTasks',
      'teams.postChannelMessage',
      'teams.replyToMessage',
      'teams.sendChatMessage',
    ])
      expect(spec(name).permissions.application).toEqual([]);
    // The documented alternative an app-only deployment plans instead of findMeetingTimes.
    expect(spec('calendar.getSchedules').permissions.application.length).toBeGreaterThan(0);
  });

  it('lists chat messages with Chat.Read (Chat.ReadBasic does not cover them)', () => {
    expect(spec('teams.sendChatMessage').permissions.delegated).toContain('Chat.Read');
  });

  it('grants the sandbox credentials exactly the union of the declarations and the reads outside the catalogue', () => {
    const grants = declaredGrants(actions);
    expect(grants.delegated).toEqual([...new Set(grants.delegated)].sort());
    for (const action of actions) {
      for (const p of action.permissions.delegated) expect(grants.delegated).toContain(p);
      for (const p of action.permissions.application) expect(grants.application).toContain(p);
    }
    expect(grants.application).toContain('TeamMember.Read.All');
    expect(grants.delegated).not.toContain('TeamMember.Read.All');
  });

  it('finds a call the declaration does not cover (the check every contract test file ends with)', () => {
    const meeting = spec('calendar.findMeetingTimes');
    const asApp = { ...meeting, permissions: { ...meeting.permissions, application: ['Calendars.Read'] } };
    expect(undeclaredCalls([{ action: asApp, method: 'POST', path: '/v1.0/users/x/findMeetingTimes' }])).toEqual([
      'calendar.findMeetingTimes: declares application permissions, but Graph does not let applications call POST /users/x/findMeetingTimes',
    ]);
    const short = { ...meeting, permissions: { delegated: ['Calendars.Read'], application: [] } };
    expect(undeclaredCalls([{ action: short, method: 'POST', path: '/v1.0/users/x/findMeetingTimes' }])).toEqual([
      'calendar.findMeetingTimes: POST /users/x/findMeetingTimes needs one of Calendars.Read.Shared, Calendars.ReadWrite.Shared (delegated)',
    ]);
    expect(undeclaredCalls([{ action: meeting, method: 'POST', path: '/v1.0/users/x/findMeetingTimes' }])).toEqual([]);
  });
});
