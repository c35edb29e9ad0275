import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { loadConfigFile } from '../../src/configuration.js';
import { lintFiles } from '../../src/lint.js';
import { formatSop } from '../../src/fmt/format.js';
import { documentShape, findingShape } from '../../src/fmt/verify.js';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 120_000 });

const root = join(__dirname, '..', '..');
const files = ['sops', 'test/fixtures/offices'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.sop'))
    .map((f) => join(dir, f)),
);

describe('soplint fmt on the bundled book and the offices fixtures', () => {
  it.each(files)('%s: idempotent, same document, same syntax findings', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const once = formatSop(text);
    expect(formatSop(once)).toBe(once);
    const before = parseSop(text);
    const after = parseSop(once);
    expect(documentShape(after)).toBe(documentShape(before));
    expect(findingShape(after)).toEqual(findingShape(before));
  });
});

// CI runs `npm test`: this is where it checks that the book and the fixtures stay in fmt's layout.
describe('the bundled book and the office fixtures are in the canonical layout', { timeout: 120_000 }, () => {
  it.each(['sops/', 'test/fixtures/offices/'])('soplint fmt --check %s exits 0 and lists nothing', (dir) => {
    const run = runCli(['fmt', '--check', dir], { cwd: root });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

// The guard against line starts that read differently, on real text: every width from 40 up.
describe('soplint fmt on the bundled book at other widths', { timeout: 300_000 }, () => {
  it.each([40, 45, 50, 60, 70, 80, 120])('width %i: idempotent, same document, same syntax findings, same rule findings', (width) => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-fmt-book-'));
    mkdirSync(join(dir, 'sops'));
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      const once = formatSop(text, { width });
      expect(formatSop(once, { width }), file).toBe(once);
      const before = parseSop(text);
      const after = parseSop(once);
      expect(documentShape(after), file).toBe(documentShape(before));
      expect(findingShape(after), file).toEqual(findingShape(before));
      if (file.startsWith('sops/')) writeFileSync(join(dir, file), once);
    }
    // The checker's findings (suppressions included) are the same, only at other lines.
    const book = readdirSync(join(root, 'sops')).filter((f) => f.endsWith('.sop'));
    const findings = (at: string) =>
      lintFiles(
        book.map((f) => join(at, 'sops', f)),
        { cwd: at, config: loadConfigFile(join(root, '.soplintrc.yaml'), at) },
      )
        .diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message.en}`)
        .sort();
    const original = findings(root);
    expect(original.length).toBeGreaterThan(100);
    expect(findings(dir)).toEqual(original);
  });
});
