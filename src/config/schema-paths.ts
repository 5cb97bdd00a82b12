/**
 * Walks the config schema along a path of the input, to find what is valid there: the keys an
 * object accepts (for "did you mean" on unknown keys) and a field's description (for the hint
 * on a missing key).
 */
import { z } from 'zod';

/** Optional, default and transform wrappers say nothing about the shape: look through them. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function valueAt(data: unknown, key: PropertyKey): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<PropertyKey, unknown>)[key] : undefined;
}

/** The option of a discriminated union that the data selects (by its `kind`). */
function selectedOption(union: z.ZodDiscriminatedUnion, data: unknown): z.ZodType | undefined {
  const discriminator = union.def.discriminator;
  const chosen = valueAt(data, discriminator);
  return union.options.find((option) => {
    const inner = unwrap(option as z.ZodType);
    if (!(inner instanceof z.ZodObject)) return false;
    const tag: unknown = inner.shape[discriminator];
    return tag instanceof z.ZodLiteral && tag.values.has(chosen as z.core.util.Literal);
  }) as z.ZodType | undefined;
}

/** The object schema in effect for `data` (a union resolves to the option the data selects). */
function asObject(schema: z.ZodType, data: unknown): z.ZodObject | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return inner;
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const option = selectedOption(inner, data);
    return option === undefined ? undefined : asObject(option, data);
  }
  return undefined;
}

/** The schema at `path`, walked alongside the input so unions pick the right option. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[], input: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let data = input;
  for (const segment of path) {
    if (schema === undefined) return undefined;
    const inner = unwrap(schema);
    if (inner instanceof z.ZodArray) schema = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) schema = inner.valueType as z.ZodType;
    else schema = asObject(inner, data)?.shape[String(segment)] as z.ZodType | undefined;
    data = valueAt(data, segment);
  }
  return schema;
}

/** Keys the object at `path` accepts, or none when there is no object schema there. */
export function keysAt(root: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  const schema = schemaAt(root, path, input);
  if (schema === undefined) return [];
  let data = input;
  for (const segment of path) data = valueAt(data, segment);
  const object = asObject(schema, data);
  return object === undefined ? [] : Object.keys(object.shape);
}

/** The description written on the field at `path`, if any. */
export function descriptionAt(root: z.ZodType, path: readonly PropertyKey[], input: unknown): string | undefined {
  return schemaAt(root, path, input)?.description;
}
