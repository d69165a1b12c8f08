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

/** The well-known name for "Archive", "Sent Items", "junk"…; undefined for anything else. */
export function wellKnownFolder(folder: string): string | undefined {
  return WELL_KNOWN[
    folder
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '')
      .replace(/folder$/, '')
  ];
}

/**
 * A folder as Graph addresses it: "Archive", "Sent Items" or "junk" become the well-known name
 * (`archive`, `sentitems`, `junkemail`); anything else is taken to be a folder id.
 */
export function folderKey(folder: string): string {
  return wellKnownFolder(folder) ?? folder.trim();
}
