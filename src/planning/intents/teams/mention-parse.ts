import type { Person } from '../../../engine/model';
import type { Directory, DirectoryPerson } from '../../directory';
import { resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { MENTION_OUTSIDE } from './wording';

/** ", and mention Megan and Adele" / "mentioning @Megan" / "and tag Megan" at the end of a clause. */
export const MENTION_TAIL = /\s*,?\s+(?:and\s+)?(?:@?mention(?:ing)?|tag(?:ging)?|cc(?:ing)?)\s+(.+?)\s*[.!]?$/i;

/** Split "… and mention Megan" into the rest of the clause and the names to mention. */
export function splitMentionTail(clause: string): { rest: string; names: string[] } {
  const match = MENTION_TAIL.exec(clause);
  if (!match || match.index === undefined) return { rest: clause, names: [] };
  const names = splitNames(match[1] ?? '');
  // "… and mention it at the all-hands" is part of the message, not a list of people.
  if (names.length === 0 || names.some((n) => n.split(/\s+/).length > 3 || /^(?:it|this|that|them|those)$/i.test(n)))
    return { rest: clause, names: [] };
  return { rest: clause.slice(0, match.index), names };
}

/** The people to @mention, each a directory person (a typed outside address cannot be mentioned). */
export async function resolveMentions(
  names: readonly string[],
  requester: Person,
  directory: Directory,
): Promise<Result<DirectoryPerson[]>> {
  if (names.length === 0) return ok([]);
  const people = await resolvePeople(names, requester, directory);
  if (!people.ok) return people;
  const outside = people.value.find((p) => p.id === '');
  return outside ? refuse(MENTION_OUTSIDE(outside.displayName)) : people;
}
