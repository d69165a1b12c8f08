/** Action-name patterns: letters, digits, `.`, `_`, `-`, and `*` for any run of characters. */
export const GLOB_PATTERN = /^[A-Za-z0-9_.*-]+$/;

const cache = new Map<string, RegExp>();

/**
 * Whether `name` matches `glob` (`*` matches anything, dots included). Case-insensitive, so that a
 * deny entry written `Files.Delete` still denies `files.delete`: a deny that silently misses is worse
 * than an allow that matches a little more.
 */
export function globMatches(glob: string, name: string): boolean {
  let regex = cache.get(glob);
  if (!regex) {
    const body = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${body}$`, 'i');
    cache.set(glob, regex);
  }
  return regex.test(name);
}

/** The first pattern that matches `name`, if any. */
export function firstMatch(globs: readonly string[], name: string): string | undefined {
  return globs.find((glob) => globMatches(glob, name));
}
