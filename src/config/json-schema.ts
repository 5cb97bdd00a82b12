/**
 * The JSON Schema editors use to complete and check the config as it is typed
 * (config/execution-coach.schema.json), generated from the zod schema so the two never differ.
 */
import { z } from 'zod';
import { configSchema } from './schema/config';

/** Where `npm run schema` writes it, relative to the repository root; the YAML refers to it. */
export const JSON_SCHEMA_FILE = 'config/execution-coach.schema.json';

/**
 * Draft-07 because it is the draft editors' YAML and JSON language servers support best. The
 * input side (`io: 'input'`) is what an admin writes: fields with defaults are optional.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-07', io: 'input' });
  return { $schema: generated.$schema, title: 'Execution Coach configuration', ...generated };
}

/** The file's exact text: two-space indentation and a final newline, as committed. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
