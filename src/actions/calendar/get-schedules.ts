import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display, displayList, listNames } from '../common/display';
import { userRoot } from '../common/keys';
import { email, isoInstant, timeZone } from '../common/schemas';
import { fromGraphDateTime, humanTime, ianaZone, toGraphDateTime } from '../common/time';

export const getSchedulesInput = z
  .object({
    people: z.array(email).min(1).max(20),
    start: isoInstant,
    end: isoInstant,
    timeZone,
    intervalMinutes: z.number().int().min(5).max(1440).optional(),
  })
  .refine((i) => Date.parse(i.end) > Date.parse(i.start), { message: 'end must be after start', path: ['end'] })
  // Graph's getSchedule answers for at most 62 days at a time.
  .refine((i) => Date.parse(i.end) - Date.parse(i.start) <= 62 * 86_400_000, {
    message: 'the range may cover at most 62 days',
    path: ['end'],
  });
export type GetSchedulesInput = z.infer<typeof getSchedulesInput>;

const workingHours = z.object({
  daysOfWeek: z.array(z.string()),
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z.string(),
});

export const getSchedulesOutput = z.object({
  schedules: z.array(
    z.object({
      address: z.string(),
      /** One digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
      availabilityView: z.string(),
      busy: z.array(
        z.object({ start: z.string(), end: z.string(), status: z.string(), subject: z.string().optional() }),
      ),
      workingHours: workingHours.nullable(),
      error: z.string().optional(),
    }),
  ),
});
export type GetSchedulesOutput = z.infer<typeof getSchedulesOutput>;

interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone?: string | null;
}

interface ScheduleInformation {
  readonly scheduleId: string;
  readonly availabilityView?: string | null;
  readonly scheduleItems?: ReadonlyArray<{
    readonly status?: string | null;
    readonly subject?: string | null;
    readonly start: GraphDateTime;
    readonly end: GraphDateTime;
  }> | null;
  readonly workingHours?: {
    readonly daysOfWeek?: readonly string[] | null;
    readonly startTime?: string | null;
    readonly endTime?: string | null;
    readonly timeZone?: { readonly name?: string | null } | null;
  } | null;
  readonly error?: { readonly message?: string | null; readonly responseCode?: string | null } | null;
}

function schedule(info: ScheduleInformation): GetSchedulesOutput['schedules'][number] {
  const hours = info.workingHours;
  return {
    address: info.scheduleId,
    availabilityView: info.availabilityView ?? '',
    busy: (info.scheduleItems ?? []).map((item) => ({
      start: fromGraphDateTime(item.start),
      end: fromGraphDateTime(item.end),
      status: item.status ?? 'busy',
      ...(item.subject ? { subject: item.subject } : {}),
    })),
    workingHours: hours
      ? {
          daysOfWeek: [...(hours.daysOfWeek ?? [])],
          startTime: (hours.startTime ?? '').slice(0, 5),
          endTime: (hours.endTime ?? '').slice(0, 5),
          // Graph names working-hours zones the Windows way ("Pacific Standard Time").
          timeZone: ianaZone(hours.timeZone?.name ?? 'UTC') ?? hours.timeZone?.name ?? 'UTC',
        }
      : null,
    ...(info.error ? { error: info.error.message ?? info.error.responseCode ?? 'unavailable' } : {}),
  };
}

export function getSchedules(gateway: GraphGateway): ActionSpec<GetSchedulesInput, GetSchedulesOutput> {
  return {
    name: 'calendar.getSchedules',
    description:
      'Read the free/busy time of several people (up to 20) between two instants, with each person’s working hours and their time zone, and a digit per interval (0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere). Busy times are UTC instants. People whose calendar cannot be read come back with an error instead of failing the step.',
    input: getSchedulesInput,
    output: getSchedulesOutput,
    risk: 'read',
    permissions: { delegated: ['Calendars.Read.Shared'], application: ['Calendars.Read'] },
    editable: [
      { name: 'people', label: 'People', kind: 'list' },
      { name: 'start', label: 'From', kind: 'datetime' },
      { name: 'end', label: 'Until', kind: 'datetime' },
    ],
    describe(input) {
      const people = displayList(input.people);
      const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
      const when = (v: unknown): string => (typeof v === 'string' ? humanTime(v, zone) : display(v));
      return {
        title: `Check when ${listNames(people)} ${people.length === 1 ? 'is' : 'are'} free`,
        target: people.join(', '),
        reads: `When ${listNames(people)} ${people.length === 1 ? 'is' : 'are'} free or busy, and their working hours`,
        fields: [
          { label: 'People', value: people.join(', ') },
          { label: 'Between', value: `${when(input.start)} and ${when(input.end)}` },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const answer = await graph.post<{ value?: ScheduleInformation[] }>(
        `${userRoot(ctx.actor.id)}/calendar/getSchedule`,
        {
          schedules: input.people,
          startTime: toGraphDateTime(input.start, input.timeZone),
          endTime: toGraphDateTime(input.end, input.timeZone),
          availabilityViewInterval: input.intervalMinutes ?? 30,
        },
        // A query, not a write: replaying it is harmless.
        {
          idempotent: true,
          headers: { Prefer: 'outlook.timezone="UTC"' },
          signal: ctx.signal,
          what: 'the calendars',
        },
      );
      return { output: { schedules: (answer.value ?? []).map(schedule) }, provenance: [] };
    },
  };
}
