import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatCodeFrame } from '../diagnostics/code-frame.js';
import { loadEmitter } from '../emit/registry.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { sopGuard } from '../io/guard.js';
import { pageNames } from '../io/page-names.js';
import { terminalText } from '../util/terminal-text.js';
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
    for (const d of parsed.diagnostics) result.diagnostics.push(d);
  }
  const language = pickLanguage(options.lang);
  const sources = new Map(result.files.map((f) => [f.path, f.source]));
  for (const d of result.diagnostics) process.stderr.write(formatCodeFrame(d, sources.get(d.file), language) + '\n');
  const inputs = result.files.map((f) => ({ document: f.document, source: f.source }));
  if (!options.output) {
    if (inputs.length !== 1) throw new UsageError(`${inputs.length} files to render: give -o DIR to write one file per SOP`);
    if (emitter.binary && process.stdout.isTTY) {
      throw new UsageError(
        `--format ${emitter.format} menulis berkas biner: beri -o FOLDER atau alihkan stdout ke berkas (> sop.${emitter.extension}) / writes a binary file: give -o DIR or redirect stdout to a file (> sop.${emitter.extension})`,
      );
    }
    process.stdout.write(await emitter.render(inputs[0]));
  } else {
    if (existsSync(options.output) && !statSync(options.output).isDirectory()) {
      throw new UsageError(`-o takes a folder to write one file per SOP into; ${options.output} is a file`);
    }
    const protect = sopGuard(files);
    const fileName = (path: string) => (path === STDIN_NAME ? 'stdin.sop' : path);
    const { names: outputs, renamed } = pageNames(
      inputs.map((input) => input.source.path),
      emitter.extension,
      Object.keys(emitter.renderCorpus?.([], new Map()) ?? {}),
      fileName,
    );
    for (const [path, name, wanted] of renamed)
      process.stderr.write(`soplint: ${terminalText(path)} is written as ${terminalText(name)} (${terminalText(wanted)} is another page's name)\n`);
    for (const input of inputs) writeFileAtomic(join(options.output, outputs.get(input.source.path)!), await emitter.render(input), { protect });
    for (const [name, content] of Object.entries(emitter.renderCorpus?.(inputs, outputs) ?? {})) {
      writeFileAtomic(join(options.output, name), content, { protect });
    }
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
