/**
 * `soplint check --fix` as a library call: lint, apply the fixes the findings carry, write each
 * changed file (temp file, then rename), and check again, until nothing is left to fix (at most
 * MAX_PASSES). A fix can only resolve its own finding; a re-check shows whatever is left.
 *
 * The fixes are applied to the very text that was checked (read once per pass, before the check), and
 * a file is written only if it still holds that text just before the rename: another `--fix`, an
 * editor or a hook that changed it meanwhile wins, and the file is reported as skipped, never garbled.
 * Read-only files are left alone and reported the same way.
 */
import { readFileSync } from 'node:fs';
import { applyFixes } from './checker/apply-fixes.js';
import type { Diagnostic, Fix } from './diagnostics/diagnostic.js';
import { displayPath } from './files.js';
import { ENCODING_RULE } from './io/encoding.js';
import { writeFileAtomic, WriteRefusedError } from './io/atomic-write.js';
import { lint, lintTexts, type LintOptions, type LintResult } from './lint.js';

/** As ESLint: fixes that overlap wait for the next pass; ten passes end even a fix that undoes another. */
export const MAX_PASSES = 10;

export interface FixResult {
  /** The check of the files as they are after fixing. */
  result: LintResult;
  /** Fixes applied, by display path. */
  fixed: Map<string, number>;
  /** Files with fixes that were not written, by display path: why (read-only, changed meanwhile). */
  skipped: Map<string, string>;
}

/** Fix files on disk (absolute paths); each changed file is written to a temp file, then renamed. */
export async function lintAndFix(absolutePaths: string[], options: LintOptions = {}): Promise<FixResult> {
  const cwd = options.cwd ?? process.cwd();
  const absoluteOf = new Map(absolutePaths.map((absolute) => [displayPath(absolute, cwd), absolute]));
  // What each pass checks, by absolute path: the fixes of a pass are applied to exactly these texts.
  let checked = new Map<string, string>();
  const snapshot = () => {
    checked = new Map();
    for (const absolute of absolutePaths) {
      try {
        checked.set(absolute, readFileSync(absolute, 'utf8'));
      } catch {
        // unreadable: the check reports it
      }
    }
    return checked;
  };
  return fixUntilSettled(
    () => lint(absolutePaths, { ...options, texts: snapshot() }),
    (file) => {
      const absolute = absoluteOf.get(file);
      return absolute === undefined ? undefined : checked.get(absolute);
    },
    (file, text) => {
      const absolute = absoluteOf.get(file)!;
      writeFileAtomic(absolute, text, { expected: checked.get(absolute) });
    },
  );
}

/** Fix texts held in memory (editors, tests): `files` is updated in place with the fixed texts. */
export async function fixTexts(files: { path: string; text: string }[], options: Omit<LintOptions, 'cwd'> = {}): Promise<FixResult> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return fixUntilSettled(
    async () => lintTexts(files, options),
    (file) => byPath.get(file)?.text,
    (file, text) => {
      byPath.get(file)!.text = text;
    },
  );
}

async function fixUntilSettled(
  check: () => Promise<LintResult>,
  read: (file: string) => string | undefined,
  write: (file: string, text: string) => void,
): Promise<FixResult> {
  const fixed = new Map<string, number>();
  const skipped = new Map<string, string>();
  let result = await check();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const [file, fixes] of fixesByFile(result.diagnostics)) {
      if (skipped.has(file)) continue;
      const text = read(file);
      if (text === undefined) continue;
      const outcome = applyFixes(text, fixes);
      if (outcome.applied.length === 0) continue;
      try {
        write(file, outcome.text);
      } catch (error) {
        // Left as it is, and said so; the other files are still fixed.
        if (error instanceof WriteRefusedError)
          skipped.set(
            file,
            error.reason === 'changed' ? 'changed while it was being fixed (run --fix again)' : error.reason === 'read-only' ? 'read-only' : error.message,
          );
        else if ((error as NodeJS.ErrnoException).code) skipped.set(file, `cannot be written (${(error as NodeJS.ErrnoException).code})`);
        else throw error;
        continue;
      }
      fixed.set(file, (fixed.get(file) ?? 0) + outcome.applied.length);
      changed = true;
    }
    if (!changed) break;
    result = await check();
  }
  return { result, fixed, skipped };
}

/**
 * The fixes to apply, per file. A file that is not clean UTF-8 is never rewritten: its text as read
 * has replacement characters where the undecodable bytes were, and writing it would lose them.
 */
export function fixesByFile(diagnostics: Diagnostic[]): Map<string, Fix[]> {
  const undecodable = new Set(diagnostics.filter((d) => d.ruleId === ENCODING_RULE).map((d) => d.file));
  const byFile = new Map<string, Fix[]>();
  for (const d of diagnostics) {
    if (!d.fix || undecodable.has(d.file)) continue;
    const list = byFile.get(d.file) ?? [];
    list.push(d.fix);
    byFile.set(d.file, list);
  }
  return byFile;
}
