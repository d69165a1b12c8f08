import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ActionContext, ActionSpec } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { display } from '../common/display';
import { userRoot } from '../common/keys';
import { personInput, type PersonInput } from './manager';
import { dayRange } from './wording';

const workingHours = z.object({
  daysOfWeek: z.array(z.string()),
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z.string(),
});

export const mailboxSettingsOutput = z.object({
  person: z.string(),
  timeZone: z.string(),
  workingHours: workingHours.nullable(),
  automaticReplies: z.object({
    status: z.enum(['off', 'on', 'scheduled']),
    message: z.string(),
    scheduledStart: z.string().nullable(),
    scheduledEnd: z.string().nullable(),
  }),
  answer: z.string(),
});
export type MailboxSettingsOutput = z.infer<typeof mailboxSettingsOutput>;

/** "Works Monday–Friday, 08:30–16:30 (Europe/Berlin). Automatic replies: scheduled from … to …: "…"". */
function sentence(s: Omit<MailboxSettingsOutput, 'answer'>): string {
  const hours = s.workingHours
    ? `Works ${dayRange(s.workingHours.daysOfWeek)}, ${s.workingHours.startTime}–${s.workingHours.endTime} (${s.workingHours.timeZone}).`
    : `Time zone ${s.timeZone}.`;
  const replies = s.automaticReplies;
  if (replies.status === 'off') return `${hours} Automatic replies are off.`;
  const window =
    replies.status === 'scheduled' && replies.scheduledStart
      ? ` from ${replies.scheduledStart} to ${replies.scheduledEnd ?? '…'}`
      : '';
  return `${hours} Automatic replies ${replies.status === 'on' ? 'are on' : `are scheduled${window}`}: "${replies.message}"`;
}

type Hours =
  { daysOfWeek?: string[]; startTime?: string; endTime?: string; timeZone?: { name?: string } } | null | undefined;
type Stamp = { dateTime: string; timeZone?: string } | null | undefined;

const hoursOf = (h: Hours): z.infer<typeof workingHours> | null =>
  h
    ? {
        daysOfWeek: h.daysOfWeek ?? [],
        startTime: (h.startTime ?? '').slice(0, 5),
        endTime: (h.endTime ?? '').slice(0, 5),
        timeZone: h.timeZone?.name ?? 'UTC',
      }
    : null;
const stamp = (s: Stamp): string | null =>
  s ? s.dateTime.replace(/\.\d+$/, '') + (s.timeZone && s.timeZone !== 'UTC' ? ` (${s.timeZone})` : 'Z') : null;

/** The requester's own settings: one read of their mailboxSettings. */
async function own(graph: GraphPort, ctx: ActionContext): Promise<Omit<MailboxSettingsOutput, 'answer'>> {
  const s = await graph.get<{
    timeZone?: string;
    workingHours?: Hours;
    automaticRepliesSetting?: {
      status?: string;
      internalReplyMessage?: string;
      scheduledStartDateTime?: Stamp;
      scheduledEndDateTime?: Stamp;
    };
  }>(
    `${userRoot(ctx.actor.id)}/mailboxSettings`,
    { $select: 'timeZone,workingHours,automaticRepliesSetting' },
    { signal: ctx.signal, what: 'your mailbox settings' },
  );
  const replies = s.automaticRepliesSetting;
  const status = replies?.status === 'alwaysEnabled' ? 'on' : replies?.status === 'scheduled' ? 'scheduled' : 'off';
  return {
    person: ctx.actor.upn ?? ctx.actor.id,
    timeZone: s.timeZone ?? 'UTC',
    workingHours: hoursOf(s.workingHours),
    automaticReplies: {
      status,
      message: status === 'off' ? '' : (replies?.internalReplyMessage ?? ''),
      scheduledStart: status === 'scheduled' ? stamp(replies?.scheduledStartDateTime) : null,
      scheduledEnd: status === 'scheduled' ? stamp(replies?.scheduledEndDateTime) : null,
    },
  };
}

/**
 * Someone else's: their working hours from the free/busy service (getSchedule) and their
 * automatic reply from mail tips, both of which a colleague may read; their mailbox itself is theirs.
 */
async function colleague(
  graph: GraphPort,
  person: string,
  ctx: ActionContext,
): Promise<Omit<MailboxSettingsOutput, 'answer'>> {
  const day = DateTime.fromJSDate(ctx.now, { zone: 'UTC' }).startOf('day');
  const window = {
    startTime: { dateTime: day.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'UTC' },
    endTime: { dateTime: day.plus({ days: 1 }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'UTC' },
  };
  const [schedule, tips] = await Promise.all([
    graph.post<{ value?: Array<{ workingHours?: Hours; error?: unknown }> }>(
      `${userRoot(ctx.actor.id)}/calendar/getSchedule`,
      { schedules: [person], ...window, availabilityViewInterval: 60 },
      { idempotent: true, signal: ctx.signal, what: `${person}'s calendar` },
    ),
    graph.post<{
      value?: Array<{
        automaticReplies?: { message?: string; scheduledStartTime?: Stamp; scheduledEndTime?: Stamp };
        error?: unknown;
      }>;
    }>(
      `${userRoot(ctx.actor.id)}/getMailTips`,
      { EmailAddresses: [person], MailTipsOptions: 'automaticReplies' },
      { idempotent: true, signal: ctx.signal, what: 'mail tips' },
    ),
  ]);
  if (schedule.value?.[0]?.error !== undefined || tips.value?.[0]?.error !== undefined) {
    throw new DelegateError(
      'user_input',
      'person_not_found',
      `I couldn't find ${person} in your organisation's directory.`,
    );
  }
  const hours = hoursOf(schedule.value?.[0]?.workingHours);
  const replies = tips.value?.[0]?.automaticReplies;
  const message = replies?.message ?? '';
  const status = !message ? 'off' : replies?.scheduledStartTime ? 'scheduled' : 'on';
  return {
    person,
    timeZone: hours?.timeZone ?? 'UTC',
    workingHours: hours,
    automaticReplies: {
      status,
      message,
      scheduledStart: stamp(replies?.scheduledStartTime),
      scheduledEnd: stamp(replies?.scheduledEndTime),
    },
  };
}

export function peopleMailboxSettings(gateway: GraphGateway): ActionSpec<PersonInput, MailboxSettingsOutput> {
  return {
    name: 'people.mailboxSettings',
    description:
      "A person's time zone, working hours and automatic reply (out of office), by email address; the requester's own from their mailbox settings, a colleague's from free/busy and mail tips.",
    input: personInput,
    output: mailboxSettingsOutput,
    risk: 'read',
    permissions: {
      delegated: ['MailboxSettings.Read', 'Calendars.ReadBasic', 'Mail.Read'],
      application: ['MailboxSettings.Read', 'Calendars.ReadBasic', 'Mail.Read'],
    },
    editable: [],
    describe(input) {
      return {
        title: `Look up ${display(input.person)}'s working hours and automatic replies`,
        target: display(input.person),
        reads: 'Mailbox settings, free/busy and mail tips',
        fields: [{ label: 'Person', value: display(input.person) }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const key = input.person.trim().toLowerCase();
      const self = key === ctx.actor.id.toLowerCase() || key === ctx.actor.upn?.toLowerCase();
      const settings = self ? await own(graph, ctx) : await colleague(graph, input.person.trim(), ctx);
      return { output: { ...settings, answer: sentence(settings) }, provenance: [] };
    },
  };
}
