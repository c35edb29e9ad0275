/**
 * The soplint command line: a thin shell over the library. Each command loads only what it needs,
 * so `soplint check` on one file starts about as fast as Node itself.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { FORMATS } from '../emit/registry.js';
import { REPORT_FORMATS } from '../format/registry.js';
import { EXIT_USAGE, UsageError } from './exit-codes.js';
import { helpAfter, programHelpAfter } from './help.js';
import { VERSION } from '../generated/version.js';
import { DEFAULT_CACHE_FILE } from '../checker/cache-location.js';
import type { OutputTarget } from './check-command.js';
import { terminalLines, terminalText } from '../util/terminal-text.js';

// The shells `soplint completion` knows (completion.ts generates the scripts, loaded only then).
const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('soplint')
    .description('SOP AP (Permenpan RB 35/2012) sebagai kode: periksa dan tampilkan berkas .sop\nSOPs as code: check and render .sop files')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(terminalLines(s)) });
  const langOption = () => new Option('--lang <lang>', 'language of the messages (default: from the locale)').choices(['id', 'en']);

  // -f and -o pair up in order: `-f sarif -o out.sarif -f stylish`.
  const outputs: OutputTarget[] = [];
  program
    .command('check')
    .description('check .sop files and folders (periksa berkas dan folder .sop)')
    .argument('<paths...>', 'files or folders')
    // The choices are listed for --help and completion; runCheck validates them with a fuller message.
    .addOption(
      new Option('-f, --format <format>', 'report format (repeatable)').choices(REPORT_FORMATS).argParser((format: string) => {
        outputs.push({ format });
        return format;
      }),
    )
    .option('-o, --output-file <file>', 'write the preceding --format to this file instead of stdout', (file: string) => {
      const last = outputs[outputs.length - 1];
      if (!last || last.file) outputs.push({ format: 'stylish', file });
      else last.file = file;
      return file;
    })
    .option('-c, --config <file>', 'configuration file (default: nearest .soplintrc.yaml)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .option('--baseline <file>', 'baseline of accepted findings (default: `baseline:` of the config)')
    .option('--no-baseline', 'ignore the baseline')
    .option('--update-baseline', 'write the current findings to the baseline file')
    .option('-j, --jobs <n>', 'worker threads (default: one per core when checking 2000 files or more)')
    .option('--cache', 'reuse the results of files unchanged since the last run')
    .option('--cache-location <file>', `where --cache keeps its results (default: ${DEFAULT_CACHE_FILE})`)
    .option('--stdin-filename <file>', "read FILE's text from stdin (editors): checked with the corpus of the paths, only its findings reported")
    .option('--fix', 'apply the fixes of fixable findings to the files (then report what is left)')
    .addOption(langOption())
    .option('--color', 'colours even when stdout is no terminal (overrides NO_COLOR, FORCE_COLOR, TERM)')
    .option('--no-color', 'no colours (overrides NO_COLOR, FORCE_COLOR, TERM)')
    .action(async (paths: string[], options) => {
      const { runCheck } = await import('./check-command.js');
      exitCode = await runCheck(paths, { ...options, outputs });
    });

  program
    .command('render')
    .description('render .sop files (tampilkan berkas .sop)')
    .argument('<paths...>', 'files or folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('json'))
    .option('-o, --output <dir>', 'write one file per SOP into this folder instead of stdout')
    .addOption(langOption())
    .option('--strict', 'render nothing when an SOP has errors (exit 1) / tolak bila ada kesalahan')
    .action(async (paths: string[], options: { format: string; output?: string; lang?: string; strict?: boolean }) => {
      const { runRender } = await import('./render-command.js');
      exitCode = await runRender(paths, options);
    });

  program
    .command('rules')
    .description('list the rules (daftar aturan)')
    .addOption(langOption())
    .action(async (options: { lang?: string }) => {
      const { runRules } = await import('./rules-command.js');
      exitCode = runRules(options);
    });

  program
    .command('explain')
    .description("print a rule's documentation (dokumentasi aturan)")
    .argument('<rule>', 'rule id, e.g. step/numbering-gap')
    .action(async (rule: string) => {
      const { runExplain } = await import('./rules-command.js');
      exitCode = runExplain(rule);
    });

  program
    .command('fmt')
    .description('rewrite .sop files in the canonical layout (rapikan tata letak berkas .sop)')
    .argument('<paths...>', '.sop files or folders')
    .option('--check', 'write nothing; exit 1 listing the files that would change')
    .option('--width <n>', "wrap prose at this column (default: the configuration's fmt.width, else 100)")
    .option('-c, --config <file>', 'configuration file (default: nearest .soplintrc.yaml above each file)')
    .addOption(langOption())
    .action(async (paths: string[], options: { check?: boolean; width?: string; lang?: string; config?: string }) => {
      const { runFmt } = await import('./fmt-command.js');
      exitCode = runFmt(paths, options);
    });

  program
    .command('init')
    .description('write a starter .soplintrc.yaml (buat konfigurasi awal)')
    .action(async () => {
      const { runInit } = await import('./init-command.js');
      exitCode = runInit(process.cwd());
    });

  program
    .command('print-config')
    .description('print the effective configuration for a file (also: --print-config FILE)')
    .argument('<file>', 'a .sop file')
    .option('-c, --config <file>', 'configuration file')
    .action(async (file: string, options: { config?: string }) => {
      const { runPrintConfig } = await import('./init-command.js');
      exitCode = runPrintConfig(file, options.config);
    });

  program
    .command('lsp')
    .description('language server for editors, over stdio (server bahasa untuk editor)')
    .allowUnknownOption() // editors' clients add --stdio, --clientProcessId=N
    .allowExcessArguments()
    .action(async () => {
      exitCode = await (await import('../lsp/server.js')).runLsp();
    });

  program
    .command('completion')
    .description('print a shell completion script (skrip pelengkapan untuk shell)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action(async (shell: string) => {
      const { runCompletion } = await import('./completion.js');
      exitCode = runCompletion(shell, program);
    });

  program
    .command('man')
    .description('print the manual page, for man(1): soplint man | man -l -')
    .action(async () => {
      const { runMan } = await import('./man.js');
      exitCode = runMan(program);
    });

  // Examples, exit codes and the docs link after each command's --help.
  program.addHelpText('after', programHelpAfter());
  for (const command of program.commands) command.addHelpText('after', helpAfter(command.name()));

  try {
    await program.parseAsync(printConfigSpelledAsOption(argv), { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help`, `help` and `--version` succeed (commander exits them with 0); help shown because no
      // command was given (`soplint` alone) is a usage error: a pipeline that ran nothing must not pass.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (
      error instanceof UsageError ||
      (error instanceof Error && (error.name === 'ConfigError' || error.name === 'BaselineError' || error.name === 'WriteRefusedError')) ||
      error?.constructor?.name === 'ConfigError'
    ) {
      // Messages name files and quote arguments: shown escaped, as every text a user did not see typed.
      process.stderr.write(`soplint: ${terminalLines((error as Error).message)}\n`);
      return EXIT_USAGE;
    }
    // A file that cannot be written or read (no permission, a folder in the way, a full disk): the
    // system's words and the path, not a stack trace.
    const system = error as NodeJS.ErrnoException;
    if (system?.code && system.syscall && system.path) {
      const description = system.message.replace(/^[A-Z]+: /, '').split(', ')[0];
      process.stderr.write(`soplint: cannot ${system.syscall} ${terminalText(system.path)}: ${terminalText(description)} (${system.code})\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`soplint: internal error: ${terminalLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return EXIT_USAGE;
  }
}

/**
 * ESLint's spelling, `soplint [check] --print-config FILE` (or `--print-config=FILE`), runs the
 * print-config command: users coming from other linters type it that way.
 */
export function printConfigSpelledAsOption(argv: string[]): string[] {
  const rest = argv[0] === 'check' ? argv.slice(1) : argv;
  if (rest === argv && argv.length > 0 && !argv[0].startsWith('-')) return argv; // another command
  const at = rest.findIndex((arg) => arg === '--print-config' || arg.startsWith('--print-config='));
  if (at < 0) return argv;
  const flag = rest[at];
  const file = flag.includes('=') ? [flag.slice(flag.indexOf('=') + 1)] : [];
  return ['print-config', ...file, ...rest.slice(0, at), ...rest.slice(at + 1)];
}

const isEntryPoint = process.argv[1] !== undefined && /main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isEntryPoint) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
