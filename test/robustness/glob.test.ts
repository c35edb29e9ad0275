/**
 * Config globs (`ignores`, `overrides[].files`) by picomatch: what the hand-written matcher did, and
 * the globs that made it backtrack exponentially (issue 19) answered at once or refused cleanly.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from '../../src/config/load.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { globLiteral, globProblem, MAX_STARS_PER_NAME, matchesGlob } from '../../src/util/glob.js';

describe('matchesGlob', () => {
  it('`**` any folders, `*` within a name, `?` one character', () => {
    expect(matchesGlob('old/a.sop', 'old/**')).toBe(true);
    expect(matchesGlob('old/x/y/a.sop', 'old/**')).toBe(true);
    expect(matchesGlob('a.sop', '**/*.sop')).toBe(true);
    expect(matchesGlob('x/y/a.sop', '**/*.sop')).toBe(true);
    expect(matchesGlob('sops/a.sop', 'sops/*.sop')).toBe(true);
    expect(matchesGlob('sops/x/a.sop', 'sops/*.sop')).toBe(false);
    expect(matchesGlob('a/sops/x.sop', 'sops/*.sop')).toBe(false);
    expect(matchesGlob('sops/sop-401.sop', 'sops/sop-40?.sop')).toBe(true);
    expect(matchesGlob('sops/sop-4011.sop', 'sops/sop-40?.sop')).toBe(false);
    expect(matchesGlob('sops/a/b.sop', 'sops/?/b.sop')).toBe(true);
    expect(matchesGlob('sops//b.sop', 'sops/?/b.sop')).toBe(false);
  });

  it('a folder pattern matches everything under it; a leading ./ is no part of a path', () => {
    expect(matchesGlob('sops/draft/a.sop', 'sops/draft/')).toBe(true);
    expect(matchesGlob('sops/draft/x/a.sop', './sops/draft/')).toBe(true);
    expect(matchesGlob('./sops/drafts.sop', 'sops/draft/')).toBe(false);
  });

  it('names starting with a dot match like any other', () => {
    expect(matchesGlob('.hidden/a.sop', '**/*.sop')).toBe(true);
    expect(matchesGlob('sops/.a.sop', 'sops/*.sop')).toBe(true);
  });

  it("a config folder's name is literal in the globs rebased onto it", () => {
    const prefix = globLiteral('BKBPM (2015) [lama]');
    expect(matchesGlob('BKBPM (2015) [lama]/old/a.sop', `${prefix}/old/**`)).toBe(true);
    expect(matchesGlob('BKBPM 2015 l/old/a.sop', `${prefix}/old/**`)).toBe(false);
  });
});

describe('globs that backtracked exponentially (issue 19)', () => {
  it('`**/` twelve times against a deep path: answered', () => {
    const glob = `${'**/'.repeat(12)}x.sop`;
    expect(globProblem(glob)).toBeUndefined();
    expect(matchesGlob(`${'a/'.repeat(200)}y.sop`, glob)).toBe(false);
    expect(matchesGlob(`${'a/'.repeat(200)}x.sop`, glob)).toBe(true);
    expect(matchesGlob(`${'a/'.repeat(60)}c`, `${'**/a/'.repeat(12)}b`)).toBe(false);
  }, 60_000);

  it('`*a*a*…*b` against a long name: refused, with the reason', () => {
    const glob = `${'*a'.repeat(12)}*b`;
    expect(globProblem(glob)).toMatch(/13 wildcards in the name .*at most 3/);
    expect(() => matchesGlob('a'.repeat(60), glob)).toThrow(/at most 3/);
    expect(globProblem(`sops/${'*(a)'.repeat(4)}.sop`)).toMatch(/wildcards/);
  });

  it('the most stars allowed, against the longest file name, answer', () => {
    const glob = `${'*a'.repeat(MAX_STARS_PER_NAME - 1)}*b`;
    expect(globProblem(glob)).toBeUndefined();
    expect(matchesGlob('a'.repeat(255), glob)).toBe(false);
    expect(matchesGlob(`dir/${'a'.repeat(254)}b`, `dir/${glob}`)).toBe(true);
  }, 60_000);

  it('a configuration with such a glob is a config error at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soplint-glob-'));
    mkdirSync(join(dir, 'sops'));
    const path = join(dir, '.soplintrc.yaml');
    writeFileSync(path, `preset: recommended\nignores:\n  - old/**\n  - "${'*a'.repeat(12)}*b"\n`);
    let error: unknown;
    try {
      loadConfigFile(path, dir, ALL_RULES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/:4:\d+: glob .* at most 3 are allowed/);
  });
});
