import { DateTime } from 'luxon';
import { attendee, composeEvent, iCalUIdFor } from '../calendar/events';
import { findUser } from '../directory';
import { stableId } from '../ids';
import type { CalendarEvent } from '../model';
import type { SandboxStore } from '../store/store';
import { DAY, HOUR, MINUTE, weekStart } from '../time';
import { WORKING_HOURS_KIND, type WorkingHours } from '../calendar/working-hours';
import { recipientOf, type PersonKey } from './people';

interface EventSeed {
  readonly key: string;
  readonly organizer: PersonKey;
  readonly attendees: readonly PersonKey[];
  readonly subject: string;
  /** Working day from this week's Monday: 0–4 this week, 5–9 next week, 10–19 the two weeks after. */
  readonly wd: number;
  readonly at: string;
  readonly minutes: number;
  readonly online?: boolean;
  readonly location?: string;
  readonly showAs?: CalendarEvent['showAs'];
  /** `at` is wall-clock time in this zone (default UTC). */
  readonly zone?: string;
  /** Tenant attendees who have not answered yet (everyone else accepted). */
  readonly pending?: readonly PersonKey[];
}

/** When a seed starts: its working day from `monday` (weekends skipped) at `at` in its zone. */
function startOf(seed: EventSeed, monday: number): Date {
  const [h = 0, m = 0] = seed.at.split(':').map(Number);
  const day = new Date(monday + (seed.wd + 2 * Math.floor(seed.wd / 5)) * DAY);
  if (!seed.zone) return new Date(day.getTime() + h * HOUR + m * MINUTE);
  const local = DateTime.fromObject(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: h, minute: m },
    { zone: seed.zone },
  );
  return local.toJSDate();
}

const ev = (
  key: string,
  organizer: PersonKey,
  attendees: readonly PersonKey[],
  subject: string,
  wd: number,
  at: string,
  minutes: number,
  opts: Partial<EventSeed> = {},
): EventSeed => ({ key, organizer, attendees, subject, wd, at, minutes, ...opts });

const EVERYONE: readonly PersonKey[] = ['alexw', 'meganb', 'adelev', 'isaiahl', 'lynner'];

