import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
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
