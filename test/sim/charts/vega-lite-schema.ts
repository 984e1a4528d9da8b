/**
 * Test helper: validates specs against the JSON Schema that the installed vega-lite ships, with
 * ajv. `strict` is off because the schema uses keywords and formats ajv's strict mode rejects;
 * its formats are declared here (`color-hex` checked for real, URIs accepted as written).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const path = require.resolve('vega-lite/vega-lite-schema.json');
    const schema = JSON.parse(readFileSync(path, 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
    ajv.addFormat('uri', true);
    ajv.addFormat('uri-reference', true);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** The schema errors of `spec` as `path: message` lines; empty when it is valid. */
export function vegaLiteSchemaErrors(spec: unknown): readonly string[] {
  const validate = validator();
  // A JSON round trip: the schema speaks of JSON, so `undefined` fields must not count.
  if (validate(JSON.parse(JSON.stringify(spec)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
