/**
 * What `soplint COMMAND --help` prints after the options: examples, the exit codes and the link to
 * the documentation, as ESLint's and actionlint's help do. A command without its own entry (added
 * later) still gets the exit codes and the README.
 */
import { docsUrl } from '../format/docs-url.js';

interface CommandHelp {
  examples: string[];
  exitCodes: string[];
  docs: string;
}

const USAGE_ERROR = '2  usage error (unknown option, missing file, bad configuration)';

const HELP: Record<string, CommandHelp> = {
  check: {
    examples: [
      'soplint check sops/',
      'soplint check sops/ --fix',
      'soplint check sops/ -f sarif -o soplint.sarif -f stylish',
      'soplint check sops/ -f gitlab -o gl-code-quality-report.json',
      'cat sops/x.sop | soplint check - --stdin-filename sops/x.sop',
    ],
    exitCodes: [
      '0  no error (warnings and infos do not fail, unless --max-warnings)',
      '1  errors, or more warnings than --max-warnings',
      `${USAGE_ERROR}, or no .sop file found`,
    ],
    docs: 'README.md#checking',
  },
  render: {
    examples: ['soplint render --format md sops/sop-506.sop', 'soplint render sops/ --format html -o site/', 'cat x.sop | soplint render --format md -'],
    exitCodes: ['0  rendered', '1  syntax errors (printed on stderr; the output is still written)', USAGE_ERROR],
    docs: 'README.md#rendering',
  },
  rules: { examples: ['soplint rules', 'soplint rules --lang id'], exitCodes: ['0  listed', USAGE_ERROR], docs: 'docs/rules/README.md' },
  explain: { examples: ['soplint explain step/numbering-gap'], exitCodes: ['0  printed', '2  unknown rule'], docs: 'docs/rules/README.md' },
  init: { examples: ['soplint init'], exitCodes: ['0  written', '2  a configuration already exists'], docs: 'docs/configuration.md' },
  'print-config': {
    examples: ['soplint print-config sops/sop-506.sop', 'soplint check --print-config sops/sop-506.sop'],
    exitCodes: ['0  printed', USAGE_ERROR],
    docs: 'docs/configuration.md',
  },
  man: { examples: ['soplint man | man -l -'], exitCodes: ['0  printed', USAGE_ERROR], docs: 'README.md' },
  completion: {
    examples: [
      'source <(soplint completion bash)     # in ~/.bashrc',
      'source <(soplint completion zsh)      # in ~/.zshrc',
      'soplint completion fish > ~/.config/fish/completions/soplint.fish',
      'soplint completion powershell | Out-String | Invoke-Expression',
    ],
    exitCodes: ['0  printed', '2  unknown shell'],
    docs: 'README.md',
  },
};

/** A command's examples, exit codes and docs page (a command without an entry: exit codes and the README). */
export function commandHelp(command: string): CommandHelp {
  return HELP[command] ?? { examples: [], exitCodes: ['0  success', USAGE_ERROR], docs: 'README.md' };
}

export function helpAfter(command: string): string {
  const help = commandHelp(command);
  const lines = [''];
  if (help.examples.length) lines.push('Examples:', ...help.examples.map((e) => `  $ ${e}`), '');
  lines.push('Exit codes:', ...help.exitCodes.map((c) => `  ${c}`), '', `Docs: ${docsUrl(help.docs)}`);
  return lines.join('\n');
}

/** After the program's own help: the docs and where each command's examples are. */
export function programHelpAfter(): string {
  return [
    '',
    'Examples:',
    '  $ soplint check sops/',
    '  $ soplint render --format html sops/ -o site/',
    '  $ soplint explain step/numbering-gap',
    '',
    "Run 'soplint COMMAND --help' for a command's examples and exit codes.",
    `Docs: ${docsUrl('README.md')}`,
  ].join('\n');
}
