import type { ActionSpec, Catalogue } from '../../engine/catalogue';
import { jsonSchemaOf } from './prompt/catalogue-text';

/**
 * The plan answer as a strict structured-output schema, generated per catalogue, so that the
 * service itself guarantees the shape: a step is one of the catalogue's actions with that
 * action's input (a discriminated union on `action`), not a free-form object.
 *
 * Strict mode accepts a subset of JSON Schema (OpenAI "Structured Outputs: supported schemas";
 * Azure OpenAI follows it): every property required, optional ones nullable instead,
 * `additionalProperties: false` on every object, and only structural keywords. What the subset
 * cannot say (lengths, formats, bounds, defaults) is moved into the description, and zod checks
 * it after the answer (the engine's plan builder validates every input against its action).
 * Any input field may instead be a reference to an earlier step's output, `{"$ref": "s1.path"}`.
 */

type Json = Record<string, unknown>;

/** Keywords the strict subset keeps; everything else moves into the description. */
const STRUCTURAL = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
]);

/** How a moved keyword reads in a description. */
const WORDS: Readonly<Record<string, (value: unknown) => string>> = {
  minLength: (v) => `at least ${String(v)} characters`,
  maxLength: (v) => `at most ${String(v)} characters`,
  minItems: (v) => `at least ${String(v)} items`,
  maxItems: (v) => `at most ${String(v)} items`,
  minimum: (v) => `minimum ${String(v)}`,
  maximum: (v) => `maximum ${String(v)}`,
  exclusiveMinimum: (v) => `greater than ${String(v)}`,
  exclusiveMaximum: (v) => `less than ${String(v)}`,
  format: (v) => `format ${String(v)}`,
  pattern: (v) => `matching ${String(v)}`,
  default: (v) => `default ${JSON.stringify(v)}`,
};

/** A reference to an earlier step's output, allowed wherever a value is; defined once, under `$defs`. */
const REFERENCE_DEFINITION: Json = {
  type: 'object',
  properties: { $ref: { type: 'string', description: 's<N>.<output path> of an earlier step' } },
  required: ['$ref'],
  additionalProperties: false,
};

/** A JSON Schema (as zod writes it for an action's input) in the strict subset. */
export function strictOf(schema: Json): Json {
  const notes: string[] = [];
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description') continue;
    if (STRUCTURAL.has(key)) continue;
    const words = WORDS[key];
    if (words) notes.push(words(value));
  }
  const description = [schema.description, ...notes].filter((d) => typeof d === 'string' && d !== '').join('; ');
  if (Array.isArray(schema.anyOf)) {
    out.anyOf = (schema.anyOf as Json[]).map(strictOf);
  } else if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    const required = new Set((schema.required ?? []) as string[]);
    out.type = 'object';
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => {
        const strict = strictOf(property);
        return [name, required.has(name) ? strict : nullable(strict)];
      }),
    );
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  } else {
    if (schema.type !== undefined) out.type = schema.type;
    if (schema.items !== undefined) out.items = strictOf(schema.items as Json);
    if (schema.enum !== undefined) out.enum = schema.enum;
    if (schema.const !== undefined) out.const = schema.const;
    if (out.type === undefined && out.enum === undefined && out.const === undefined)
      out.anyOf = [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }];
  }
  if (description) out.description = description;
  return out;
}

/** Optional becomes "required, but may be null". */
function nullable(schema: Json): Json {
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf as Json[];
    return options.some((o) => o.type === 'null') ? schema : { ...schema, anyOf: [...options, { type: 'null' }] };
  }
  const { description, ...rest } = schema;
  return {
    anyOf: [rest, { type: 'null' }],
    ...(description === undefined ? {} : { description }),
  };
}

/** A field's schema that also accepts a reference to an earlier step's output. */
function orReference(schema: Json): Json {
  const { description, ...rest } = schema;
  const options = Array.isArray(rest.anyOf) && Object.keys(rest).length === 1 ? (rest.anyOf as Json[]) : [rest];
  return { anyOf: [...options, { $ref: '#/$defs/reference' }], ...(description === undefined ? {} : { description }) };
}

/** One step of `spec`: the action's name as a constant, its input, and a rationale. */
export function stepSchema(spec: ActionSpec): Json {
  const input = strictOf(jsonSchemaOf(spec.input, 'input'));
  const properties = (input.properties ?? {}) as Record<string, Json>;
  return {
    type: 'object',
    properties: {
      action: { type: 'string', enum: [spec.name] },
      input: {
        ...input,
        properties: Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, orReference(p)])),
      },
      rationale: { type: 'string' },
    },
    required: ['action', 'input', 'rationale'],
    additionalProperties: false,
  };
}

/** The whole answer: a plan, a question or a refusal; fields of the other kinds are null. */
export function planAnswerSchema(catalogue: Catalogue): Json {
  const nullableString = { type: ['string', 'null'] };
  return {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['plan', 'question', 'unplannable'] },
      title: nullableString,
      steps: { anyOf: [{ type: 'array', items: { anyOf: catalogue.list().map(stepSchema) } }, { type: 'null' }] },
      question: nullableString,
      options: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] },
      message: nullableString,
    },
    required: ['kind', 'title', 'steps', 'question', 'options', 'message'],
    additionalProperties: false,
    $defs: { reference: REFERENCE_DEFINITION },
  };
}

/** Strict answers say "absent" as null; the actions' zod schemas say it by leaving the field out. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}
