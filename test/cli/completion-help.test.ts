/**
 * `soplint completion SHELL` and each command's --help (issue 20). The scripts are generated from
 * the commander program, so they are checked against it: every command is named in every script,
 * bash and zsh and fish parse them, and bash and fish complete with them as a user's shell would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPORT_FORMATS } from '../../src/format/registry.js';
import { DOCS_BASE_URL } from '../../src/format/docs-url.js';
import { roff } from '../../src/cli/man.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

// Each test starts the CLI and shells.
vi.setConfig({ testTimeout: 120_000 });

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
// Debian's zsh and fish are installed by .ci/run; elsewhere a machine without them skips their checks, saying so.
const runZsh = has('zsh') || !!process.env.CI;
const runFish = has('fish') || !!process.env.CI;
if (!runZsh) console.warn('skipping the zsh completion checks: zsh not found (apt-get install zsh)');
if (!runFish) console.warn('skipping the fish completion checks: fish not found (apt-get install fish)');

/** The commands of `soplint --help`. */
function commands(): string[] {
  const help = runCli(['--help']).stdout;
  const section = help.slice(help.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z-]+)\b/gm)].map(([, name]) => name).filter((name) => name !== 'help');
}

function script(shell: string): string {
  const run = runCli(['completion', shell]);
  expect(run.status, run.stderr).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), 'soplint-completion-'));
  const file = join(dir, `soplint.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
}

describe('soplint completion', () => {
  it('knows the commands of the program (the control for the next test)', () => {
    expect(commands()).toEqual(expect.arrayContaining(['check', 'render', 'rules', 'explain', 'init', 'print-config', 'completion', 'man']));
  });

  it.each(SHELLS)('%s: the script names every command and every report format', (shell) => {
    const text = runCli(['completion', shell]).stdout;
    for (const command of commands()) expect(text, command).toMatch(new RegExp(`\\b${command}\\b`));
    for (const format of REPORT_FORMATS) expect(text, format).toContain(format);
    expect(text).toContain('stdin-filename');
  });

  it('refuses an unknown shell with exit 2', () => {
    const run = runCli(['completion', 'tcsh']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bash, zsh, fish, powershell');
  });

  it('bash: parses (bash -n), and after sourcing, complete -p shows soplint registered', () => {
    const file = script('bash');
    expect(spawnSync('bash', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
    const registered = spawnSync('bash', ['-c', `source '${file}' && complete -p soplint`], { encoding: 'utf8' });
    expect(registered.status, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/^complete .*-F _soplint_completion soplint$/m);
  });

  it('bash: completes commands, options, format values and rule ids', () => {
    const file = script('bash');
    const complete = (...words: string[]) => {
      const array = words.map((w) => `'${w}'`).join(' ');
      const run = spawnSync(
        'bash',
        ['-c', `source '${file}'; COMP_WORDS=(soplint ${array}); COMP_CWORD=${words.length}; _soplint_completion; printf '%s\\n' "\${COMPREPLY[@]}"`],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trim().split('\n');
    };
    expect(complete('ch')).toEqual(['check']);
    expect(complete('check', '--max')).toEqual(['--max-warnings']);
    expect(complete('check', '-f', '')).toEqual(REPORT_FORMATS);
    expect(complete('check', 'sops/', '-f', 'gi')).toEqual(['github', 'gitlab']);
    expect(complete('render', '--format', 'm')).toEqual(['mermaid', 'md']);
    expect(complete('explain', 'step/numbering-g')).toEqual(['step/numbering-gap']);
    expect(complete('completion', 'f')).toEqual(['fish']);
  });

  it.runIf(runZsh)('zsh: parses (zsh -n), and after sourcing, compdef registers _soplint', () => {
    const file = script('zsh');
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
    const run = spawnSync('zsh', ['-c', `autoload -U compinit && compinit -u -D && source '${file}' && print -r -- $_comps[soplint]`], {
      encoding: 'utf8',
      env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'zsh-home-')) },
    });
    expect(run.stdout.trim(), run.stderr).toBe('_soplint');
  });

  it.runIf(runFish)('fish: parses (fish -n), and completes commands, formats and rule ids', () => {
    const file = script('fish');
    expect(spawnSync('fish', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
    const complete = (line: string) => {
      const run = spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    };
    expect(complete('soplint ')).toEqual(expect.arrayContaining(commands()));
    expect(complete('soplint check -f ')).toEqual([...REPORT_FORMATS].sort());
    expect(complete('soplint explain step/numbering-g')).toEqual(['step/numbering-gap']);
  });
});

describe('--help', () => {
  it.each(['check', 'render', 'rules', 'explain', 'init', 'print-config', 'completion', 'man'])(
    '%s --help: examples, exit codes and a docs link to a page that exists',
    (command) => {
      const run = runCli([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/\nExamples:\n {2}\$ (soplint|source|cat) /);
      expect(run.stdout).toMatch(/\nExit codes:\n {2}0 {2}\S/);
      expect(run.stdout).toMatch(/^ {2}2 {2}\S/m);
      const docs = /^Docs: (\S+)$/m.exec(run.stdout)?.[1];
      expect(docs?.startsWith(DOCS_BASE_URL), docs).toBe(true);
      expect(existsSync(fromRoot(docs!.slice(DOCS_BASE_URL.length).replace(/#.*$/, '')))).toBe(true);
    },
  );

  it('every command has exit codes and the docs link, and the examples it shows run', () => {
    for (const command of commands()) expect(runCli([command, '--help']).stdout, command).toMatch(/\nExit codes:\n[^]*\nDocs: https:\/\//);
    expect(runCli(['--help']).stdout).toContain("Run 'soplint COMMAND --help' for a command's examples and exit codes.");
    // Two of check's examples, run as shown.
    expect(runCli(['check', 'sops/']).status).toBe(0);
    expect(runCli(['explain', 'step/numbering-gap']).stdout).toContain('numbering-gap');
  });

  it('check --help lists the report formats as choices', () => {
    const help = runCli(['check', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`(choices: ${REPORT_FORMATS.map((f) => `"${f}"`).join(', ')})`);
    expect(REPORT_FORMATS).toContain('gitlab');
  });
});

describe('soplint man', () => {
  const hasGroff = spawnSync('groff', ['--version']).status === 0;
  const runGroff = hasGroff || !!process.env.CI;
  if (!runGroff) console.warn('skipping the man page rendering checks: groff not found (apt-get install groff-base)');

  it('prints the page the package ships as dist/soplint.1 (package.json man), written by the build', () => {
    const run = runCli(['man']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\.TH SOPLINT 1 /);
    expect(readFileSync(fromRoot('dist/soplint.1'), 'utf8')).toBe(run.stdout);
    expect(JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).man).toBe('./dist/soplint.1');
  });

  it('escapes roff: hyphens, backslashes, and a line that would start with a request', () => {
    expect(roff('.x --y \\z')).toBe('\\&.x \\-\\-y \\ez');
    expect(roff("a\n'b")).toBe("a\n\\&'b");
  });

  it.runIf(runGroff)('renders with groff without a warning, every command and option in it', () => {
    const page = runCli(['man']).stdout;
    const lint = spawnSync('groff', ['-man', '-ww', '-z', '-Tutf8'], { input: page, encoding: 'utf8' });
    expect(lint.status).toBe(0);
    expect(lint.stderr).toBe('');
    const text = spawnSync('groff', ['-man', '-Tutf8', '-P-c', '-P-b', '-P-u'], {
      input: page,
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '120' },
    }).stdout;
    for (const command of commands()) expect(text, command).toMatch(new RegExp(`^ {3}soplint ${command} \\[options\\]`, 'm'));
    expect(text).toMatch(/^ {7}--stdin-filename <file>$/m);
    expect(text.replace(/\s+/g, ' ')).toContain(`Choices: ${REPORT_FORMATS.join(', ')}.`);
    expect(text).toMatch(/^ENVIRONMENT$/m);
  });
});
