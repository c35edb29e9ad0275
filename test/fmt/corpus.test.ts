import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { formatSop } from '../../src/fmt/format.js';
import { documentShape, findingShape } from '../../src/fmt/verify.js';

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
