import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { formatCodeFrame } from '../diagnostics/code-frame.js';
import { loadEmitter, withLogo } from '../emit/registry.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { sopGuard } from '../io/guard.js';
import { pageNames } from '../io/page-names.js';
import { terminalText } from '../util/terminal-text.js';
import { parseFiles } from '../parse-files.js';
import { parseSop } from '../ast/parse.js';
import { NearestConfigs } from '../configuration.js';
import { STDIN_NAME } from './stdin.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './exit-codes.js';
import { resolveInputs } from './inputs.js';
import type { Language } from '../diagnostics/diagnostic.js';
import { pickLanguage } from './language.js';
import { findingsBeforeRender } from './render-findings.js';

export interface RenderOptions {
  format: string;
  output?: string;
  lang?: string;
  /** Refuse to render an SOP that has errors (exit 1, nothing written). */
  strict?: boolean;
}

/**
 * Render each file: one file to stdout, or one output file per SOP with `-o DIR` (plus the
 * format's corpus pages). The errors `soplint check` would report (after the books' baselines) go to
 * stderr; the output is still written, unless `--strict` refuses it (exit 1). Syntax errors make the
 * exit code 1 either way: part of the file may not be in the drawing.
 */
export async function runRender(paths: string[], options: RenderOptions): Promise<number> {
  // The HTML and SVG forms carry their fonts cut down by HarfBuzz (WebAssembly). V8 compiles a module
  // twice by default, quickly (Liftoff) and then optimised in the background (TurboFan); for the few
  // subsets a render makes, the second compile is most of its CPU time (0.35 of 0.55 s for one HTML
  // page, 0.45 of 0.85 s for the 20 SOPs of the book). The flag affects only WebAssembly compiled
  // after it; the DOCX rasteriser's long-running module keeps V8's default.
  if (options.format === 'html' || options.format === 'svg') setFlagsFromString('--liftoff-only');
  // `-` is the text on stdin (`cat x.sop | soplint render --format md -`), named `<stdin>`.
  const dash = paths.includes('-');
  const diskPaths = paths.filter((p) => p !== '-');
  const files = dash && diskPaths.length === 0 ? [] : resolveInputs(diskPaths);
  const emitter = await loadEmitter(options.format);
  const result = parseFiles(files);
  const stdinText = dash ? readFileSync(0, 'utf8') : undefined;
  if (stdinText !== undefined) {
    const parsed = parseSop(stdinText, STDIN_NAME);
    result.files.push({ path: STDIN_NAME, source: parsed.source, document: parsed.document });
  }
  const language = pickLanguage(options.lang);
  const sources = new Map(result.files.map((f) => [f.path, f.source]));
  const findings = await findingsBeforeRender(files, process.cwd(), stdinText === undefined ? undefined : { path: STDIN_NAME, text: stdinText });
  const errors = findings.filter((d) => d.severity === 'error');
  for (const d of errors) process.stderr.write(formatCodeFrame(d, sources.get(d.file), language) + '\n');
  const others = findings.length - errors.length;
  // Warnings and infos are `soplint check`'s business: a render names them only beside an error.
  if (errors.length) process.stderr.write(renderSummary(errors.length, others, language, options.strict === true) + '\n');
  if (options.strict && errors.length) return EXIT_FINDINGS;
  // Each SOP with the logo its `Logo:` names, read relative to the .sop file.
  const inputs = result.files.map((f) => withLogo({ document: f.document, source: f.source }));
  if (!options.output) {
    if (inputs.length !== 1) throw new UsageError(`${inputs.length} files to render: give -o DIR to write one file per SOP`);
    if (emitter.binary && process.stdout.isTTY) {
      throw new UsageError(
        `--format ${emitter.format} menulis berkas biner: beri -o FOLDER atau alihkan stdout ke berkas (> sop.${emitter.extension}) / writes a binary file: give -o DIR or redirect stdout to a file (> sop.${emitter.extension})`,
      );
    }
    if (emitter.write) emitter.write(inputs[0], (chunk) => process.stdout.write(chunk));
    else process.stdout.write(await emitter.render(inputs[0]));
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
    // The pages of a folder name the external SOPs as the project's configuration declares them.
    const site = { externalSops: declaredExternalSops(files) };
    for (const input of inputs) {
      const page = emitter.renderInCorpus
        ? emitter.renderInCorpus(input, { ...site, inputs, outputs })
        : emitter.write
          ? (out: (chunk: string) => void) => emitter.write!(input, out)
          : await emitter.render(input);
      writeFileAtomic(join(options.output, outputs.get(input.source.path)!), page, { protect });
    }
    for (const [name, content] of Object.entries(emitter.renderCorpus?.(inputs, outputs, site) ?? {})) {
      writeFileAtomic(join(options.output, name), content, { protect });
    }
  }
  // What was written may lack what a syntax error hid; a rule's error leaves a faithful drawing.
  return errors.some((d) => /^(?:syntax|io)\//.test(d.ruleId)) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** One line under the errors: what was drawn anyway, and where the rest of the findings are. */
function renderSummary(errors: number, others: number, language: Language, strict: boolean): string {
  const id: string[] = [];
  const en: string[] = [];
  if (errors) {
    id.push(strict ? `${errors} kesalahan: tidak ada yang ditampilkan (--strict)` : `${errors} kesalahan: tetap ditampilkan, periksa hasilnya`);
    en.push(
      strict
        ? `${errors} error${errors === 1 ? '' : 's'}: nothing rendered (--strict)`
        : `${errors} error${errors === 1 ? '' : 's'}: rendered anyway, review the drawing`,
    );
  }
  if (others) {
    id.push(`${others} temuan lain (peringatan, info): jalankan 'soplint check'`);
    en.push(`${others} other finding${others === 1 ? '' : 's'} (warnings, infos): run 'soplint check'`);
  }
  return `soplint: ${(language === 'id' ? id : en).join('; ')}`;
}

/** The external SOPs the files' nearest .soplintrc.yaml files declare (a broken config: none, said on stderr). */
function declaredExternalSops(files: string[]): string[] {
  const configs = new NearestConfigs();
  const names = new Set<string>();
  for (const file of files) {
    try {
      for (const name of configs.forFile(file).settings.externalSops) names.add(name);
    } catch (error) {
      process.stderr.write(`soplint: ${terminalText(error instanceof Error ? error.message : String(error))} (external SOPs not read)\n`);
      return [...names];
    }
  }
  return [...names];
}
