/** Document kinds of the people feature. */
export const MANAGER = 'people.manager';
export const PRESENCE = 'people.presence';
export const MAILBOX_SETTINGS = 'people.mailboxSettings';

/** Who a user reports to (absent for the top of the organisation). */
export interface ManagerLink {
  readonly userId: string;
  readonly managerId: string;
}

/** Graph's presence resource. */
export interface Presence {
  readonly id: string;
  readonly availability:
    | 'Available'
    | 'AvailableIdle'
    | 'Away'
    | 'BeRightBack'
    | 'Busy'
    | 'BusyIdle'
    | 'DoNotDisturb'
    | 'Offline'
    | 'PresenceUnknown';
  readonly activity: string;
  readonly statusMessage: null | {
    readonly message: { readonly content: string; readonly contentType: 'text' };
    readonly publishedDateTime: string;
  };
}

/** Graph's `workingHours`. */
export interface WorkingHours {
  readonly daysOfWeek: readonly string[];
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: { readonly name: string };
}

/** The parts of mailboxSettings that differ per person. */
export interface PersonalSettings {
  readonly timeZone: string;
  readonly workingHours: WorkingHours;
  readonly automaticRepliesSetting: {
    readonly status: 'disabled' | 'alwaysEnabled' | 'scheduled';
    readonly externalAudience: 'none' | 'contactsOnly' | 'all';
    readonly internalReplyMessage: string;
    readonly externalReplyMessage: string;
    readonly scheduledStartDateTime: { readonly dateTime: string; readonly timeZone: string };
    readonly scheduledEndDateTime: { readonly dateTime: string; readonly timeZone: string };
  };
}
