import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatCodeFrame } from '../diagnostics/code-frame.js';
import { loadEmitter } from '../emit/registry.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { parseFiles } from '../parse-files.js';
import { parseSop } from '../ast/parse.js';
import { STDIN_NAME } from './stdin.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import { pickLanguage } from './language.js';

export interface RenderOptions {
  format: string;
  output?: string;
  lang?: string;
}

/**
 * Render each file: one file to stdout, or one output file per SOP with `-o DIR` (plus the
 * format's corpus pages). Syntax errors go to stderr and make the exit code 1; output is still written.
 */
export async function runRender(paths: string[], options: RenderOptions): Promise<number> {
  // `-` is the text on stdin (`cat x.sop | soplint render --format md -`), named `<stdin>`.
  const dash = paths.includes('-');
  const diskPaths = paths.filter((p) => p !== '-');
  const files = dash && diskPaths.length === 0 ? [] : resolveInputs(diskPaths);
  const emitter = await loadEmitter(options.format);
  const result = parseFiles(files);
  if (dash) {
    const parsed = parseSop(readFileSync(0, 'utf8'), STDIN_NAME);
    result.files.push({ path: STDIN_NAME, source: parsed.source, document: parsed.document });
    result.diagnostics.push(...parsed.diagnostics);
  }
  const language = pickLanguage(options.lang);
  const sources = new Map(result.files.map((f) => [f.path, f.source]));
  for (const d of result.diagnostics) process.stderr.write(formatCodeFrame(d, sources.get(d.file), language) + '\n');
  const inputs = result.files.map((f) => ({ document: f.document, source: f.source }));
  if (!options.output) {
    if (inputs.length !== 1) throw new UsageError(`${inputs.length} files to render: give -o DIR to write one file per SOP`);
    if (emitter.binary && process.stdout.isTTY) {
      throw new UsageError(`--format ${emitter.format} menulis berkas biner: beri -o FOLDER atau alihkan stdout ke berkas (> sop.${emitter.extension}) / writes a binary file: give -o DIR or redirect stdout to a file (> sop.${emitter.extension})`);
    }
    process.stdout.write(await emitter.render(inputs[0]));
  } else {
    if (existsSync(options.output) && !statSync(options.output).isDirectory()) {
      throw new UsageError(`-o takes a folder to write one file per SOP into; ${options.output} is a file`);
    }
    const outputs = new Map<string, string>();
    for (const input of inputs) {
      const name = input.source.path === STDIN_NAME ? `stdin.${emitter.extension}` : basename(input.source.path).replace(/\.sop$/, `.${emitter.extension}`);
      writeFileAtomic(join(options.output, name), await emitter.render(input));
      outputs.set(input.source.path, name);
    }
    for (const [name, content] of Object.entries(emitter.renderCorpus?.(inputs, outputs) ?? {})) {
      writeFileAtomic(join(options.output, name), content);
    }
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
