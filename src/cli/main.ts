/**
 * The soplint command line: a thin shell over the library. Each command loads only what it needs,
 * so `soplint check` on one file starts about as fast as Node itself.
 */
import { Command, CommanderError, Option } from 'commander';
import { FORMATS } from '../emit/registry.js';
import { EXIT_USAGE, UsageError } from './exit-codes.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('soplint')
    .description('SOP AP (Permenpan RB 35/2012) sebagai kode: periksa dan tampilkan berkas .sop\nSOPs as code: check and render .sop files')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('check')
    .description('check .sop files and folders (periksa berkas dan folder .sop)')
    .argument('<paths...>', 'files or folders')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['id', 'en']))
    .option('--no-color', 'no colours')
    .action(async (paths: string[], options: { lang?: string; color: boolean }) => {
      const { runCheck } = await import('./check-command.js');
      exitCode = await runCheck(paths, options);
    });

  program
    .command('render')
    .description('render .sop files (tampilkan berkas .sop)')
    .argument('<paths...>', 'files or folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('json'))
    .option('-o, --output <dir>', 'write one file per SOP into this folder instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['id', 'en']))
    .action(async (paths: string[], options: { format: string; output?: string; lang?: string }) => {
      const { runRender } = await import('./render-command.js');
      exitCode = await runRender(paths, options);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`soplint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`soplint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}

const isEntryPoint = process.argv[1] !== undefined && /main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isEntryPoint) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
