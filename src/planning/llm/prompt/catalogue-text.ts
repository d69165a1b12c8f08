import { z } from 'zod';
import type { ActionSpec, Catalogue } from '../../../engine/catalogue';
import { outputPaths } from '../output-paths';

/**
 * An action's schema as JSON Schema for the prompt. Input is described as the caller writes it
 * (defaults make fields optional); `$schema` and redundant detail are dropped, they only cost
 * tokens. Anything zod
 * cannot express (refinements, transforms) is left open and checked by zod after the answer.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      // zod's email regex and safe-integer bounds say nothing `format` and `integer` don't.
      if (jsonSchema.format === 'email') delete jsonSchema.pattern;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
  const { $schema: _dropped, ...rest } = json;
  return rest;
}

type Json = Record<string, unknown>;

/** A JSON-schema node as a short type: `string`, `integer (1–50, default 25)`, `"a"|"b"`, `{ x: string }[]`. */
export function typeText(node: Json, depth = 0): string {
  if (Array.isArray(node.anyOf)) return (node.anyOf as Json[]).map((n) => typeText(n, depth)).join(' | ');
  const notes: string[] = [];
  const range = [node.minimum, node.maximum].every((b) => b !== undefined)
    ? `${String(node.minimum)}–${String(node.maximum)}`
    : node.minimum !== undefined
      ? `≥${String(node.minimum)}`
      : node.maximum !== undefined
        ? `≤${String(node.maximum)}`
        : undefined;
  if (range) notes.push(range);
  if (node.maxItems !== undefined) notes.push(`≤${String(node.maxItems)} items`);
  if (typeof node.description === 'string') notes.push(node.description);
  const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  if (Array.isArray(node.enum)) return `${node.enum.map((v) => JSON.stringify(v)).join('|')}${suffix}`;
  if (node.type === 'array') return `${typeText((node.items ?? {}) as Json, depth)}[]${suffix}`;
  // A record passed along whole (mail messages from mail.search) is referenced, not written: its fields would only cost tokens.
  if (node.properties)
    return Object.keys(node.properties).length > MAX_INLINE_FIELDS && depth > 0
      ? `object${suffix}`
      : `{ ${fieldsText(node, depth + 1)} }${suffix}`;
  const base =
    node.format === 'email' ? 'email' : node.format === 'date-time' ? 'ISO date-time' : String(node.type ?? 'any');
  return `${base}${suffix}`;
}

/** An object's fields as `name: type; other?: type` (`?` = may be left out). */
function fieldsText(node: Json, depth = 0): string {
  const required = new Set((node.required ?? []) as string[]);
  return Object.entries((node.properties ?? {}) as Record<string, Json>)
    .map(([name, child]) => `${name}${required.has(name) ? '' : '?'}: ${typeText(child, depth + 1)}`)
    .join('; ');
}

/** Paths shown under one first segment; the rest exist (and are checked) but cost tokens. */
const MAX_GROUP_PATHS = 2;

/** Idempotency notes in descriptions matter to people reading the catalogue, not to planning. */
const RUN_NOTE =
  /\s*[^.]*\bonce per step, even when retried\.|\s*(?:Creates|Adds) exactly one [^.]* per step, even when retried\./g;

/** Nested objects with more fields than this are shown as `object`. */
const MAX_INLINE_FIELDS = 3;

/** Output paths grouped under their first segment: `messages[].{id, subject, from.name}, count`. */
export function pathsText(paths: readonly string[]): string {
  const groups = new Map<string, string[]>();
  // Paths inside nested lists (`posts[].replies[].id`) exist and are checked, but are left unlisted.
  for (const path of paths.filter((p) => p.split('[]').length <= 2)) {
    const cut = path.indexOf('.');
    const head = cut < 0 ? path : path.slice(0, cut);
    const rest = cut < 0 ? undefined : path.slice(cut + 1);
    const group = groups.get(head) ?? [];
    if (rest) group.push(rest);
    groups.set(head, group);
  }
  return [...groups.entries()]
    .map(([head, rest]) => {
      if (rest.length <= 1) return rest[0] ? `${head}.${rest[0]}` : head;
      const shown = rest.length > MAX_GROUP_PATHS ? [...rest.slice(0, MAX_GROUP_PATHS), '…'] : rest;
      return `${head}.{${shown.join(', ')}}`;
    })
    .join(', ');
}

/**
 * One action as the model sees it: name, purpose, its input fields, and the paths of its
 * output a later step may reference (not the whole output schema: the paths are all a
 * reference needs, and the strict answer schema carries the input's exact shape).
 */
export function describeAction(spec: ActionSpec): string {
  const input = jsonSchemaOf(spec.input, 'input');
  const fields = fieldsText(input);
  return [
    `### ${spec.name}: ${spec.description.replace(RUN_NOTE, '')}`,
    `Input: ${fields === '' ? '(none)' : fields}`,
    `Output: ${pathsText(outputPaths(spec)) || '(none)'}`,
  ].join('\n');
}

/** Every action of the catalogue, in catalogue order (a stable text: it opens the cached prompt prefix). */
export function catalogueText(catalogue: Catalogue): string {
  return catalogue.list().map(describeAction).join('\n\n');
}
