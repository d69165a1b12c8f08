import { z } from 'zod';
import type { ActionSpec, Catalogue } from '../../../engine/catalogue';

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

/** One action as the model sees it: name, risk, what it does, its input and output. */
export function describeAction(spec: ActionSpec): string {
  return [
    `### ${spec.name} (risk: ${spec.risk})`,
    spec.description,
    `Input schema: ${JSON.stringify(jsonSchemaOf(spec.input, 'input'))}`,
    `Output schema: ${JSON.stringify(jsonSchemaOf(spec.output, 'output'))}`,
  ].join('\n');
}

/** Every action of the catalogue, in catalogue order. */
export function catalogueText(catalogue: Catalogue): string {
  return catalogue.list().map(describeAction).join('\n\n');
}
