/**
 * The Salesforce type of each selected field path, from the describes of the object and of the
 * objects its lookups point to: what Bulk CSV strings are converted back into.
 */
import type { FieldTypes } from './bulk-csv';
import type { ObjectDescribe } from './describe';

/**
 * Types of `paths` on `object`. A path through a polymorphic lookup (`Who.Name`) or into an
 * object the org hides gets no entry, and its values stay strings.
 */
export async function fieldTypesOf(
  object: string,
  paths: readonly string[],
  describe: (object: string) => Promise<ObjectDescribe | null>,
): Promise<FieldTypes> {
  const described = new Map<string, Promise<ObjectDescribe | null>>();
  // One describe per object however many paths go through it.
  const describeOnce = (name: string): Promise<ObjectDescribe | null> => {
    const key = name.toLowerCase();
    const pending = described.get(key) ?? describe(name);
    described.set(key, pending);
    return pending;
  };
  const types = new Map<string, string>();
  for (const path of paths) {
    const type = await typeOfPath(object, path.split('.'), describeOnce);
    if (type !== null) types.set(path.toLowerCase(), type);
  }
  return types;
}

async function typeOfPath(
  object: string,
  segments: readonly string[],
  describe: (object: string) => Promise<ObjectDescribe | null>,
): Promise<string | null> {
  const described = await describe(object);
  const [head, ...rest] = segments;
  if (described === null || head === undefined) return null;
  const lower = head.toLowerCase();
  if (rest.length === 0) return described.fields.find((field) => field.name.toLowerCase() === lower)?.type ?? null;
  const lookup = described.fields.find((field) => field.relationshipName?.toLowerCase() === lower);
  const [target] = lookup?.referenceTo ?? [];
  if (lookup === undefined || lookup.referenceTo.length !== 1 || target === undefined) return null;
  return typeOfPath(target, rest, describe);
}
