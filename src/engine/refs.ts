import type { Step } from './model';

/** A whole-value reference to an earlier step's output: `{ "$ref": "s2.summary" }`. */
export interface StepRef {
  readonly $ref: string;
}

const REF_PATTERN = /^(s\d+)((?:\.[A-Za-z0-9_]+)*)$/;

export function isRef(value: unknown): value is StepRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

/** Parse `s2.items.0.start` into the step id and the path inside its output. */
export function parseRef(ref: StepRef): { stepId: string; path: string[] } | undefined {
  const match = REF_PATTERN.exec(ref.$ref);
  if (!match || match[1] === undefined) return undefined;
  const path = (match[2] ?? '').split('.').filter((part) => part.length > 0);
  return { stepId: match[1], path };
}

/** Every reference in an input, top-level or nested in arrays and objects. */
export function refsIn(value: unknown): StepRef[] {
  if (isRef(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(refsIn);
  return [];
}

/** The outcome of resolving one step's input against the outputs of earlier steps. */
export type Resolution =
  { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly problem: string };

/**
 * Replace every reference in `input` by the value it points to. Only steps before `self` in
 * the plan that succeeded can be referenced; anything else is a problem, never a guess.
 */
export function resolveInput(input: Record<string, unknown>, steps: readonly Step[], self: Step): Resolution {
  const earlier = steps.slice(0, steps.indexOf(self));
  const problems: string[] = [];
  const resolve = (value: unknown): unknown => {
    if (isRef(value)) {
      const parsed = parseRef(value);
      const source = parsed && earlier.find((s) => s.id === parsed.stepId);
      if (!parsed || !source) {
        problems.push(`"${value.$ref}" does not name an earlier step`);
        return undefined;
      }
      if (source.status !== 'succeeded') {
        problems.push(`step ${source.id} (needed for "${value.$ref}") did not succeed`);
        return undefined;
      }
      const found = walk(source.output, parsed.path);
      if (found === undefined) problems.push(`step ${source.id}'s output has nothing at "${value.$ref}"`);
      return found;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    }
    return value;
  };
  const value = resolve(input) as Record<string, unknown>;
  return problems.length > 0 ? { ok: false, problem: problems.join('; ') } : { ok: true, value };
}

function walk(value: unknown, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * The items a step acts on by id: for each reference ending in `.id` (e.g. `s1.messages.0.id`),
 * the object it was taken from in that earlier step's output. Lets policy see facts of those
 * items (a message's attachments) once the earlier step has run.
 */
export function referencedItems(input: unknown, steps: readonly Step[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (const ref of refsIn(input)) {
    const parsed = parseRef(ref);
    if (!parsed || parsed.path.at(-1) !== 'id') continue;
    const source = steps.find((s) => s.id === parsed.stepId);
    const item = walk(source?.output, parsed.path.slice(0, -1));
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) items.push(item as Record<string, unknown>);
  }
  return items;
}
