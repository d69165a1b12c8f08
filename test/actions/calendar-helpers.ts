import type { ActionHarness } from './sandbox-harness';

/** An event as the calendar tests read it back from the sandbox. */
export interface StoredEvent {
  id: string;
  subject: string;
  isCancelled: boolean;
  isOrganizer: boolean;
  start: { dateTime: string };
  end: { dateTime: string };
  responseStatus: { response: string };
  attendees: Array<{ emailAddress: { address: string }; status: { response: string } }>;
}

/** The events of `upn` whose subject is exactly `subject`. */
export async function eventsOf(harness: ActionHarness, upn: string, subject: string): Promise<StoredEvent[]> {
  const filter = encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`);
  return (await harness.read<{ value: StoredEvent[] }>(upn, `/users/${upn}/events?$filter=${filter}&$top=50`)).value;
}

/** The one event of `upn` with this subject (fails when there is not exactly one). */
export async function eventOf(harness: ActionHarness, upn: string, subject: string): Promise<StoredEvent> {
  const found = await eventsOf(harness, upn, subject);
  if (found.length !== 1) throw new Error(`${upn} has ${found.length} events "${subject}"`);
  return found[0] as StoredEvent;
}

/** Mail in `upn`'s Inbox whose subject is exactly `subject`. */
export async function inboxMail(
  harness: ActionHarness,
  upn: string,
  subject: string,
): Promise<Array<{ subject: string; body: { content: string }; meetingMessageType?: string }>> {
  const filter = encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`);
  return (
    await harness.read<{ value: Array<{ subject: string; body: { content: string }; meetingMessageType?: string }> }>(
      upn,
      `/users/${upn}/mailFolders/inbox/messages?$filter=${filter}`,
    )
  ).value;
}
