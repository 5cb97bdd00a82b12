/** `npm run schema`: regenerates config/execution-coach.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSON_SCHEMA_FILE, renderConfigJsonSchema } from '../src/config';

const target = resolve(__dirname, '..', JSON_SCHEMA_FILE);
writeFileSync(target, renderConfigJsonSchema());
process.stdout.write(`wrote ${JSON_SCHEMA_FILE}\n`);
