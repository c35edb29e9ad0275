/** ajv (draft 2020-12) with formats, compiled once per schema file. */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { fromRoot } from './paths.js';

const cache = new Map<string, ValidateFunction>();

export function schemaValidator(schemaFile: string): ValidateFunction {
  let validate = cache.get(schemaFile);
  if (!validate) {
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(fromRoot('schemas', schemaFile), 'utf8')));
    cache.set(schemaFile, validate);
  }
  return validate;
}
