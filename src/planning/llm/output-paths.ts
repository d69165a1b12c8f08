import type { ActionSpec, Catalogue } from '../../engine/catalogue';
import type { StepDraft } from '../../engine/ports';
import { parseRef, refsIn } from '../../engine/refs';
import { jsonSchemaOf } from './prompt/catalogue-text';

/**
 * The paths of an action's output that a later step may reference, read from its output
 * schema: what the model needs to write `{"$ref": "s1.messages.0.id"}`, without the whole
 * schema in the prompt, and what a reference is checked against at planning.
 */

type Json = Record<string, unknown>;

/** Arrays are written `[]` in the listed paths; a reference uses an index there (`messages.0.id`). */
const ARRAY = '[]';
/** Paths are listed down to this depth; deeper ones are still checked. */
const LISTED_DEPTH = 3;

const cache = new WeakMap<ActionSpec, Json>();

function outputSchema(spec: ActionSpec): Json {
  let schema = cache.get(spec);
  if (!schema) {
    schema = jsonSchemaOf(spec.output, 'output');
    cache.set(spec, schema);
  }
  return schema;
}

/** The alternatives of a schema node (anyOf / oneOf), or the node itself. */
function options(node: Json): Json[] {
  const alternatives = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  return alternatives ? alternatives.flatMap(options) : [node];
}

/** A node whose shape is not known (free-form object or any value): every path below it is allowed. */
function isOpen(node: Json): boolean {
  if (Object.keys(node).length === 0) return true;
  const additional = node.additionalProperties;
  return (node.type === 'object' || node.type === undefined) && !node.properties && additional !== false;
}

/** The output paths of an action, e.g. `messages[].id`, `messages[].subject`, `count`. */
export function outputPaths(spec: ActionSpec): string[] {
  const paths: string[] = [];
  const visit = (node: Json, prefix: string, depth: number): void => {
    for (const option of options(node)) {
      if (option.properties && depth < LISTED_DEPTH) {
        for (const [name, child] of Object.entries(option.properties as Record<string, Json>)) {
          const path = prefix ? `${prefix}.${name}` : name;
          const before = paths.length;
          visit(child, path, depth + 1);
          if (paths.length === before) paths.push(path);
        }
      } else if (option.type === 'array' && option.items) {
        visit(option.items as Json, `${prefix}${ARRAY}`, depth);
      }
    }
  };
  visit(outputSchema(spec), '', 0);
  return [...new Set(paths)];
}

/** Whether `path` (as a reference writes it: names and indexes) exists in the output schema. */
export function hasOutputPath(spec: ActionSpec, path: readonly string[]): boolean {
  const reach = (node: Json, rest: readonly string[]): boolean => {
    if (rest.length === 0) return true;
    const [head, ...tail] = rest as [string, ...string[]];
    return options(node).some((option) => {
      if (isOpen(option)) return true;
      if (option.type === 'array' && option.items) return /^\d+$/.test(head) && reach(option.items as Json, tail);
      const child = (option.properties as Record<string, Json> | undefined)?.[head];
      return child !== undefined && reach(child, tail);
    });
  };
  return reach(outputSchema(spec), path);
}

/** Every reference in the drafts that points at nothing in its step's output schema, in plain words. */
export function badReferences(drafts: readonly StepDraft[], catalogue: Catalogue): string[] {
  const problems: string[] = [];
  drafts.forEach((draft, index) => {
    for (const ref of refsIn(draft.input)) {
      const parsed = parseRef(ref);
      const source = parsed ? drafts[Number(parsed.stepId.slice(1)) - 1] : undefined;
      const spec = source ? catalogue.get(source.action) : undefined;
      if (!parsed || !spec || Number(parsed.stepId.slice(1)) - 1 >= index) continue; // the plan builder names these
      if (hasOutputPath(spec, parsed.path)) continue;
      const listed = outputPaths(spec).slice(0, 12).join(', ');
      problems.push(
        `s${index + 1}: "${ref.$ref}" is not in the output of ${spec.name} (${parsed.stepId}); its output has: ${listed}`,
      );
    }
  });
  return problems;
}
