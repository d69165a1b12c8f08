import type { SandboxStore } from '../store/store';
import { WORKING_HOURS_KIND, type WorkingHours } from '../calendar/working-hours';
import { MAILBOX_SETTINGS, type PersonalSettings } from './model';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** What a mailbox has when nobody set anything: UTC, Monday–Friday 09:00–17:00, no automatic replies. */
export const DEFAULT_SETTINGS: PersonalSettings = {
  timeZone: 'UTC',
  workingHours: {
    daysOfWeek: WEEKDAYS,
    startTime: '09:00:00.0000000',
    endTime: '17:00:00.0000000',
    timeZone: { name: 'UTC' },
  },
  automaticRepliesSetting: {
    status: 'disabled',
    externalAudience: 'all',
    internalReplyMessage: '',
    externalReplyMessage: '',
    scheduledStartDateTime: { dateTime: '2026-01-01T00:00:00.0000000', timeZone: 'UTC' },
    scheduledEndDateTime: { dateTime: '2026-01-02T00:00:00.0000000', timeZone: 'UTC' },
  },
};

/**
 * A user's settings: the seeded ones, with the calendar's working hours (and their zone) when it
 * has some, so that mailboxSettings, getSchedule and findMeetingTimes tell the same story.
 */
export function personalSettings(store: SandboxStore, userId: string): PersonalSettings {
  const own = store.getDoc<PersonalSettings>(MAILBOX_SETTINGS, userId) ?? DEFAULT_SETTINGS;
  const calendar = store.getDoc<WorkingHours>(WORKING_HOURS_KIND, userId);
  return calendar ? { ...own, workingHours: calendar, timeZone: calendar.timeZone.name } : own;
}

/** Graph's whole mailboxSettings resource for a user. */
export function mailboxSettingsOf(store: SandboxStore, userId: string): Record<string, unknown> {
  const mine = personalSettings(store, userId);
  return {
    archiveFolder: null,
    timeZone: mine.timeZone,
    automaticRepliesSetting: mine.automaticRepliesSetting,
    language: { locale: 'en-US', displayName: 'English (United States)' },
    dateFormat: 'M/d/yyyy',
    timeFormat: 'h:mm tt',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    userPurpose: 'user',
    workingHours: mine.workingHours,
  };
}
