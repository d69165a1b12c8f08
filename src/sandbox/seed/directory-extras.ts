import { userByAlias } from '../directory';
import { MAILBOX_SETTINGS, MANAGER, PRESENCE, type PersonalSettings, type Presence } from '../people/model';
import { DEFAULT_SETTINGS } from '../people/settings';
import type { SandboxStore } from '../store/store';
import { DAY, toDateTimeTimeZone } from '../time';

/** Who reports to whom (aliases): Patti runs the company; Alex works for Megan, Lynne for Adele. */
const REPORTS_TO: ReadonlyArray<readonly [string, string]> = [
  ['meganb', 'pattif'],
  ['adelev', 'pattif'],
  ['isaiahl', 'pattif'],
  ['alexw', 'meganb'],
  ['lynner', 'adelev'],
];

const PRESENCES: ReadonlyArray<readonly [string, Presence['availability'], string]> = [
  ['alexw', 'Available', 'Available'],
  ['meganb', 'Busy', 'InAMeeting'],
  ['adelev', 'Away', 'Away'],
  ['isaiahl', 'Offline', 'OffWork'],
  ['pattif', 'DoNotDisturb', 'Presenting'],
  ['lynner', 'BeRightBack', 'BeRightBack'],
];

/** Seed mailbox settings, presence and the reporting lines, relative to `now`. */
export function seedDirectoryExtras(store: SandboxStore, now: Date): void {
  for (const [alias, managerAlias] of REPORTS_TO) {
    const user = userByAlias(alias);
    const manager = userByAlias(managerAlias);
    store.putDoc(
      MANAGER,
      user.id,
      { userId: user.id, managerId: manager.id },
      { parent: manager.id, sort: user.displayName },
    );
  }
  for (const [alias, availability, activity] of PRESENCES) {
    const id = userByAlias(alias).id;
    const presence: Presence = { id, availability, activity, statusMessage: null };
    store.putDoc(PRESENCE, id, presence);
  }
  for (const [alias, settings] of Object.entries(settingsByAlias(now)))
    store.putDoc(MAILBOX_SETTINGS, userByAlias(alias).id, settings);
}

/** Mailboxes that differ from the default (working hours and zones are the calendar's): Megan is away soon. */
function settingsByAlias(now: Date): Record<string, PersonalSettings> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    meganb: {
      ...DEFAULT_SETTINGS,
      automaticRepliesSetting: {
        status: 'scheduled',
        externalAudience: 'contactsOnly',
        internalReplyMessage: "I'm at the trade show and back the week after. For launch questions, ask Alex Wilber.",
        externalReplyMessage: "I'm out of the office at a trade show and will reply when I'm back.",
        scheduledStartDateTime: toDateTimeTimeZone(new Date(today + 7 * DAY)),
        scheduledEndDateTime: toDateTimeTimeZone(new Date(today + 12 * DAY)),
      },
    },
  };
}
