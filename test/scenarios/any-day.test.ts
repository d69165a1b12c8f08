import { DateTime } from 'luxon';
import { createCatalogue } from '../../src/actions';
import type { ListEventsOutput } from '../../src/actions/calendar/list-events';
import type { Catalogue } from '../../src/engine/catalogue';
import { silentLogger } from '../../src/engine/fakes';
import { createGraphGateway } from '../../src/graph/gateway';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { EVENT_SEEDS } from '../../src/sandbox/seed/calendar';
import { planOf } from '../planning/playground';

/**
 * The same questions asked on many pinned days — every day of one week, and the days clocks
 * change in London and Los Angeles: the rule planner turns "tomorrow", "today" and "next week"
 * into the requester's local days (23 or 25 hours long across a DST change), and the sandbox,
 * seeded relative to that day, answers with the meetings its seed puts on those days.
 */

const UTC = 'UTC';
const LONDON = 'Europe/London';
const LA = 'America/Los_Angeles';
const alexUser = SANDBOX_DIRECTORY.users[0]!;
const ALEX = { id: alexUser.id, upn: alexUser.userPrincipalName, name: alexUser.displayName };

interface Day {
  readonly label: string;
  /** Wall-clock time in `zone`. */
  readonly at: string;
  readonly zone: string;
  /** How long the day (or week) asked about is, in hours, when the clocks change in it. */
  readonly hours?: number;
}

const WEEK: readonly Day[] = [
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
  '2026-12-04',
  '2026-12-05',
  '2026-12-06',
].map((date) => ({ label: date, at: `${date}T10:00`, zone: UTC }));

let sandbox: Sandbox;
let catalogue: Catalogue;
let current = new Date(0);

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ':memory:', port: 0, clock: () => current });
  const gateway = createGraphGateway({
    baseUrl: sandbox.url,
    auth: { kind: 'sandbox' },
    timeoutMs: 10_000,
    maxRetries: 2,
    logger: silentLogger,
  });
  catalogue = createCatalogue(gateway);
});
afterAll(async () => {
  await sandbox.close();
});

/** Move the world to `day`: the tenant is reseeded relative to it. */
async function liveOn(day: Day): Promise<DateTime> {
  const now = DateTime.fromISO(day.at, { zone: day.zone });
  current = now.toJSDate();
  await sandbox.reset();
  return now;
}

/** Plan the outcome on `now`, then run its calendar.listEvents step against the sandbox. */
async function ask(
  outcome: string,
  now: DateTime,
): Promise<{ start: DateTime; end: DateTime; events: ListEventsOutput['events'] }> {
  const result = await planOf(outcome, { now: now.toJSDate(), timeZone: now.zoneName ?? UTC });
  if (result.kind !== 'plan') throw new Error(`no plan for "${outcome}": ${JSON.stringify(result)}`);
  const [step, ...more] = result.steps;
  expect(more).toEqual([]);
  expect(step?.action).toBe('calendar.listEvents');
  const spec = catalogue.get('calendar.listEvents')!;
  const input = spec.input.parse(step?.input) as { start: string; end: string };
  const { output } = await spec.run(input, { idempotencyKey: 'k', actor: ALEX, attempt: 1, now: now.toJSDate() });
  return {
    start: DateTime.fromISO(input.start, { zone: now.zone }),
    end: DateTime.fromISO(input.end, { zone: now.zone }),
    events: (output as ListEventsOutput).events,
  };
}

/**
 * Alex's seeded meetings on a local date: the seed counts working days from the Monday (UTC) of
 * the week it was seeded in, skipping weekends.
 */
function seededFor(date: DateTime, seededOn: DateTime): string[] {
  const monday = seededOn.setZone(UTC).startOf('week');
  const days = Math.round(DateTime.fromISO(date.toISODate()!, { zone: UTC }).diff(monday, 'days').days);
  if (date.weekday > 5 || days < 0) return [];
  const wd = Math.floor(days / 7) * 5 + (days % 7);
  return EVENT_SEEDS.filter((s) => s.wd === wd && (s.organizer === 'alexw' || s.attendees.includes('alexw'))).map(
    (s) => s.subject,
  );
}

