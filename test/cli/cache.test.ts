import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/lint.js';
import { defaultConfig } from '../../src/configuration.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// Each test starts the CLI as a child process.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
const sops = ['sop-506.sop', 'sop-401.sop', 'sop-308.sop'];
const paths = () => sops.map((f) => join(dir, f));
const cacheLocation = () => join(dir, '.soplintcache');
const summary = (result: Awaited<ReturnType<typeof lint>>) => result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message.en}`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soplint-cache-'));
  for (const f of sops) cpSync(fromRoot('sops', f), join(dir, f));
  // One error (effective before made), so that the exit code a cached run must repeat is 1.
  const first = join(dir, sops[0]);
  writeFileSync(first, readFileSync(first, 'utf8').replace('Tanggal Efektif: 04 Januari 2016', 'Tanggal Efektif: 04 Januari 2015'));
});

/** A cache changed by hand, with the checksum soplint would have written (else it is ignored as tampered). */
function resealed(data: { checksum: string; files: unknown }) {
  return { ...data, checksum: createHash('sha1').update(JSON.stringify(data.files)).digest('base64') };
}

describe('lint with a cache', () => {
  it('reports exactly what an uncached run reports, on the first run and on the next', async () => {
    const uncached = summary(await lint(paths(), { cwd: dir }));
    expect(uncached.length).toBeGreaterThan(3);
    expect(summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }))).toEqual(uncached);
    expect(existsSync(cacheLocation())).toBe(true);
    expect(summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }))).toEqual(uncached);
  });

  it('reuses the stored result of an unchanged file', async () => {
    await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() });
    // Tamper with one stored finding: a reused result shows the tampered message.
    const data = JSON.parse(readFileSync(cacheLocation(), 'utf8'));
    const stored = data.files[join(dir, 'sop-506.sop')].outcome.diagnostics;
    expect(stored.length).toBeGreaterThan(0);
    stored[0].message.en = 'from the cache';
    writeFileSync(cacheLocation(), JSON.stringify(resealed(data)));
    const messages = summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }));
    expect(messages.some((m) => m.endsWith('from the cache'))).toBe(true);
  });

  it('reuses the result of a file touched but not changed (a fresh checkout)', async () => {
    await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() });
    const data = JSON.parse(readFileSync(cacheLocation(), 'utf8'));
    data.files[join(dir, 'sop-506.sop')].outcome.diagnostics[0].message.en = 'from the cache';
    writeFileSync(cacheLocation(), JSON.stringify(resealed(data)));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'sop-506.sop'), later, later);
    const messages = summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }));
    expect(messages.some((m) => m.endsWith('from the cache'))).toBe(true);
    // The new modification time is recorded, so the next run need not read the file.
    expect(JSON.parse(readFileSync(cacheLocation(), 'utf8')).files[join(dir, 'sop-506.sop')].stamp.mtimeMs).toBeCloseTo(later.getTime(), -1);
  });

  it('checks a changed file again', async () => {
    await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() });
    const file = join(dir, 'sop-506.sop');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^Pelaksana:/m, 'Pelaksana:\n  tamu = Tamu Undangan'));
    const cached = summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }));
    expect(cached).toEqual(summary(await lint(paths(), { cwd: dir })));
    expect(cached.some((m) => m.includes('actor/unused') && m.includes("'tamu'"))).toBe(true);
  });

  it('starts afresh when the configuration changes', async () => {
    await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() });
    const config = defaultConfig();
    config.rules['chain/unproduced-input'] = { severity: 'off', options: {} };
    const result = summary(await lint(paths(), { cwd: dir, config, cacheLocation: cacheLocation() }));
    expect(result.some((m) => m.includes('chain/unproduced-input'))).toBe(false);
    expect(result).toEqual(summary(await lint(paths(), { cwd: dir, config })));
  });

  it('runs corpus rules afresh over cached files', async () => {
    // Two SOPs with the same number: a corpus finding that depends on both files.
    writeFileSync(join(dir, 'copy.sop'), readFileSync(join(dir, 'sop-506.sop'), 'utf8'));
    const withCopy = [...paths(), join(dir, 'copy.sop')];
    const first = summary(await lint(withCopy, { cwd: dir, cacheLocation: cacheLocation() }));
    expect(first.some((m) => m.includes('corpus/duplicate-number'))).toBe(true);
    rmSync(join(dir, 'copy.sop'));
    const second = summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }));
    expect(second.some((m) => m.includes('corpus/duplicate-number'))).toBe(false);
  });

  it('forgets files that no longer exist, and keeps those merely not checked this time', async () => {
    await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() });
    rmSync(join(dir, 'sop-401.sop'));
    await lint([join(dir, 'sop-506.sop')], { cwd: dir, cacheLocation: cacheLocation() });
    const stored = Object.keys(JSON.parse(readFileSync(cacheLocation(), 'utf8')).files).sort();
    expect(stored).toEqual([join(dir, 'sop-308.sop'), join(dir, 'sop-506.sop')]);
  });

  it('survives a damaged cache file and rewrites it', async () => {
    writeFileSync(cacheLocation(), '{"version": 1, "files": tru');
    expect(summary(await lint(paths(), { cwd: dir, cacheLocation: cacheLocation() }))).toEqual(summary(await lint(paths(), { cwd: dir })));
    expect(JSON.parse(readFileSync(cacheLocation(), 'utf8')).files).toHaveProperty([join(dir, 'sop-506.sop')]);
  });
});

describe('soplint check --cache', () => {
  it('gives the same report and exit code as a run without it, and leaves no temporary file', () => {
    const plain = runCli(['check', '--lang', 'en', '-f', 'json', ...sops], { cwd: dir });
    const first = runCli(['check', '--lang', 'en', '-f', 'json', '--cache', ...sops], { cwd: dir });
    const second = runCli(['check', '--lang', 'en', '-f', 'json', '--cache', ...sops], { cwd: dir });
    expect(plain.status).toBe(1);
    for (const run of [first, second]) {
      expect(run.status).toBe(plain.status);
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(plain.stdout));
    }
    expect(existsSync(join(dir, '.soplintcache'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fills and uses the cache the same way with worker threads', () => {
    const plain = runCli(['check', '--lang', 'en', '-f', 'json', ...sops], { cwd: dir });
    const filled = runCli(['check', '--lang', 'en', '-f', 'json', '--cache', '-j', '2', ...sops], { cwd: dir });
    const stored = Object.keys(JSON.parse(readFileSync(join(dir, '.soplintcache'), 'utf8')).files);
    const reused = runCli(['check', '--lang', 'en', '-f', 'json', '--cache', '-j', '2', ...sops], { cwd: dir });
    expect(stored).toHaveLength(3);
    for (const run of [filled, reused]) {
      expect(run.status).toBe(plain.status);
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(plain.stdout));
    }
  });

  it('--cache-location puts the cache where it is told', () => {
    const run = runCli(['check', '--cache-location', 'build/soplint.cache', ...sops], { cwd: dir });
    expect(run.status).toBe(1);
    expect(existsSync(join(dir, 'build', 'soplint.cache'))).toBe(true);
    expect(existsSync(join(dir, '.soplintcache'))).toBe(false);
  });
});
