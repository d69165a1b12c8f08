import type { StepDraft } from '../../engine/ports';
import { addressOf, resolvePeople } from '../extract/people';
import { ok, refuse, type Result } from '../result';
import type { BuildContext, Fragment } from './fragment';

/** The actions that send mail, and so can copy people. */
const MAILS = new Set(['mail.send', 'mail.reply', 'mail.forward']);

export function cannotCopy(names: readonly string[]): string {
  return `I understood "cc ${names.join(', ')}", but I can only copy people on an email I send, reply or forward, and this request sends none. Say who the email should go to, or leave the cc out.`;
}

/**
 * Copy people on the mail a fragment sends: their addresses join the Cc of its last mail step.
 * A fragment that sends no mail cannot honour a cc, so that is said rather than dropped.
 */
export async function withCopies(
  fragment: Fragment,
  names: readonly string[],
  ctx: BuildContext,
): Promise<Result<Fragment>> {
  if (names.length === 0) return ok(fragment);
  let index = -1;
  fragment.steps.forEach((step, i) => {
    if (MAILS.has(step.action)) index = i;
  });
  const target = fragment.steps[index];
  if (!target) return refuse(cannotCopy(names));
  const people = await resolvePeople(names, ctx.requester, ctx.directory);
  if (!people.ok) return people;
  const added = people.value.map(addressOf);
  const existing = target.input.cc;
  // Reply all copies everyone the original reached (a reference): the named people join as To.
  const input =
    Array.isArray(existing) || existing === undefined
      ? { ...target.input, cc: unique([...((existing as unknown[] | undefined) ?? []), ...added]) }
      : { ...target.input, to: unique([...((target.input.to as unknown[] | undefined) ?? []), ...added]) };
  const steps: StepDraft[] = fragment.steps.map((step, i) => (i === index ? { ...step, input } : step));
  const who = people.value.map((person) => person.displayName).join(', ');
  return ok({ title: `${fragment.title} (cc ${who})`, steps });
}

function unique(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