/** Every meeting returned starts on one of the local days asked about. */
function expectWithin(events: ListEventsOutput['events'], start: DateTime, end: DateTime): void {
  for (const e of events) {
    const local = e.startLocal.slice(0, 10);
    expect(local >= start.toISODate()! && local < end.toISODate()!).toBe(true);
  }
}

describe('any day: "tomorrow", "today" and "next week" on pinned days', () => {
  it.each([
    ...WEEK,
    // The day before the clocks change, so that "tomorrow" is the short or the long day.
    { label: 'London, clocks go forward tomorrow', at: '2027-03-27T12:00', zone: LONDON, hours: 23 },
    { label: 'Los Angeles, clocks go forward tomorrow', at: '2027-03-13T09:00', zone: LA, hours: 23 },
    { label: 'Los Angeles, clocks go back tomorrow', at: '2026-10-31T09:00', zone: LA, hours: 25 },
  ])("what's on my calendar tomorrow: $label", async (day) => {
    const now = await liveOn(day);
    const tomorrow = now.plus({ days: 1 }).startOf('day');
    const { start, end, events } = await ask("what's on my calendar tomorrow", now);
    expect(start.toMillis()).toBe(tomorrow.toMillis());
    expect(end.toMillis()).toBe(tomorrow.plus({ days: 1 }).startOf('day').toMillis());
    expect(end.diff(start, 'hours').hours).toBe(day.hours ?? 24);
    expectWithin(events, start, end);
    const expected = seededFor(tomorrow, now);
    expect(expected.length > 0).toBe(tomorrow.weekday <= 5); // the seed fills working days only
    if (expected.length === 0) expect(events).toEqual([]);
    else expect(events.map((e) => e.subject)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ...WEEK,
    { label: 'London, the week with the clocks going forward', at: '2027-03-15T09:00', zone: LONDON, hours: 167 },
    { label: 'Los Angeles, the week with the clocks going forward', at: '2027-03-01T09:00', zone: LA, hours: 167 },
    { label: 'Los Angeles, the week with the clocks going back', at: '2026-10-19T09:00', zone: LA, hours: 169 },
  ])('List my meetings next week: $label', async (day) => {
    const now = await liveOn(day);
    const monday = now.startOf('week').plus({ weeks: 1 });
    const { start, end, events } = await ask('List my meetings next week', now);
    expect(start.toMillis()).toBe(monday.toMillis());
    expect(end.toMillis()).toBe(monday.plus({ weeks: 1 }).toMillis());
    expect(end.diff(start, 'hours').hours).toBe(day.hours ?? 168);
    expectWithin(events, start, end);
    const expected = Array.from({ length: 7 }, (_, i) => seededFor(monday.plus({ days: i }), now)).flat();
    expect(expected).toContain('Marketing weekly sync');
    expect(events.map((e) => e.subject)).toEqual(expect.arrayContaining(expected));
  });

  it('what meetings do I have today, on the night the clocks go back in Los Angeles (01:30, the first time)', async () => {
    const now = await liveOn({ label: '', at: '2026-11-01T08:30:00Z', zone: UTC });
    const local = now.setZone(LA);
    expect(local.toFormat('yyyy-MM-dd HH:mm ZZZZ')).toBe('2026-11-01 01:30 PDT');
    const { start, end, events } = await ask('what meetings do I have today', local);
    expect(start.toISO()).toBe('2026-11-01T00:00:00.000-07:00');
    expect(end.toISO()).toBe('2026-11-02T00:00:00.000-08:00');
    expect(end.diff(start, 'hours').hours).toBe(25);
    expect(events).toEqual([]); // a Sunday
  });
});
