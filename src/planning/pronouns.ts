import type { BuildableSpec, Destination } from './intents/specs';
import * as text from './messages';
import { ok, refuse, type Result } from './result';

const PRONOUN = /^(?:her|him|them)$/i;

/**
 * "Email Megan a summary … and set up a meeting with her", "forward it to Megan and set up 30
 * minutes with her": replace "her", "him" and "them" by the people named in the request
 * before. A pronoun with nobody before it is a question.
 */
export function resolvePronouns(specs: readonly BuildableSpec[]): Result<BuildableSpec[]> {
  let previous: readonly string[] = [];
  const out: BuildableSpec[] = [];
  const replace = (names: readonly string[]): readonly string[] | undefined => {
    if (!names.some((name) => PRONOUN.test(name))) return names;
    if (previous.length === 0) return undefined;
    return names.flatMap((name) => (PRONOUN.test(name) ? previous : [name]));
  };
  for (const spec of specs) {
    if (spec.kind === 'domain') {
      const lens = spec.intent.people;
      const names = lens?.get(spec.value) ?? [];
      const replaced = replace(names);
      if (!replaced || (replaced !== names && !lens?.set)) return refuse(text.DANGLING_PRONOUN);
      out.push(replaced === names || !lens?.set ? spec : { ...spec, value: lens.set(spec.value, replaced) });
      if (replaced.length > 0) previous = replaced;
      continue;
    }
    if (spec.kind === 'meeting') {
      const names = replace(spec.names);
      if (!names) return refuse(text.DANGLING_PRONOUN);
      out.push({ ...spec, names });
      previous = names;
      continue;
    }
    const destinations: Destination[] = [];
    for (const destination of spec.destinations) {
      if (destination.kind === 'channel') {
        destinations.push(destination);
        continue;
      }
      const names = destination.kind === 'personOrChannel' ? [destination.text] : destination.names;
      const replaced = replace(names);
      if (!replaced) return refuse(text.DANGLING_PRONOUN);
      const kind = destination.kind === 'chat' ? 'chat' : 'people';
      destinations.push(replaced === names ? destination : { kind, names: replaced });
      previous = replaced;
    }
    out.push({ ...spec, destinations });
  }
  return ok(out);
}
