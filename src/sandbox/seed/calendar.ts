import { attendee, composeEvent, iCalUIdFor } from '../calendar/events';
import { findUser } from '../directory';
import { stableId } from '../ids';
import type { CalendarEvent } from '../model';
import type { SandboxStore } from '../store/store';
import { DAY, HOUR, MINUTE, weekStart } from '../time';
import { recipientOf, type PersonKey } from './people';

interface EventSeed {
  readonly key: string;
  readonly organizer: PersonKey;
  readonly attendees: readonly PersonKey[];
  readonly subject: string;
  /** Working day from this week's Monday: 0–4 this week, 5–9 next week. */
  readonly wd: number;
  readonly at: string;
  readonly minutes: number;
  readonly online?: boolean;
  readonly location?: string;
  readonly showAs?: CalendarEvent['showAs'];
}

const ev = (key: string, organizer: PersonKey, attendees: readonly PersonKey[], subject: string, wd: number, at: string, minutes: number, opts: Partial<EventSeed> = {}): EventSeed =>
  ({ key, organizer, attendees, subject, wd, at, minutes, ...opts });

const EVERYONE: readonly PersonKey[] = ['alexw', 'meganb', 'adelev', 'isaiahl', 'lynner'];

/** Meetings over the current and next week, so that scheduling meets real conflicts. */
export const EVENT_SEEDS: readonly EventSeed[] = [
  ev('mkt-sync-1', 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly sync', 0, '10:00', 60, { online: true }),
  ev('mkt-sync-2', 'meganb', ['alexw', 'adelev', 'lynner'], 'Marketing weekly sync', 5, '10:00', 60, { online: true }),
  ...[1, 3, 6, 8].map((wd) => ev(`standup-${wd}`, 'meganb', ['alexw'], 'Campaign stand-up', wd, '09:30', 15, { online: true })),
  ev('leadership-1', 'pattif', ['meganb', 'isaiahl', 'adelev', 'lynner'], 'Leadership meeting', 1, '11:00', 90, { location: 'Boardroom 1' }),
  ev('leadership-2', 'pattif', ['meganb', 'isaiahl', 'adelev', 'lynner'], 'Leadership meeting', 6, '11:00', 90, { location: 'Boardroom 1' }),
  ev('focus-alex-1', 'alexw', [], 'Focus time: Contoso proposal', 1, '13:00', 120),
  ev('contoso-review', 'alexw', ['meganb', 'pattif', 'dana'], 'Contoso renewal review', 2, '14:00', 60, { online: true }),
  ev('bellevue-visit', 'adelev', [], 'Store visit: Bellevue', 2, '09:00', 180, { location: 'Bellevue store' }),
  ev('pipeline-1', 'isaiahl', ['pattif', 'alexw'], 'Pipeline review', 3, '10:00', 60, { online: true }),
  ev('pipeline-2', 'isaiahl', ['pattif', 'alexw'], 'Pipeline review', 8, '10:00', 60, { online: true }),
  ev('one-on-one-1', 'meganb', ['alexw'], 'Alex / Megan 1:1', 3, '15:00', 30),
  ev('one-on-one-2', 'meganb', ['alexw'], 'Alex / Megan 1:1', 8, '15:00', 30),
  ev('all-hands', 'pattif', EVERYONE, 'Monthly all-hands', 3, '16:00', 60, { location: 'Redmond HQ / Teams', online: true }),
  ev('creative-review', 'meganb', ['alexw', 'adelev'], 'Spring launch creative review', 4, '14:00', 60, { online: true }),
  ev('newsletter-plan', 'alexw', ['meganb'], 'Newsletter planning', 5, '15:00', 30),
  ev('fabrikam-call', 'adelev', ['alexw', 'tom'], 'Fabrikam supplier call: order #45821', 6, '13:30', 30, { online: true }),
  ev('focus-alex-2', 'alexw', [], 'Focus time', 7, '09:00', 120),
  ev('agency-checkin', 'meganb', [], 'Agency check-in', 7, '11:00', 30, { online: true }),
  ev('budget-review', 'lynner', ['alexw', 'meganb', 'pattif'], 'Q3 budget review', 7, '14:00', 60, { location: 'Room 2.14' }),
  ev('dentist', 'pattif', [], 'Dentist', 7, '16:00', 60, { showAs: 'tentative' }),
  ev('lunch-carlos', 'alexw', ['carlos'], 'Lunch with Carlos (Northwind)', 8, '12:00', 60, { location: 'Café Paris, Redmond' }),
  ev('contoso-training', 'alexw', ['raj'], 'Contoso sales manager training', 9, '10:00', 90, { online: true }),
  ev('isaiah-pto', 'isaiahl', [], 'Out of office', 9, '09:00', 480, { showAs: 'oof' }),
  ev('q3-workshop', 'lynner', EVERYONE.filter((a) => a !== 'lynner').concat(['pattif']), 'Q3 planning workshop', 9, '13:00', 120, { location: 'Boardroom 1' }),
];

/** Seed every calendar: the organizer's copy and an accepted copy for each tenant attendee. */
export function seedCalendar(store: SandboxStore, now: Date): void {
  const monday = weekStart(now).getTime();
  const created = new Date(monday - 10 * DAY + 9 * HOUR);
  for (const seed of EVENT_SEEDS) {
    const [h = 0, m = 0] = seed.at.split(':').map(Number);
    const start = new Date(monday + (seed.wd < 5 ? seed.wd : seed.wd + 2) * DAY + h * HOUR + m * MINUTE);
    const end = new Date(start.getTime() + seed.minutes * MINUTE);
    const organizer = recipientOf(seed.organizer);
    const attendees = seed.attendees.map((k) => {
      const r = recipientOf(k).emailAddress;
      return { ...attendee(r.name, r.address), status: { response: findUser(r.address) ? 'accepted' : 'none', time: created.toISOString() } };
    });
    const common = {
      iCalUId: iCalUIdFor(seed.key), subject: seed.subject, start, end, organizer, attendees, created,
      isOnlineMeeting: seed.online, location: seed.location, showAs: seed.showAs,
      body: { contentType: 'html' as const, content: `<html><body><p>${seed.subject}</p></body></html>` },
    };
    const owners = [seed.organizer, ...seed.attendees].map((k) => findUser(`${k}@example.com`)).filter((u) => !!u);
    for (const owner of owners) {
      const isOrganizer = owner.mail === organizer.emailAddress.address;
      const event = composeEvent({ ...common, id: stableId('event', `${seed.key}:${owner.id}`), isOrganizer });
      if (!isOrganizer) event.responseStatus = { response: 'accepted', time: created.toISOString() };
      store.putEvent(owner.id, event, start.getTime(), end.getTime());
    }
  }
}
