import { alex, type ActionHarness } from './sandbox-harness';

/** A message as the tests read it back from the sandbox. */
export interface Listed {
  id: string;
  subject: string;
  isDraft: boolean;
  isRead: boolean;
  conversationId: string;
  parentFolderId: string;
  hasAttachments: boolean;
  flag: { flagStatus: string };
  from?: { emailAddress: { address: string; name: string } };
  toRecipients: Array<{ emailAddress: { address: string } }>;
  ccRecipients: Array<{ emailAddress: { address: string } }>;
  body: { contentType: string; content: string };
}

const q = encodeURIComponent;

/** Messages of a folder of someone's mailbox whose subject is exactly `subject`. */
export async function inFolder(
  h: ActionHarness,
  folder: string,
  subject: string,
  who: { upn: string; id: string } = alex,
): Promise<Listed[]> {
  const page = await h.read<{ value: Listed[] }>(
    who.upn,
    `/users/${who.id}/mailFolders/${folder}/messages?$top=100&$filter=${q(`subject eq '${subject.replace(/'/g, "''")}'`)}`,
  );
  return page.value;
}

/** The one message of Alex's Inbox with this subject (the newest when several). */
export async function inboxMessage(h: ActionHarness, subject: string): Promise<Listed> {
  const [found] = await inFolder(h, 'inbox', subject);
  if (!found) throw new Error(`no "${subject}" in Alex's inbox`);
  return found;
}
