import { catalogueDeclarations } from '../../src/actions/permissions';
import { appOnlyReason, tracedCatalogue } from '../../src/actions/traced';
import type { Catalogue } from '../../src/engine/catalogue';
import { PlanMaker } from '../../src/engine/plan-maker';

const all = catalogueDeclarations();
const base: Catalogue = { get: (name) => all.find((a) => a.name === name), list: () => all };
const ids = { uuid: () => 'u-1', taskId: () => 't-1' };
const asked = {
  outcome: 'set up a meeting',
  requester: { id: 'alex-id', upn: 'alexw@example.com', name: 'Alex Wilber' },
} as const;
const NOW = new Date('2025-03-05T10:00:00Z');

const meeting = [
  {
    action: 'calendar.findMeetingTimes',
    input: {
      attendees: ['meganb@example.com'],
      durationMinutes: 30,
      windowStart: '2025-03-10T09:00:00Z',
      windowEnd: '2025-03-14T17:00:00Z',
      timeZone: 'UTC',
    },
    rationale: 'find a time',
  },
];
const mail = [
  {
    action: 'mail.send',
    input: { to: ['meganb@example.com'], subject: 'Hi', body: 'Hello' },
    rationale: 'send it',
  },
];

describe('planning in an app-only deployment', () => {
  const appOnly = new PlanMaker({ catalogue: tracedCatalogue(base, { userIdentity: 'app' }), ids });
  const asUser = new PlanMaker({ catalogue: tracedCatalogue(base, { userIdentity: 'user' }), ids });

  it('refuses, with the reason and the documented alternative, a step Graph refuses to the app', () => {
    const built = appOnly.build(meeting, 1, asked, NOW);
    expect(built).toEqual({
      kind: 'refused',
      message: `I can't do that here: ${appOnlyReason('calendar.findMeetingTimes')}`,
    });
    expect(appOnlyReason('calendar.findMeetingTimes')).toContain('free/busy');
    expect(appOnlyReason('calendar.findMeetingTimes')).toContain('GRAPH_AUTH=obo');
  });

  it.each([
    'teams.postChannelMessage',
    'teams.sendChatMessage',
    'files.listRecent',
    'planner.listTasks',
    'planner.createTask',
  ])('marks %s unavailable as the app, and available as the person', (name) => {
    expect(tracedCatalogue(base, { userIdentity: 'app' }).get(name)?.unavailable).toContain(name);
    expect(tracedCatalogue(base, { userIdentity: 'user' }).get(name)?.unavailable).toBeUndefined();
  });

  it('plans what Graph lets the app do, and everything as the person', () => {
    expect(appOnly.build(mail, 1, asked, NOW).kind).toBe('built');
    expect(asUser.build(meeting, 1, asked, NOW).kind).toBe('built');
    const runnable = tracedCatalogue(base, { userIdentity: 'app' })
      .list()
      .filter((a) => a.unavailable === undefined)
      .map((a) => a.name);
    expect(runnable).toEqual(expect.arrayContaining(['calendar.getSchedules', 'calendar.createEvent', 'mail.reply']));
  });
});
