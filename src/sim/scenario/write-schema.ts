/**
 * `npm run schema`: writes scenarios/scenario.schema.json from the zod schema, so editors validate
 * scenario files against exactly what the loader accepts. A test fails when the committed file
 * differs from what this writes.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from './file-schema.ts';

const target = fileURLToPath(new URL('../../../scenarios/scenario.schema.json', import.meta.url));
await writeFile(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
