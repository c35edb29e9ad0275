/**
 * The layers of the pipeline import downward only (style.md, practice 12): a stage never imports a
 * later one, and the peers of one layer (config, report formats, renderers) never import each other.
 * This test reads every import of src/ and fails on one that climbs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from './helpers/paths.js';

/** Folder (or top-level file) of src/ → its rank; a module may import only modules of a lower rank, or of its own folder. */
const RANK: Record<string, number> = {
  util: 0,
  generated: 0,
  diagnostics: 1,
  io: 2,
  syntax: 3,
  ast: 4,
  resolve: 5,
  rules: 6,
  config: 7,
  format: 7,
  emit: 7,
  fmt: 7,
  checker: 8,
  '(library)': 9,
  cli: 10,
  // The language server is a front end over the library, started by the command line (`soplint lsp`).
  lsp: 9.5,
};

function layerOf(file: string): string {
  const parts = relative(fromRoot('src'), file).split(/[\\/]/);
  return parts.length === 1 ? '(library)' : parts[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function climbingImports(): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(fromRoot('src'))) {
    const from = layerOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), match[1] ?? match[2]));
      const to = layerOf(target);
      if (from === to) continue;
      if (!(from in RANK) || !(to in RANK)) {
        problems.push(`${relative(fromRoot(), file)}: folder '${!(from in RANK) ? from : to}' has no layer in test/architecture.test.ts`);
        continue;
      }
      if (RANK[to] >= RANK[from]) problems.push(`${relative(fromRoot(), file)} (${from}) imports ${match[1] ?? match[2]} (${to})`);
    }
  }
  return problems;
}

describe('the layers', () => {
  it('import downward only', () => {
    expect(climbingImports()).toEqual([]);
  });

  it('would catch an import that climbs (the check itself works)', () => {
    // The engine imports config (lower): allowed. Rules importing the engine would not be.
    expect(RANK.rules).toBeLessThan(RANK.checker);
    const sample = "import { checkFile } from '../checker/file-phase.js';";
    const [match] = [...sample.matchAll(IMPORT)];
    const target = normalize(join(fromRoot('src/rules'), match[1]));
    expect(RANK[layerOf(target)]).toBeGreaterThanOrEqual(RANK.rules);
  });
});
