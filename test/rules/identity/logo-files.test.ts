import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../../src/lint.js';
import { imageKind } from '../../../src/io/image-kind.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('identity/logo on disk: the file is looked up next to the .sop file and read by its first bytes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'soplint-logo-'));
  mkdirSync(join(folder, 'logo'));
  writeFileSync(join(folder, 'logo', 'pemkot.png'), PNG);
  writeFileSync(join(folder, 'logo', 'pemkot.jpg'), JPEG);
  writeFileSync(join(folder, 'logo', 'pemkot.svg'), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(folder, 'logo', 'palsu.png'), 'not an image');
  writeFileSync(join(folder, 'logo', 'tanpa-akhiran'), PNG);
  const findings = (logo: string) => {
    const file = join(folder, `${logo.replace(/\W/g, '_')}.sop`);
    writeFileSync(file, `Logo: ${logo}\n`);
    return lintFiles([file], { cwd: folder })
      .diagnostics.filter((d) => d.ruleId === 'identity/logo')
      .map((d) => d.message.en);
  };

  it('knows PNG, JPEG and SVG by their bytes', () => {
    expect(imageKind(join(folder, 'logo', 'pemkot.png'))).toBe('png');
    expect(imageKind(join(folder, 'logo', 'pemkot.jpg'))).toBe('jpeg');
    expect(imageKind(join(folder, 'logo', 'pemkot.svg'))).toBe('svg');
    expect(imageKind(join(folder, 'logo', 'palsu.png'))).toBe('other');
    expect(imageKind(join(folder, 'logo', 'hilang.png'))).toBe('missing');
  });

  it('accepts an image that exists, and reports a missing file, a non-image and a misleading name', () => {
    for (const ok of ['logo/pemkot.png', 'logo/pemkot.jpg', 'logo/pemkot.svg']) expect(findings(ok), ok).toEqual([]);
    expect(findings('logo/hilang.png')).toEqual(["The logo file 'logo/hilang.png' is not found (looked up relative to this .sop file)."]);
    expect(findings('logo/palsu.png')).toEqual(["The logo 'logo/palsu.png' is not a PNG, JPEG or SVG image."]);
    expect(findings('logo/tanpa-akhiran')[0]).toMatch(/holds a PNG image, but its name does not end in/);
  });
});
