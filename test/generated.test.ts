import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FINDING_IDS } from '../src/rules/builtin-findings.js';
import { docsPath } from '../src/rules/rule.js';
import { rulesIndexMarkdown } from '../scripts/rules-index-doc.js';
import { configValidatorSource } from '../scripts/config-validator-source.js';
import { ALL_RULES } from '../src/rules/index.js';
import { fromRoot } from './helpers/paths.js';
import { PIPELINE_FINDING } from '../src/diagnostics/pipeline-findings.js';
import { versionModuleSource } from '../scripts/version-source.js';

describe('generated files are current (npm run generate)', () => {
  it('src/generated/config-validator.js matches schemas/config.schema.json', () => {
    expect(readFileSync(fromRoot('src/generated/config-validator.js'), 'utf8')).toBe(configValidatorSource());
  });

  it('src/generated/version.ts holds the version of package.json', () => {
    expect(readFileSync(fromRoot('src/generated/version.ts'), 'utf8')).toBe(versionModuleSource());
    const { version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };
    expect(versionModuleSource()).toContain(`'${version}'`);
  });

  it('every pipeline finding id has its one description in the catalogue', () => {
    expect([...BUILTIN_FINDING_IDS].sort()).toEqual(Object.values(PIPELINE_FINDING).sort());
  });

  it('docs/rules/README.md lists every rule', () => {
    const text = readFileSync(fromRoot('docs/rules/README.md'), 'utf8');
    expect(text).toBe(rulesIndexMarkdown(ALL_RULES));
    for (const rule of ALL_RULES) expect(text).toContain(`(${rule.meta.id}.md)`);
  });

  it("every finding's docs link (JSON and SARIF reports) leads to a page, and to a heading on it", () => {
    for (const id of [...ALL_RULES.map((r) => r.meta.id), ...BUILTIN_FINDING_IDS]) {
      const [page, anchor] = docsPath(id).split('#');
      expect(existsSync(fromRoot(page)), id).toBe(true);
      if (anchor) {
        const headings = readFileSync(fromRoot(page), 'utf8').match(/^#+ .*$/gm) ?? [];
        const anchors = headings.map((h) =>
          h
            .replace(/^#+ /, '')
            .toLowerCase()
            .replace(/[^a-z0-9 -]/g, '')
            .replace(/ /g, '-'),
        );
        expect(anchors, id).toContain(anchor);
      }
    }
  });
});
