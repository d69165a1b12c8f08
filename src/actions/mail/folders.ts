/** Outlook's well-known folder names, and how people say them. */
const WELL_KNOWN: Readonly<Record<string, string>> = {
  inbox: 'inbox',
  archive: 'archive',
  drafts: 'drafts',
  sentitems: 'sentitems',
  sent: 'sentitems',
  deleteditems: 'deleteditems',
  deleted: 'deleteditems',
  trash: 'deleteditems',
  junkemail: 'junkemail',
  junk: 'junkemail',
  spam: 'junkemail',
};

/**
 * A folder as Graph addresses it: "Archive", "Sent Items" or "junk" become the well-known name
 * (`archive`, `sentitems`, `junkemail`); anything else is taken to be a folder id.
 */
export function folderKey(folder: string): string {
  const plain = folder.trim().toLowerCase().replace(/[\s_-]+/g, '').replace(/folder$/, '');
  return WELL_KNOWN[plain] ?? folder.trim();
}

/** True when `folder` names a well-known folder rather than an id. */
export function isWellKnown(folder: string): boolean {
  return folderKey(folder) !== folder.trim() || Object.values(WELL_KNOWN).includes(folder.trim());
}
