import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'soplint-atomic-'));

describe('writeFileAtomic', () => {
  it('writes a new file (and its folder), leaving no temp file', () => {
    const dir = scratch();
    writeFileAtomic(join(dir, 'out/report.json'), '{}\n');
    expect(readFileSync(join(dir, 'out/report.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it("replaces a file's content and keeps its permissions", () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'lama\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'baru\n');
    expect(readFileSync(file, 'utf8')).toBe('baru\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link: the link stays, its target gets the content', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'target.sop'), 'lama\n');
    symlinkSync(join(dir, 'target.sop'), join(dir, 'link.sop'));
    writeFileAtomic(join(dir, 'link.sop'), 'baru\n');
    expect(lstatSync(join(dir, 'link.sop')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.sop'), 'utf8')).toBe('baru\n');
  });

  it('leaves the old file whole and no temp file when the write fails', () => {
    const dir = scratch();
    const file = join(dir, 'a.sop');
    writeFileSync(file, 'lama\n');
    // A folder where the temp file's folder should be: the write fails before the rename.
    expect(() => writeFileAtomic(join(file, 'x.json'), 'baru\n')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('lama\n');
    expect(readdirSync(dir)).toEqual(['a.sop']);
  });
});
