import { addressOf, resolvePeople } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import type { BuildContext } from '../fragment';

/** One person named in a question, resolved in the directory (the requester for "my"/"I"/"me"). */
export async function onePerson(
  name: string,
  ctx: BuildContext,
): Promise<Result<{ address: string; name: string; self: boolean }>> {
  const resolved = await resolvePeople([name], ctx.requester, ctx.directory);
  if (!resolved.ok) return resolved;
  const person = resolved.value[0];
  if (!person || person.id === '')
    return refuse(`I can only look up people in your organisation, and ${name} is not one of them.`);
  return ok({ address: addressOf(person), name: person.displayName, self: person.id === ctx.requester.id });
}

/** "Megan's" → "Megan", "James'" → "James", "my" → "me". */
export function owner(raw: string): string {
  const name = raw.trim().replace(/(?:'s|')$/i, '');
  return /^(?:my|i|me)$/i.test(name) ? 'me' : name;
}
