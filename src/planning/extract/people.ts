import type { Person } from '../../engine/model';
import type { PlanRequest, PlanResult } from '../../engine/ports';
import type { Directory, DirectoryActor, DirectoryPerson } from '../directory';
import * as text from '../messages';
import { ok, refuse, type Refusal, type Result } from '../result';

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
    .map((name) =>
      name
        .replace(/^(?:the\s+|@)/i, '')
        .replace(/[\s,.;:!?]+$/, '')
        .trim(),
    )
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
  const problems: Refusal[] = [];
  // Looked up together (the Graph directory sends them as one $batch), taken in the order typed.
  const results = await Promise.all(
    wanted.map((name) => (isSelf(name) ? resolveSelf(requester, directory) : resolveOne(name, requester, directory))),
  );
  for (const result of results) {
    if (!result.ok) problems.push(result);
    else if (!found.some((person) => sameAddress(person, result.value))) found.push(result.value);
  }
  if (problems.length === 0) return ok(found);
  // Only "which one?" left to settle: ask about the first name, with the people as options.
  const first = problems[0];
  if (first && problems.every(isPersonQuestion)) return first;
  return refuse(problems.map((problem) => problem.message).join('\n'));
}

/**
 * A refusal that is really a question: several people match a name, and the requester picks
 * one of `options` (each names the exact person, address included). A planner answers it as a
 * clarification question; on the re-plan {@link withAnswers} turns the chosen option back into
 * that one person.
 */
export interface PersonQuestion extends Refusal {
  readonly options: readonly string[];
}

export function isPersonQuestion(refusal: Refusal): refusal is PersonQuestion {
  return Array.isArray((refusal as Partial<PersonQuestion>).options);
}

/** What a planner answers for a refusal: a clarification question with options, or an explanation. */
export function refusalResult(refusal: Refusal): PlanResult {
  return isPersonQuestion(refusal)
    ? { kind: 'question', question: refusal.message, options: [...refusal.options] }
    : { kind: 'unplannable', message: refusal.message };
}

function askWhich(name: string, people: readonly DirectoryPerson[]): PersonQuestion {
  return { ok: false, message: text.personAmbiguous(name, people), options: people.map(text.personOption) };
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
  if (matches.length > 1) return askWhich(name, exact.length > 1 ? exact : matches);
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

/** An address in an answer: "Megan Smith (megans@example.com)", or a bare address. */
const ANSWER_ADDRESS = /([^\s()<>@]+@[^\s()<>@]+\.[^\s()<>@]+)/;

/**
 * The directory as seen after the requester answered "which one?" questions: when a name
 * matches several people and an answer names one of them (by address, or by exact display
 * name), that person is the only match. Other lookups pass through unchanged.
 */
export function withAnswers(directory: Directory, answers: PlanRequest['clarifications']): Directory {
  const chosen = (answers ?? []).map((a) => a.answer.trim()).filter((a) => a.length > 0);
  if (chosen.length === 0) return directory;
  return {
    findChannels: (query, actor) => directory.findChannels(query, actor),
    async findPeople(query, actor) {
      const matches = await directory.findPeople(query, actor);
      if (matches.length < 2) return matches;
      for (const answer of chosen) {
        const address = ANSWER_ADDRESS.exec(answer)?.[1]?.toLowerCase();
        const pick = matches.filter((p) =>
          address
            ? addressOf(p).toLowerCase() === address || p.userPrincipalName.toLowerCase() === address
            : p.displayName.toLowerCase() === answer.toLowerCase(),
        );
        if (pick.length === 1) return pick;
      }
      return matches;
    },
  };
}
