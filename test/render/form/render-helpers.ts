/** Shared by the official-form tests: the inputs (fixtures and the real corpus) and their renderings. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { renderCorpus } from '../../../src/emit/form/corpus/corpus-pages.js';
import { renderHtml } from '../../../src/emit/form/html-emitter.js';
import { renderSvg } from '../../../src/emit/form/svg-emitter.js';
import type { RenderInput } from '../../../src/emit/registry.js';
import { parseSop } from '../../../src/ast/parse.js';
import { filesIn, fromRoot, projectRoot } from '../../helpers/paths.js';

export const FIXTURES = filesIn(fromRoot('test/render/fixtures'), '.sop');
/** The corpus as it stands when the tests run (it is being transcribed: any number of files). */
export const CORPUS = filesIn(fromRoot('sops'), '.sop');

export interface Rendered {
  /** Repo-relative path of the .sop file. */
  file: string;
  name: string;
  input: RenderInput;
  html: string;
  svg: string;
}

const cache = new Map<string, Rendered>();

export function rendered(path: string): Rendered {
  let result = cache.get(path);
  if (!result) {
    const file = path
      .slice(projectRoot.length + 1)
      .split('\\')
      .join('/');
    const { document, source } = parseSop(readFileSync(path, 'utf8'), file);
    const input = { document, source };
    result = { file, name: basename(path, '.sop'), input, html: renderHtml(document), svg: renderSvg(document) };
    cache.set(path, result);
  }
  return result;
}

/** index.html and keterkaitan.html of a set of files, linking to `<name>.html`. */
export function corpusPages(paths: string[]): Record<string, string> {
  const all = paths.map(rendered);
  return renderCorpus(
    all.map((r) => r.input),
    new Map(all.map((r) => [r.input.source.path, `${r.name}.html`])),
  );
}

/** Writes files into a fresh temporary folder; returns the folder. */
export function writeTemp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soplint-form-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The top-level <svg> elements of an HTML page, each made a standalone XML document. */
export function inlineSvgs(html: string): string[] {
  const svgs: string[] = [];
  const pattern = /<svg\b[\s\S]*?<\/svg>/g;
  for (const match of html.matchAll(pattern)) {
    const svg = match[0].startsWith('<svg xmlns') ? match[0] : match[0].replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    svgs.push(svg);
  }
  return svgs;
}
