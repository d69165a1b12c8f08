import type { Person } from '../../engine/model';
import type { Directory, DirectoryActor, DirectoryPerson } from '../directory';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';

/** Words that mean the requester. */
const SELF = /^(?:me|myself|i|us|ourselves)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** More names than this in one request is more likely a misreading than a guest list. */
export const MAX_PEOPLE = 25;
/** A "name" longer than this was not a name; it is reported, not looked up. */
const MAX_NAME_WORDS = 6;
const LIST_SEPARATOR = /\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\+\s*)\s*/i;

/** A list of people as typed ("Megan, Adele and me") → the names, tidied. */
export function splitNames(list: string): string[] {
  return list
    .split(LIST_SEPARATOR)
    .map((name) => name.replace(/^(?:the\s+|@)/i, '').replace(/[\s,.;:!?]+$/, '').trim())
    .filter((name) => name.length > 0);
}

/** True for "me", "myself" and the like. */
export function isSelf(name: string): boolean {
  return SELF.test(name.trim());
}

/** Who the directory lookups run as. */
export function actorOf(requester: Person): DirectoryActor {
  return requester.upn === undefined
    ? { id: requester.id, name: requester.name }
    : { id: requester.id, upn: requester.upn, name: requester.name };
}

/**
 * Resolve typed names to directory people, as the requester. A name is taken only when it is
 * certain: one match, or exactly one exact match (full name or address). Anything else is a
 * question back to the requester, never a guess; every problem is reported at once.
 * An address nobody in the directory has is kept as typed (policy decides about externals).
 */
export async function resolvePeople(
  names: readonly string[],
  requester: Person,
  directory: Directory,
): Promise<Result<DirectoryPerson[]>> {
  const wanted = [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
  if (wanted.length > MAX_PEOPLE) return refuse(text.tooManyPeople(MAX_PEOPLE));
  const found: DirectoryPerson[] = [];
  const problems: string[] = [];
  for (const name of wanted) {
    const result = isSelf(name) ? await resolveSelf(requester, directory) : await resolveOne(name, requester, directory);
    if (!result.ok) problems.push(result.message);
    else if (!found.some((person) => sameAddress(person, result.value))) found.push(result.value);
  }
  return problems.length > 0 ? refuse(problems.join('\n')) : ok(found);
}

async function resolveOne(name: string, requester: Person, directory: Directory): Promise<Result<DirectoryPerson>> {
  if (name.split(/\s+/).length > MAX_NAME_WORDS) return refuse(text.personNotFound(name));
  const matches = unique(await directory.findPeople(name, actorOf(requester)));
  const wanted = name.toLowerCase();
  const exact = matches.filter(
    (p) =>
      p.displayName.toLowerCase() === wanted ||
      p.mail.toLowerCase() === wanted ||
      p.userPrincipalName.toLowerCase() === wanted,
  );
  if (exact.length === 1 && exact[0]) return ok(exact[0]);
  if (matches.length === 1 && matches[0]) return ok(matches[0]);
  if (matches.length > 1) return refuse(text.personAmbiguous(name, exact.length > 1 ? exact : matches));
  if (EMAIL.test(name)) return ok({ id: '', displayName: name, mail: name, userPrincipalName: name });
  return refuse(text.personNotFound(name));
}

/** The requester's own directory entry, found by UPN (or name) and checked by object id. */
export async function resolveSelf(requester: Person, directory: Directory): Promise<Result<DirectoryPerson>> {
  const query = requester.upn ?? requester.name;
  const matches = query ? await directory.findPeople(query, actorOf(requester)) : [];
  const me = matches.find((person) => person.id === requester.id);
  if (me) return ok(me);
  if (requester.upn && EMAIL.test(requester.upn)) {
    return ok({ id: requester.id, displayName: requester.name, mail: requester.upn, userPrincipalName: requester.upn });
  }
  return refuse(text.SELF_NOT_FOUND);
}

/** The address to send to or invite. */
export function addressOf(person: DirectoryPerson): string {
  return person.mail || person.userPrincipalName;
}

function sameAddress(a: DirectoryPerson, b: DirectoryPerson): boolean {
  return addressOf(a).toLowerCase() === addressOf(b).toLowerCase();
}

function unique(people: readonly DirectoryPerson[]): DirectoryPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const key = person.id || addressOf(person).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Megan Bowen", "Megan Bowen and Adele Vance", "Megan Bowen, Adele Vance and Isaiah Langer". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
