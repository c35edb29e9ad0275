import { formatStylish } from '../format/stylish.js';
import { lintFiles } from '../lint.js';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import { pickLanguage } from './language.js';

export interface CheckOptions {
  lang?: string;
  color: boolean;
}

export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const files = resolveInputs(paths);
  const result = lintFiles(files);
  const color = options.color && !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true);
  const sources = new Map(result.files.map((f) => [f.path, f.source]));
  process.stdout.write(formatStylish(result.diagnostics, { language: pickLanguage(options.lang), color, sources, fileCount: files.length }));
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
