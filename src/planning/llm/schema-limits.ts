/**
 * The published limits of OpenAI structured outputs in strict mode (Azure OpenAI applies the
 * same), as of the "Supported schemas" section of the Structured Outputs guide:
 *
 * - the root is an object, not `anyOf`;
 * - every object lists all its properties as `required` and has `additionalProperties: false`;
 * - at most 5,000 object properties in total, and at most 10 levels of object nesting;
 * - at most 1,000 enum values in total; one enum of more than 250 string values may hold at
 *   most 15,000 characters;
 * - property names, definition names, enum values and const values: at most 120,000
 *   characters together;
 * - only supported keywords (the conservative set below: structure, enums and descriptions).
 */
export const STRICT_LIMITS = {
  maxProperties: 5_000,
  maxDepth: 10,
  maxEnumValues: 1_000,
  maxTotalStringChars: 120_000,
  largeEnumValues: 250,
  maxLargeEnumChars: 15_000,
} as const;

const KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  '$defs',
  '$ref',
]);

/** What a schema uses of each limit. */
export interface SchemaSize {
  readonly properties: number;
  readonly depth: number;
  readonly enumValues: number;
  readonly stringChars: number;
}

type Json = Record<string, unknown>;

/** Every way `schema` breaks the strict subset or its limits (empty when it fits), and its size. */
export function strictSchemaProblems(schema: Json): { problems: string[]; size: SchemaSize } {
  const problems: string[] = [];
  let properties = 0;
  let depth = 0;
  let enumValues = 0;
  let stringChars = 0;

  const visit = (node: Json, path: string, level: number): void => {
    for (const key of Object.keys(node))
      if (!KEYWORDS.has(key)) problems.push(`${path}: keyword "${key}" is not supported in strict mode`);
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes('object') || node.properties !== undefined) {
      depth = Math.max(depth, level);
      const props = (node.properties ?? {}) as Record<string, Json>;
      const names = Object.keys(props);
      properties += names.length;
      stringChars += names.reduce((sum, name) => sum + name.length, 0);
      if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
      const required = new Set((node.required ?? []) as string[]);
      const missing = names.filter((name) => !required.has(name));
      if (missing.length > 0) problems.push(`${path}: not required: ${missing.join(', ')}`);
      for (const [name, child] of Object.entries(props)) visit(child, `${path}.${name}`, level + 1);
    }
    if (Array.isArray(node.enum)) {
      enumValues += node.enum.length;
      const chars = node.enum.reduce<number>((sum, value) => sum + String(value).length, 0);
      stringChars += chars;
      if (node.enum.length > STRICT_LIMITS.largeEnumValues && chars > STRICT_LIMITS.maxLargeEnumChars)
        problems.push(`${path}: an enum of ${node.enum.length} values holds ${chars} characters`);
    }
    if (node.const !== undefined) stringChars += String(node.const).length;
    if (node.items && typeof node.items === 'object') visit(node.items as Json, `${path}[]`, level);
    if (Array.isArray(node.anyOf)) (node.anyOf as Json[]).forEach((option, i) => visit(option, `${path}|${i}`, level));
    for (const [name, definition] of Object.entries((node.$defs ?? {}) as Record<string, Json>)) {
      stringChars += name.length;
      visit(definition, `$defs.${name}`, 1);
    }
  };

  if (schema.type !== 'object' || schema.anyOf !== undefined) problems.push('the root must be an object, not anyOf');
  visit(schema, '(root)', 1);
  if (properties > STRICT_LIMITS.maxProperties)
    problems.push(`${properties} object properties (at most ${STRICT_LIMITS.maxProperties})`);
  if (depth > STRICT_LIMITS.maxDepth) problems.push(`${depth} levels of nesting (at most ${STRICT_LIMITS.maxDepth})`);
  if (enumValues > STRICT_LIMITS.maxEnumValues)
    problems.push(`${enumValues} enum values (at most ${STRICT_LIMITS.maxEnumValues})`);
  if (stringChars > STRICT_LIMITS.maxTotalStringChars)
    problems.push(`${stringChars} characters of names and values (at most ${STRICT_LIMITS.maxTotalStringChars})`);
  return { problems, size: { properties, depth, enumValues, stringChars } };
}
