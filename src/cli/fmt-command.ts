/** `soplint fmt [--check] PATH...`: rewrite .sop files in the canonical layout (src/fmt). */
import { readFileSync } from 'node:fs';
import { parseSop } from '../ast/parse.js';
import { formatCodeFrame } from '../diagnostics/code-frame.js';
import { localized, type Language, type Localized } from '../diagnostics/diagnostic.js';
import { displayPath } from '../files.js';
import { DEFAULT_FMT_WIDTH } from '../fmt/format.js';
import { formatVerified } from '../fmt/verify.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { terminalText } from '../util/terminal-text.js';
import { checkConfigs } from './config-option.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import { pickLanguage } from './language.js';

export interface FmtOptions {
  check?: boolean;
  width?: string;
  lang?: string;
  config?: string;
}

export const MIN_FMT_WIDTH = 40;

const say = (text: Localized, language: Language) => text[language];

/**
 * The width for each file: `--width`, else `fmt.width` of the file's configuration (the nearest
 * .soplintrc.yaml above its folder, or `--config FILE`), else fmt's default.
 */
export function runFmt(paths: string[], options: FmtOptions, cwd = process.cwd()): number {
  const language = pickLanguage(options.lang);
  const flagWidth = options.width === undefined ? undefined : Number(options.width);
  if (flagWidth !== undefined && (!Number.isInteger(flagWidth) || flagWidth < MIN_FMT_WIDTH)) {
    throw new UsageError(
      say(
        localized(
          `--width harus bilangan bulat minimal ${MIN_FMT_WIDTH}, ditemukan '${terminalText(options.width!)}' (mis. --width 100)`,
          `--width expects a whole number of at least ${MIN_FMT_WIDTH}, found '${terminalText(options.width!)}' (e.g. --width 100)`,
        ),
        language,
      ),
    );
  }
  const files = resolveInputs(paths, cwd);
  const { config, configs } = checkConfigs(options.config, cwd);
  const unformatted: string[] = [];
  let failed = false;
  for (const file of files) {
    // Shown escaped: a file name can hold control characters too.
    const path = displayPath(file, cwd);
    const shown = terminalText(path);
    const width = flagWidth ?? (configs?.forFile(file) ?? config).fmt?.width ?? DEFAULT_FMT_WIDTH;
    const text = readFileSync(file, 'utf8');
    const parsed = parseSop(text, path);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      // A file the parser cannot read fully is not rewritten: its layout says too little.
      for (const d of errors) process.stderr.write(formatCodeFrame(d, parsed.source, language) + '\n');
      const count = errors.length;
      process.stderr.write(
        say(
          localized(
            `soplint: ${shown} tidak dirapikan: diharapkan tanpa kesalahan sintaks, ditemukan ${count}; perbaiki dulu, lalu jalankan soplint fmt lagi`,
            `soplint: ${shown} not formatted: expected no syntax errors, found ${count}; fix them first, then run soplint fmt again`,
          ),
          language,
        ) + '\n',
      );
      failed = true;
      continue;
    }
    const formatted = formatVerified(text, { width });
    if (formatted === text) continue;
    if (formatted === undefined) {
      // A safety net: never write a layout that reads as a different SOP.
      process.stderr.write(
        say(
          localized(
            `soplint: ${shown} tidak dirapikan: tata letak baru akan terbaca sebagai SOP yang lain (galat internal soplint fmt; mohon laporkan dengan berkasnya)`,
            `soplint: ${shown} not formatted: the new layout would read as another SOP (an internal error of soplint fmt; please report it with the file)`,
          ),
          language,
        ) + '\n',
      );
      failed = true;
      continue;
    }
    if (options.check) {
      // Only the path on stdout, one a line, for scripts (as prettier --list-different).
      process.stdout.write(`${shown}\n`);
      unformatted.push(shown);
      failed = true;
      continue;
    }
    writeFileAtomic(file, formatted, { expected: text });
    process.stdout.write(say(localized(`dirapikan: ${shown}`, `formatted ${shown}`), language) + '\n');
  }
  if (unformatted.length) {
    const n = unformatted.length;
    process.stderr.write(
      say(
        localized(
          `soplint: ${n} berkas belum dalam tata letak baku (diharapkan: keluaran soplint fmt); rapikan dengan: soplint fmt ${paths.map(terminalText).join(' ')}`,
          `soplint: ${n} ${n === 1 ? 'file is' : 'files are'} not in the canonical layout (expected: soplint fmt's output); format with: soplint fmt ${paths.map(terminalText).join(' ')}`,
        ),
        language,
      ) + '\n',
    );
  }
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}
