import Ajv from 'ajv';
import { createCatalogue } from '../../../src/actions';
import { STRICT_LIMITS, strictSchemaProblems } from '../../../src/planning/llm/schema-limits';
import { planAnswerSchema, withoutNulls } from '../../../src/planning/llm/strict-schema';
import { noGraph } from './harness';
import { ScriptedLlm } from './scripted-llm';

const full = createCatalogue(noGraph, { llm: new ScriptedLlm([]) });
const schema = planAnswerSchema(full);

describe('the strict plan schema', () => {
  it('fits the published strict-mode limits for the full catalogue (compose actions included)', () => {
    const { problems, size } = strictSchemaProblems(schema);
    expect(problems).toEqual([]);
    expect(size.properties).toBeLessThanOrEqual(STRICT_LIMITS.maxProperties);
    expect(size.depth).toBeLessThanOrEqual(STRICT_LIMITS.maxDepth);
    expect(size.enumValues).toBeLessThanOrEqual(STRICT_LIMITS.maxEnumValues);
    expect(size.stringChars).toBeLessThanOrEqual(STRICT_LIMITS.maxTotalStringChars);
    // One step alternative per action, discriminated by the action's name.
    const steps = schema.properties as { steps: { anyOf: [{ items: { anyOf: unknown[] } }] } };
    expect(steps.steps.anyOf[0].items.anyOf).toHaveLength(full.list().length);
  });

  it('the validator catches what the service would refuse', () => {
    const deep = (levels: number): Record<string, unknown> =>
      levels === 0
        ? { type: 'string' }
        : {
            type: 'object',
            properties: { x: deep(levels - 1) },
            required: ['x'],
            additionalProperties: false,
          };
    expect(strictSchemaProblems(deep(10)).problems).toEqual([]);
    expect(strictSchemaProblems(deep(11)).problems).toEqual(['11 levels of nesting (at most 10)']);
    const loose = { type: 'object', properties: { a: { type: 'string', minLength: 1 } }, required: [] };
    expect(strictSchemaProblems(loose).problems).toEqual([
      '(root): additionalProperties must be false',
      '(root): not required: a',
      '(root).a: keyword "minLength" is not supported in strict mode',
    ]);
    const values = Array.from({ length: 1001 }, (_, i) => `v${i}`);
    const big = {
      type: 'object',
      properties: { e: { type: 'string', enum: values } },
      required: ['e'],
      additionalProperties: false,
    };
    expect(strictSchemaProblems(big).problems).toContain('1001 enum values (at most 1000)');
  });

  it('moves what the subset cannot say into descriptions, and accepts a real plan with nulls and references', () => {
    // The keywords themselves are refused by the validator (see above); their meaning is kept in words.
    const text = JSON.stringify(schema);
    expect(text).toContain('format email');
    expect(text).toContain('at least 1 characters; at most 255 characters');
    const answer = {
      kind: 'plan',
      title: 'Summarise Contoso mail for Megan',
      steps: [
        {
          action: 'mail.search',
          input: { from: 'Contoso', unread: null },
          rationale: 'Find the mail',
        },
      ],
      question: null,
      options: null,
      message: null,
    };
    const validate = new Ajv({ strict: false }).compile(schema);
    // Only the fields the action has are allowed; each missing one must be given as null.
    const searchStep = (
      schema.properties as { steps: { anyOf: [{ items: { anyOf: { properties: { input: unknown } }[] } }] } }
    ).steps.anyOf[0].items.anyOf.find((s) => JSON.stringify(s).includes('"mail.search"'));
    const fields = Object.keys((searchStep?.properties.input as { properties: object }).properties);
    const input = Object.fromEntries(fields.map((f) => [f, null]));
    const step = { ...answer.steps[0], input: { ...input, from: { $ref: 's0.x' } } };
    expect(validate({ ...answer, steps: [step] })).toBe(true);
    expect(validate({ ...answer, steps: [{ ...step, input: { ...input, nosuchfield: 1 } }] })).toBe(false);
    expect(validate({ ...answer, steps: [{ ...step, action: 'mail.nosuchaction' }] })).toBe(false);
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, 2] })).toEqual({ b: { d: 1 }, e: [null, 2] });
  });
});
