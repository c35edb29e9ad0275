import AjvDraft04 from 'ajv-draft-04';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fromRoot } from '../helpers/paths.js';

// Runs the documented CI commands as child processes, some with worker threads.
vi.setConfig({ testTimeout: 120_000 });

// docs/ci.md: every soplint command it shows, run as written (npx soplint → this build).
const page = readFileSync(fromRoot('docs/ci.md'), 'utf8');
const blocks = [...page.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang, body }));
const SOPLINT = /^(?:exec )?npx soplint /;

/** The shell commands of a block: the lines of a sh block, the `run:`/`script:` entries of a YAML one. */
function commandsOf(block: { lang: string; body: string }): string[] {
  if (block.lang === 'sh') return block.body.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'run' && typeof value === 'string') found.push(value);
        else if (key === 'script' && Array.isArray(value)) found.push(...value.filter((v): v is string => typeof v === 'string'));
        else walk(value);
      }
    }
  };
  walk(parseYaml(block.body)); // throws on invalid YAML
  return found;
}

// Blocks without a soplint command (the workflow with the soplint action, the pre-commit framework's
// config) are checked in test/cli/action.test.ts and test/cli/pre-commit.slow.test.ts.
const [adoption, ...pipelines] = blocks.map((b) => commandsOf(b).filter((c) => SOPLINT.test(c))).filter((commands) => commands.length > 0);

function run(command: string, cwd: string) {
  const line = command.replace(SOPLINT, `'${process.execPath}' '${fromRoot('bin/soplint.js')}' `);
  const result = spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sarifSchema = JSON.parse(readFileSync(fromRoot('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validateSarif = new AjvDraft04.default({ strict: false, unicodeRegExp: false }).compile(sarifSchema);

describe('docs/ci.md', () => {
  it('shows valid YAML for both CI services and one soplint command in each pipeline', () => {
    // GitHub Actions with the action and without, GitLab CI, the pre-commit framework.
    expect(blocks.filter((b) => b.lang === 'yaml')).toHaveLength(4);
    expect(adoption).toEqual(['npx soplint init', 'npx soplint check sops/ --update-baseline']);
    expect(pipelines).toHaveLength(3); // GitHub Actions, GitLab CI, the pre-commit hook
    for (const commands of pipelines) expect(commands).toHaveLength(1);
  });

  it('adopts soplint on the bundled book, passes as it is, and fails on one new error', () => {
    // A book without soplint's files: only the .sop files of the corpus.
    const dir = mkdtempSync(join(tmpdir(), 'soplint-ci-docs-'));
    cpSync(fromRoot('sops'), join(dir, 'sops'), { recursive: true, filter: (src) => !/\.json$|[\\/]source$/.test(src) });
    expect(readdirSync(join(dir, 'sops')).filter((f) => f.endsWith('.sop')).length).toBeGreaterThan(10);

    for (const command of adoption) expect(run(command, dir).status, command).toBe(0);
    expect(existsSync(join(dir, '.soplintrc.yaml'))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '.soplint-baseline.json'), 'utf8'))).length).toBeGreaterThan(0);

    const [github, gitlab, hook] = pipelines.map((commands) => commands[0]);
    for (const command of [github, gitlab, hook]) expect(run(command, dir).status, command).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'soplint.sarif'), 'utf8'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);

    // One new defect: step 2 of SOP-506 names an actor that is not a column.
    const file = join(dir, 'sops/sop-506.sop');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/^(\s*2\. \[)[^\]]+\]/m, '$1staf]');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);

    const githubRun = run(github, dir);
    expect(githubRun.status).toBe(1);
    expect(githubRun.stdout).toMatch(/^::error file=sops\/sop-506\.sop,line=\d+,col=\d+,.*title=soplint actor\/undeclared::/m);
    const results = JSON.parse(readFileSync(join(dir, 'soplint.sarif'), 'utf8')).runs[0].results;
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toContain('actor/undeclared');

    expect(run(gitlab, dir).status).toBe(1);
    const codeQuality = JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(codeQuality.map((issue: { check_name: string }) => issue.check_name)).toContain('actor/undeclared');
    const junit = new JSDOM(readFileSync(join(dir, 'soplint-junit.xml'), 'utf8'), { contentType: 'application/xml' }).window.document;
    const failures = [...junit.getElementsByTagName('failure')].map((f) => f.textContent ?? '');
    expect(failures.some((f) => f.includes("'staf'"))).toBe(true);

    const hookRun = run(hook, dir);
    expect(hookRun.status).toBe(1);
    expect(hookRun.stdout).toContain('actor/undeclared');
  });
});
