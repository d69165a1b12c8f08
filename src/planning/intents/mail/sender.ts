import type { BuildContext } from '../fragment';
import { actorOf, resolvePeople } from '../../extract/people';
import { ok, type Result } from '../../result';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Who a mail is from, as mail.search's `from`: a colleague named once in the directory becomes
 * their address (exact), an address stays as typed, and anyone else (customers such as "Dana",
 * companies such as "Contoso") is searched by name. Several colleagues with that name → a question.
 */
export async function senderFilter(name: string, ctx: BuildContext): Promise<Result<string>> {
  const typed = name.trim();
  if (EMAIL.test(typed)) return ok(typed);
  const matches = await ctx.directory.findPeople(typed, actorOf(ctx.requester));
  if (matches.length === 0) return ok(typed);
  const person = await resolvePeople([typed], ctx.requester, ctx.directory);
  if (!person.ok) return person;
  const [found] = person.value;
  return ok(found ? found.mail || found.userPrincipalName : typed);
}
