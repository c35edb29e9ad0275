/** `soplint fmt [--check] PATH...`: rewrite .sop files in the canonical layout (src/fmt). */
import { readFileSync } from 'node:fs';
import { parseSop } from '../ast/parse.js';
import { formatCodeFrame } from '../diagnostics/code-frame.js';
import { displayPath } from '../files.js';
import { formatSop } from '../fmt/format.js';
import { sameSop } from '../fmt/verify.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import { pickLanguage } from './language.js';
import { terminalText } from '../util/terminal-text.js';

export interface FmtOptions {
  check?: boolean;
  width?: string;
  lang?: string;
}

export function runFmt(paths: string[], options: FmtOptions, cwd = process.cwd()): number {
  const width = options.width === undefined ? undefined : Number(options.width);
  if (width !== undefined && (!Number.isInteger(width) || width < 40)) {
    throw new UsageError(`--width expects a whole number of at least 40, found '${options.width}' (lebar minimal 40)`);
  }
  const language = pickLanguage(options.lang);
  const files = resolveInputs(paths, cwd);
  let failed = false;
  for (const file of files) {
    // Shown escaped: a file name can hold control characters too.
    const path = displayPath(file, cwd);
    const shown = terminalText(path);
    const text = readFileSync(file, 'utf8');
    const parsed = parseSop(text, path);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      // A file the parser cannot read fully is not rewritten: its layout says too little.
      for (const d of errors) process.stderr.write(formatCodeFrame(d, parsed.source, language) + '\n');
      process.stderr.write(`${shown}: not formatted, fix the syntax errors first (tidak dirapikan: perbaiki kesalahan sintaks dulu)\n`);
      failed = true;
      continue;
    }
    const formatted = formatSop(text, { width });
    if (formatted === text) continue;
    if (!sameSop(text, formatted)) {
      // A safety net: never write a layout that reads as a different SOP.
      process.stderr.write(`${shown}: not formatted, the new layout would read differently (internal error, please report) (tidak dirapikan)\n`);
      failed = true;
      continue;
    }
    if (options.check) {
      process.stdout.write(`${shown}\n`);
      failed = true;
      continue;
    }
    writeFileAtomic(file, formatted, { expected: text });
    process.stdout.write(`formatted ${shown}\n`);
  }
  if (options.check && failed) process.stderr.write('these files are not in the canonical layout; run `soplint fmt` (berkas belum rapi)\n');
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}