/** Meetings over the current and next week, so that scheduling meets real conflicts. */
export const EVENT_SEEDS: readonly EventSeed[] = [
  ev('mkt-sync-1', 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly sync', 0, '10:00', 60, { online: true }),
  ev('mkt-sync-2', 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly sync', 5, '10:00', 60, { online: true }),
  ...[1, 3, 6, 8].map((wd) =>
    ev(`standup-${wd}`, 'meganb', ['alexw'], 'Campaign stand-up', wd, '09:30', 15, { online: true }),
  ),
  ev('leadership-1', 'pattif', ['meganb', 'isaiahl', 'adelev', 'lynner'], 'Leadership meeting', 1, '11:00', 90, {
    location: 'Boardroom 1',
  }),
  ev('leadership-2', 'pattif', ['meganb', 'isaiahl', 'adelev', 'lynner'], 'Leadership meeting', 6, '11:00', 90, {
    location: 'Boardroom 1',
  }),
  ev('focus-alex-1', 'alexw', [], 'Focus time: Contoso proposal', 1, '13:00', 120),
  ev('contoso-review', 'alexw', ['meganb', 'pattif', 'dana'], 'Contoso renewal review', 2, '14:00', 60, {
    online: true,
  }),
  ev('bellevue-visit', 'adelev', [], 'Store visit: Bellevue', 2, '09:00', 180, { location: 'Bellevue store' }),
  ev('pipeline-1', 'isaiahl', ['pattif', 'alexw'], 'Pipeline review', 3, '10:00', 60, { online: true }),
  ev('pipeline-2', 'isaiahl', ['pattif', 'alexw'], 'Pipeline review', 8, '10:00', 60, { online: true }),
  ev('one-on-one-1', 'meganb', ['alexw'], 'Alex / Megan 1:1', 3, '15:00', 30),
  ev('one-on-one-2', 'meganb', ['alexw'], 'Alex / Megan 1:1', 8, '15:00', 30),
  ev('all-hands', 'pattif', EVERYONE, 'Monthly all-hands', 3, '16:00', 60, {
    location: 'Redmond HQ / Teams',
    online: true,
  }),
  ev('creative-review', 'meganb', ['alexw', 'adelev'], 'Spring launch creative review', 4, '14:00', 60, {
    online: true,
  }),
  ev('newsletter-plan', 'alexw', ['meganb'], 'Newsletter planning', 5, '15:00', 30),
  ev('fabrikam-call', 'adelev', ['alexw', 'tom'], 'Fabrikam supplier call: order #45821', 6, '13:30', 30, {
    online: true,
  }),
  ev('focus-alex-2', 'alexw', [], 'Focus time', 7, '09:00', 120),
  ev('agency-checkin', 'meganb', [], 'Agency check-in', 7, '11:00', 30, { online: true }),
  ev('budget-review', 'lynner', ['alexw', 'meganb', 'pattif'], 'Q3 budget review', 7, '14:00', 60, {
    location: 'Room 2.14',
  }),
  ev('dentist', 'pattif', [], 'Dentist', 7, '16:00', 60, { showAs: 'tentative' }),
  ev('lunch-carlos', 'alexw', ['carlos'], 'Lunch with Carlos (Northwind)', 8, '12:00', 60, {
    location: 'Café Paris, Redmond',
  }),
  ev('contoso-training', 'alexw', ['raj'], 'Contoso sales manager training', 9, '10:00', 90, { online: true }),
  ev('isaiah-pto', 'isaiahl', [], 'Out of office', 9, '09:00', 480, { showAs: 'oof' }),
  ev(
    'q3-workshop',
    'lynner',
    EVERYONE.filter((a) => a !== 'lynner').concat(['pattif']),
    'Q3 planning workshop',
    9,
    '13:00',
    120,
    { location: 'Boardroom 1' },
  ),
];

/**
 * The two weeks after next: meetings Alex organises (to move or cancel), invitations he has not
 * answered yet, and people working from New York and Berlin, whose meetings sit in their own hours.
 */
export const LATER_EVENT_SEEDS: readonly EventSeed[] = [
  ev('mkt-sync-3', 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly sync', 10, '10:00', 60, { online: true }),
  ev('mkt-sync-4', 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly sync', 15, '10:00', 60, { online: true }),
  ev('brand-kickoff', 'alexw', ['meganb', 'adelev'], 'Brand refresh kickoff', 10, '14:00', 60, { online: true }),
  ev('retro', 'meganb', ['alexw', 'adelev'], 'Spring campaign retrospective', 11, '10:00', 60, {
    online: true,
    pending: ['alexw'],
  }),
  ev('website-copy', 'alexw', ['meganb'], 'Website copy review', 12, '11:00', 30),
  ev('retail-planning', 'lynner', ['isaiahl', 'adelev'], 'Retail planning', 12, '09:00', 60, {
    zone: 'Europe/Berlin',
    location: 'Berlin office',
  }),
  ev('east-kickoff', 'isaiahl', ['alexw', 'pattif'], 'East coast sales kickoff', 13, '10:00', 60, {
    zone: 'America/New_York',
    online: true,
    pending: ['alexw'],
  }),
  ev('one-on-one-3', 'meganb', ['alexw'], 'Alex / Megan 1:1', 13, '15:00', 30),
  ev('isaiah-prep', 'isaiahl', [], 'Sales pipeline prep', 15, '09:00', 60, { zone: 'America/New_York' }),
  ev('berlin-prep', 'lynner', ['alexw', 'adelev'], 'Berlin store opening prep', 16, '15:00', 45, {
    zone: 'Europe/Berlin',
    online: true,
    pending: ['alexw', 'adelev'],
  }),
  ev('social-sync', 'alexw', ['isaiahl', 'lynner'], 'Social media calendar sync', 17, '14:00', 30, { online: true }),
  ev('one-on-one-4', 'meganb', ['alexw'], 'Alex / Megan 1:1', 18, '15:00', 30),
];

/** People who do not work in UTC: Isaiah in New York, Lynne in Berlin (everyone else keeps the default). */
const WORKING_HOURS: Readonly<Record<string, WorkingHours>> = {
  isaiahl: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '09:00:00.0000000',
    endTime: '17:00:00.0000000',
    timeZone: { name: 'America/New_York' },
  },
  lynner: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '08:30:00.0000000',
    endTime: '16:30:00.0000000',
    timeZone: { name: 'Europe/Berlin' },
  },
};

function seedWorkingHours(store: SandboxStore): void {
  for (const [alias, hours] of Object.entries(WORKING_HOURS)) {
    const user = findUser(`${alias}@example.com`);
    if (user) store.putDoc(WORKING_HOURS_KIND, user.id, hours, { owner: user.id });
  }
}

/** Seed every calendar: the organizer's copy and a copy for each tenant attendee (accepted unless pending). */
export function seedCalendar(store: SandboxStore, now: Date): void {
  const monday = weekStart(now).getTime();
  const created = new Date(monday - 10 * DAY + 9 * HOUR);
  seedWorkingHours(store);
  for (const seed of [...EVENT_SEEDS, ...LATER_EVENT_SEEDS]) {
    const start = startOf(seed, monday);
    const end = new Date(start.getTime() + seed.minutes * MINUTE);
    const organizer = recipientOf(seed.organizer);
    const pending = new Set(seed.pending ?? []);
    const attendees = seed.attendees.map((k) => {
      const r = recipientOf(k).emailAddress;
      const answered = findUser(r.address) && !pending.has(k);
      return {
        ...attendee(r.name, r.address),
        status: answered
          ? { response: 'accepted', time: created.toISOString() }
          : { response: 'none', time: '0001-01-01T00:00:00Z' },
      };
    });
    const common = {
      iCalUId: iCalUIdFor(seed.key),
      subject: seed.subject,
      start,
      end,
      organizer,
      attendees,
      created,
      isOnlineMeeting: seed.online,
      location: seed.location,
      showAs: seed.showAs,
      body: { contentType: 'html' as const, content: `<html><body><p>${seed.subject}</p></body></html>` },
    };
    const owners = [seed.organizer, ...seed.attendees].map((k) => findUser(`${k}@example.com`)).filter((u) => !!u);
    for (const owner of owners) {
      const isOrganizer = owner.mail === organizer.emailAddress.address;
      const event = composeEvent({ ...common, id: stableId('event', `${seed.key}:${owner.id}`), isOrganizer });
      const answered = !pending.has(owner.mail.split('@')[0] ?? '');
      if (!isOrganizer && answered) event.responseStatus = { response: 'accepted', time: created.toISOString() };
      store.putEvent(owner.id, event, start.getTime(), end.getTime());
    }
  }
}
