import type { ActionSpec, EditableField } from './catalogue';

/** The parts of a Zod 4 schema this module reads; anything else is left alone. */
interface SchemaLike {
  readonly shape?: Record<string, SchemaLike>;
  readonly def?: { readonly type?: string; readonly innerType?: SchemaLike };
  readonly minValue?: number | null;
  readonly maxValue?: number | null;
  readonly isOptional?: () => boolean;
}

/**
 * An action's editable fields with what its input schema says about each (number bounds, whether
 * it may be empty), so the card checks what the server will check and the two never disagree.
 */
export function editableFields(spec: Pick<ActionSpec, 'editable' | 'input'>): EditableField[] {
  const shape = (spec.input as unknown as SchemaLike).shape ?? {};
  return spec.editable.map((field) => {
    const schema = shape[field.name];
    if (!schema) return field;
    const inner = unwrap(schema);
    const required = field.required ?? !(schema.isOptional?.() ?? true);
    if (field.kind !== 'number' || inner.def?.type !== 'number') return { ...field, required };
    return {
      ...field,
      required,
      min: field.min ?? finite(inner.minValue),
      max: field.max ?? finite(inner.maxValue),
    };
  });
}

function unwrap(schema: SchemaLike): SchemaLike {
  let at = schema;
  for (let i = 0; i < 5 && at.def?.innerType; i++) at = at.def.innerType;
  return at;
}

function finite(n: number | null | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
}
