import { createCatalogue } from '../../src/actions';
import type { Schedule } from '../../src/engine/schedule-model';
import { DEFAULT_SCHEDULE_POLICY } from '../../src/engine/schedule-policy';
import type { GraphGateway } from '../../src/graph/types';
import { SCHEDULE_VERB_SCHEMAS, isScheduleVerb } from '../../src/teams/schedule-invokes';
import { scheduleView } from '../../src/teams/views/schedule-view';
import { schedulesView } from '../../src/teams/views/schedules-view';
import { taskView } from '../../src/teams/views/task-view';
import { makeSchedule } from '../store/make-schedule';
import { makeTask } from '../store/make-task';
import { actionsIn, buttons, cardProblems, textsOf, unexpanded } from './card-checks';
import { renderer } from './render';

const catalogue = createCatalogue({} as GraphGateway);
const NOW = new Date('2026-11-24T08:00:00Z');
const HOSTILE = '${owner.id} {{name}} ${if(true, "x", "y")}';

const states: Schedule[] = [
  makeSchedule({
    status: 'pending_approval',
    recurrence: {
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
      start: '2026-11-24T00:00',
      timeZone: 'Europe/London',
    },
  }),
  makeSchedule({
    status: 'active',
    approval: { by: 'aad-adele', at: '2026-11-23T10:00:00.000Z', revision: 1, expiresAt: '2027-02-21T10:00:00.000Z' },
    lastRun: {
      occurrence: '2026-11-23T09:00:00.000Z',
      taskId: 'T1',
      firedAt: '2026-11-23T09:40:00.000Z',
      caughtUp: true,
      result: 'completed',
    },
  }),
  makeSchedule({ status: 'paused', pausedReason: '3 runs in a row failed' }),
  makeSchedule({
    status: 'deleted',
    title: HOSTILE,
    request: HOSTILE,
    scope: { kind: 'channel', conversationId: 'c', teamId: 't', channelId: 'ch' },
  }),
];

describe('the schedule card', () => {
  it.each(states.map((s) => [s.status, s] as const))(
    'expands cleanly when %s, for the owner and for everyone',
    (_, s) => {
      for (const viewer of [s.owner.id, undefined, 'aad-stranger']) {
        for (const editing of [false, true]) {
          const card = renderer.render(
            'schedule',
            scheduleView(s, { now: NOW, catalogue, policy: DEFAULT_SCHEDULE_POLICY, viewer, editing }),
          );
          expect(cardProblems(card)).toEqual([]);
          expect(unexpanded(card, [HOSTILE])).toEqual([]);
          for (const { action } of actionsIn(card)) {
            const verb = String(action.verb);
            expect({ verb, known: isScheduleVerb(verb) }).toEqual({ verb, known: true });
            if (isScheduleVerb(verb)) expect(SCHEDULE_VERB_SCHEMAS[verb].safeParse(action.data).success).toBe(true);
          }
        }
      }
    },
  );

  it('offers Approve, Edit and Reject to the owner of a schedule waiting for approval, and nothing to a stranger', () => {
    const [pending] = states;
    const view = (viewer: string) =>
      renderer.render(
        'schedule',
        scheduleView(pending!, { now: NOW, catalogue, policy: DEFAULT_SCHEDULE_POLICY, viewer }),
      );
    expect(buttons(view('aad-adele')).map((b) => b.title)).toEqual(['Approve', 'Edit', 'Reject']);
    expect(buttons(view('aad-stranger'))).toEqual([]);
  });

  it('shows the next three runs in the owner zone across the change back to winter time', () => {
    const s = makeSchedule({
      status: 'pending_approval',
      recurrence: {
        rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=9;BYMINUTE=0',
        start: '2026-10-01T00:00',
        timeZone: 'Europe/London',
      },
    });
    const card = renderer.render(
      'schedule',
      scheduleView(s, {
        now: new Date('2026-10-12T12:00:00Z'),
        catalogue,
        policy: DEFAULT_SCHEDULE_POLICY,
        viewer: 'aad-adele',
      }),
    );
    const texts = textsOf(card).join('\n');
    expect(texts).toContain('Sun 18 Oct, 09:00 GMT+1');
    expect(texts).toContain('Sun 25 Oct, 09:00 GMT');
    expect(texts).toContain('Sun 1 Nov, 09:00 GMT');
    expect(texts).toContain('Stops for approval at every run.');
  });

  it('says a step the policy lets the standing approval cover runs unattended only to the same people', () => {
    const card = renderer.render(
      'schedule',
      scheduleView(states[0]!, {
        now: NOW,
        catalogue,
        policy: { ...DEFAULT_SCHEDULE_POLICY, standingApprovalCovers: ['write-internal'] },
        viewer: 'aad-adele',
      }),
    );
    expect(textsOf(card).join('\n')).toContain('goes to meganb@contoso.example only');
  });
});

describe('the schedules card', () => {
  it('expands cleanly with schedules and with none', () => {
    for (const view of [schedulesView(states, true), schedulesView([], false)]) {
      const card = renderer.render('schedules', view);
      expect(cardProblems(card)).toEqual([]);
      expect(unexpanded(card, [HOSTILE])).toEqual([]);
    }
  });
});

describe('a scheduled run on its task card', () => {
  it('says which occurrence it runs for, and that it runs late after missed occurrences', () => {
    const task = {
      ...makeTask({ status: 'running' }),
      timeZone: 'Europe/London',
      schedule: { id: 'SABCDEF', revision: 1, occurrence: '2026-12-14T09:00:00.000Z', caughtUp: true, skipped: 2 },
    };
    const card = renderer.render('task', taskView(task, catalogue));
    const text = textsOf(card).join('\n');
    expect(text).toContain('Scheduled run of schedule SABCDEF for Mon 14 Dec, 09:00.');
    expect(text).toContain('Delegate was not running then, so this run is late; 2 earlier missed runs were skipped.');
  });
});
