import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesIndexMarkdown } from '../src/checker/rules-index-doc.js';
import { configValidatorSource } from '../src/config/validator-source.js';
import { ALL_RULES } from '../src/rules/index.js';
import { fromRoot } from './helpers/paths.js';

describe('generated files are current (npm run generate)', () => {
  it('src/generated/config-validator.js matches schemas/config.schema.json', () => {
    expect(readFileSync(fromRoot('src/generated/config-validator.js'), 'utf8')).toBe(configValidatorSource());
  });

  it('docs/rules/README.md lists every rule', () => {
    const text = readFileSync(fromRoot('docs/rules/README.md'), 'utf8');
    expect(text).toBe(rulesIndexMarkdown(ALL_RULES));
    for (const rule of ALL_RULES) expect(text).toContain(`(${rule.meta.id}.md)`);
  });
});
