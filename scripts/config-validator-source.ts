/** The config schema compiled ahead of time by ajv's standalone mode (see scripts/generate.ts). */
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function configValidatorSource(): string {
  const schemaPath = fileURLToPath(new URL('../schemas/config.schema.json', import.meta.url));
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictTuples: false, code: { source: true, esm: true } });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  return `// Generated from schemas/config.schema.json by scripts/generate.ts; do not edit.\n${standaloneCode.default(ajv, validate)}\n`;
}
