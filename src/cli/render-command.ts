import { basename, join } from 'node:path';
import { formatCodeFrame } from '../diagnostics/code-frame.js';
import { renderJson } from '../emit/json.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { lintFiles } from '../lint.js';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import { pickLanguage } from './language.js';

export interface RenderOptions {
  format: string;
  output?: string;
  lang?: string;
}

/** Render each file; syntax errors go to stderr and make the exit code 1, output is still written. */
export async function runRender(paths: string[], options: RenderOptions): Promise<number> {
  const files = resolveInputs(paths);
  const result = lintFiles(files);
  const language = pickLanguage(options.lang);
  const sources = new Map(result.files.map((f) => [f.path, f.source]));
  for (const d of result.diagnostics) process.stderr.write(formatCodeFrame(d, sources.get(d.file), language) + '\n');
  if (!options.output && result.files.length === 1) {
    const [file] = result.files;
    process.stdout.write(renderJson(file.document, file.source));
  } else if (!options.output) {
    // Several files to stdout: one JSON array.
    const all = result.files.map((f) => JSON.parse(renderJson(f.document, f.source)));
    process.stdout.write(JSON.stringify(all, null, 2) + '\n');
  } else {
    for (const file of result.files) {
      writeFileAtomic(join(options.output, basename(file.path).replace(/\.sop$/, '.json')), renderJson(file.document, file.source));
    }
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
