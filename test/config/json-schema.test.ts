import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema, JSON_SCHEMA_FILE, renderConfigJsonSchema } from '../../src/config';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths of properties whose schema has no description, walking into nested objects, arrays and unions. */
function undescribed(schema: unknown, path = ''): string[] {
  if (!isObject(schema)) return [];
  const missing: string[] = [];
  for (const [key, child] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (isObject(child) && typeof child.description !== 'string') missing.push(childPath);
    missing.push(...undescribed(child, childPath));
  }
  for (const nested of [
    schema.items,
    schema.additionalProperties,
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
  ]) {
    missing.push(...undescribed(nested, path));
  }
  return missing;
}

describe('the JSON Schema of the config', () => {
  it('given the committed schema file, then it is what the zod schema generates now (else run `npm run schema`)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', JSON_SCHEMA_FILE), 'utf8');
    const current = renderConfigJsonSchema();
    if (committed !== current)
      throw new Error(`${JSON_SCHEMA_FILE} is stale: run \`npm run schema\` and commit the result.`);
  });

  it('given the schema, then every property of every section has a description for editors', () => {
    expect(undescribed(configJsonSchema())).toEqual([]);
  });

  it('given the schema, then unknown keys are refused at every level', () => {
    const schema = configJsonSchema();
    expect(schema.additionalProperties).toBe(false);
    const sections = schema.properties as Record<string, JsonObject>;
    expect(sections.dealership?.additionalProperties).toBe(false);
    expect((sections.measures?.items as JsonObject).oneOf).toHaveLength(7);
  });
});
