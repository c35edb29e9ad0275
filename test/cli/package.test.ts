/**
 * The npm package: what `npm pack` puts in it (only what runs, no source maps, no startup snapshot),
 * and a global install of the packed tarball that warns about nothing and runs with only node.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

// --ignore-scripts: `prepack` would rebuild dist/ under the feet of the other tests.
const pack = (...args: string[]) => spawnSync('npm', ['pack', '--ignore-scripts', '--json', ...args], { cwd: fromRoot(), encoding: 'utf8' });
const scratch = mkdtempSync(join(tmpdir(), 'soplint-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the launcher, the bundle, the docs and schemas, the licence: nothing else', { timeout: 120_000 }, () => {
    const packed = pack('--dry-run');
    expect(packed.status).toBe(0);
    const info = JSON.parse(packed.stdout)[0];
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    for (const needed of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/soplint.js',
      'dist/soplint.js',
      'dist/worker.js',
      'docs/rules/README.md',
      'docs/rules/flow/no-steps.md',
      'docs/form.md',
      'schemas/sop.schema.json',
      'schemas/report.schema.json',
      'dist/soplint.1',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const allowed = [
      /^(LICENSE|README\.md|package\.json|bin\/soplint\.js)$/,
      /^dist\/[\w-]+\.js$/,
      /^docs\/[\w-]+\.md$/,
      /^docs\/rules\/[\w/-]+\.md$/,
      /^schemas\/[\w.-]+\.json$/,
      /^fonts\/[\w.-]+\.(ttf|txt)$/,
      /^dist\/soplint\.1$/,
      /^dist\/types\/[\w/.-]+\.d\.ts$/,
    ];
    expect(files.filter((f) => !allowed.some((pattern) => pattern.test(f)))).toEqual([]);
    // No startup snapshot (it is not portable), no source maps, no tests, sources or corpus.
    expect(files.some((f) => (/\.(blob|map|cjs|ts)$/.test(f) && !/^dist\/types\/.*\.d\.ts$/.test(f)) || /^(test|src|sops)\//.test(f))).toBe(false);
    // The README states the size; keep it honest (packed bytes, with room for small changes).
    expect(info.size).toBeLessThan(1_500_000);
    const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ soplint: 'bin/soplint.js' });
    // No script that runs when the package is installed (npm warns about them, and they would need the sources).
    for (const installTime of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts, installTime).not.toHaveProperty(installTime);
  });

  it('installs globally without a warning and runs with only node on PATH', { timeout: 300_000 }, () => {
    const packed = pack('--pack-destination', scratch);
    expect(packed.status).toBe(0);
    const tarball = join(scratch, JSON.parse(packed.stdout)[0].filename);
    const prefix = join(scratch, 'prefix');
    // Its dependencies come from npm's cache, filled by the `npm ci` that set up this checkout.
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8' });
    expect(install.stderr).not.toMatch(/warn|ERR/i);
    expect(install.status).toBe(0);
    const onlyNode = join(scratch, 'path');
    mkdirSync(onlyNode);
    symlinkSync(process.execPath, join(onlyNode, 'node'));
    const run = spawnSync(join(prefix, 'bin', 'soplint'), ['check', '--no-baseline', '-f', 'json', fromRoot('sops/sop-506.sop')], {
      encoding: 'utf8',
      cwd: scratch,
      env: { PATH: onlyNode },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).summary.files).toBe(1);
    // The office formats from the installed package: its fonts, and resvg's WebAssembly from node_modules.
    const render = spawnSync(join(prefix, 'bin', 'soplint'), ['render', '--format', 'docx', '-o', scratch, fromRoot('sops/sop-506.sop')], {
      encoding: 'utf8',
      cwd: scratch,
      env: { PATH: onlyNode },
    });
    expect(render.stderr).toBe('');
    expect(render.status).toBe(0);
    expect(readFileSync(join(scratch, 'sop-506.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = spawnSync(join(prefix, 'bin', 'soplint'), ['render', '--format', 'pdf', '-o', scratch, fromRoot('sops/sop-506.sop')], {
      encoding: 'utf8',
      cwd: scratch,
      env: { PATH: onlyNode },
    });
    expect(pdf.status).toBe(0);
    expect(readFileSync(join(scratch, 'sop-506.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The HTML form embeds its font subset (HarfBuzz's WebAssembly from node_modules).
    const html = spawnSync(join(prefix, 'bin', 'soplint'), ['render', '--format', 'html', fromRoot('sops/sop-506.sop')], {
      encoding: 'utf8',
      cwd: scratch,
      env: { PATH: onlyNode },
    });
    expect(html.stderr).toBe('');
    expect(html.stdout).toContain("@font-face{font-family:'DejaVu Sans'");
  });
});
