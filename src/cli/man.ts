/**
 * `soplint man`: the manual page, generated from the commander program (commands, arguments,
 * options, choices) and help.ts (examples, exit codes, docs), as roff for man(1). The build writes
 * it to dist/soplint.1, which the package ships (package.json `man`).
 */
import type { Command, Option } from 'commander';
import { docsUrl, REPOSITORY_URL } from '../format/docs-url.js';
import { commandHelp } from './help.js';
import { VERSION } from '../generated/version.js';

/** Text for roff: backslashes and hyphens escaped, no line starting with a control character. */
export function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

function optionItem(option: Option): string[] {
  const flags = [option.short, option.long]
    .filter(Boolean)
    .map((f) => `\\fB${roff(f!)}\\fR`)
    .join(', ');
  const value = option.flags.match(/[<[][^>\]]+[>\]]/)?.[0];
  const choices = option.argChoices ? ` Choices: ${option.argChoices.join(', ')}.` : '';
  return ['.TP', `${flags}${value ? ` \\fI${roff(value)}\\fR` : ''}`, roff(`${option.description}${option.description.endsWith('.') ? '' : '.'}${choices}`)];
}

export function manPage(program: Command): string {
  const commands = program
    .createHelp()
    .visibleCommands(program)
    .filter((c) => c.name() !== 'help');
  const lines = [
    `.TH SOPLINT 1 "" "soplint ${VERSION}" "User Commands"`,
    '.SH NAME',
    'soplint \\- SOPs as code: check and render SOP AP files (.sop) of Indonesian government offices',
    '.SH SYNOPSIS',
    '.B soplint',
    '.I command',
    '[\\fIoptions\\fR] [\\fIarguments\\fR]',
    '.SH DESCRIPTION',
    roff(program.description()).replace(/\n/g, '\n.br\n'),
    '.PP',
    roff(`soplint COMMAND --help shows a command's options, examples and exit codes; soplint completion SHELL prints a completion script.`),
    '.SH COMMANDS',
  ];
  for (const command of commands) {
    const args = command.registeredArguments
      .map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`))
      .join(' ');
    const help = commandHelp(command.name());
    lines.push(`.SS "${roff(`soplint ${command.name()} [options]${args ? ` ${args}` : ''}`)}"`, roff(command.description()));
    for (const option of command.options.filter((o) => !o.hidden)) lines.push(...optionItem(option));
    if (help.examples.length) lines.push('.PP', 'Examples:', '.RS', '.nf', ...help.examples.map(roff), '.fi', '.RE');
    lines.push('.PP', 'Exit codes:', '.RS', '.nf', ...help.exitCodes.map(roff), '.fi', '.RE', '.PP', `Docs: ${roff(docsUrl(help.docs))}`);
  }
  lines.push(
    '.SH ENVIRONMENT',
    '.TP',
    '.B NO_COLOR',
    roff('Any non-empty value: no colours (https://no-color.org).'),
    '.TP',
    '.B FORCE_COLOR',
    roff('0 or false: no colours; 1, 2, 3 or true: colours even when stdout is no terminal. Wins over NO_COLOR.'),
    '.TP',
    '.B TERM',
    roff('dumb: no colours. --color and --no-color override all three.'),
    '.TP',
    '.BR LANG ", " LC_ALL ", " LC_MESSAGES',
    roff('An Indonesian locale (id_ID) makes Indonesian the default language of the messages (--lang).'),
    '.SH EXIT STATUS',
    roff(
      '0: success (for check: no error); 1: errors found (or more warnings than --max-warnings; for render: syntax errors); 2: usage error, bad configuration, or no .sop file found.',
    ),
    '.SH SEE ALSO',
    // One address a line, left-aligned: a long URL cannot be justified.
    '.ad l',
    ...['README.md', 'docs/language.md', 'docs/configuration.md', 'docs/ci.md'].flatMap((page, i) => [...(i ? ['.br'] : []), roff(docsUrl(page))]),
    '.SH BUGS',
    roff(`${REPOSITORY_URL}/issues`),
  );
  return lines.join('\n') + '\n';
}

export function runMan(program: Command): number {
  process.stdout.write(manPage(program));
  return 0;
}
