/** Outlook's well-known folders as people name them, with the name the plan shows. */
const FOLDERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^archive[sd]?$/i, 'Archive'],
  [/^inbox$/i, 'Inbox'],
  [/^(?:deleted(?:\s+items)?|trash|bin|recycle\s+bin)$/i, 'Deleted Items'],
  [/^(?:junk(?:\s+e-?mail)?|spam)$/i, 'Junk Email'],
];

/** "the Archive folder", "archive", "junk" → the folder's display name; undefined for anything else. */
export function knownFolder(text: string): string | undefined {
  const name = text
    .trim()
    .replace(/^(?:the|my)\s+/i, '')
    .replace(/\s+folder$/i, '')
    .trim();
  return FOLDERS.find(([pattern]) => pattern.test(name))?.[1];
}
