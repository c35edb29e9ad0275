/**
 * Every page passes html-validate 10.17 (recommended rules) and every SVG is well-formed XML by
 * libxml2: the fixtures, the whole corpus in sops/, and the corpus pages (index.html, keterkaitan.html),
 * rendered through the library and through the CLI. Negative controls show both checks can fail.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/emit/form/html-emitter.js';
import { renderSvg } from '../../../src/emit/form/svg-emitter.js';
import { parseSop } from '../../../src/ast/parse.js';
import { runCli } from '../../helpers/cli.js';
import { fromRoot } from '../../helpers/paths.js';
import { htmlProblems } from './html-check.js';
import { CORPUS, corpusPages, FIXTURES, inlineSvgs, rendered } from './render-helpers.js';
import { xmlErrors } from './xml-check.js';

const SOPS = [...FIXTURES, ...CORPUS].map(rendered);

describe('html-validate', () => {
  it.each(SOPS.map((s) => [s.file, s] as const))('%s is valid HTML5', async (_file, sop) => {
    expect(await htmlProblems(sop.html, sop.file)).toEqual([]);
  });

  it.each([
    ['fixtures', FIXTURES],
    ['sops/', CORPUS],
  ] as const)('index.html and keterkaitan.html of %s are valid HTML5', async (_name, files) => {
    for (const [name, html] of Object.entries(corpusPages(files))) expect(await htmlProblems(html, name)).toEqual([]);
  });

  it('rejects a page broken on purpose (negative control)', async () => {
    const page = rendered(FIXTURES[0]).html;
    const broken = page.replace('<html lang="id">', '<html>').replace('<main>', '<main><div id="x"></div><div id="x"><span></div>');
    const problems = await htmlProblems(broken, 'broken.html');
    expect(problems.some((p) => p.includes('element-required-attributes') || p.includes('lang'))).toBe(true);
    expect(problems.some((p) => p.includes('no-dup-id'))).toBe(true);
  });
});

describe('SVG well-formedness (libxml2)', () => {
  it.each(SOPS.map((s) => [s.file, s] as const))('%s: the SVG file and every inline SVG are well-formed', async (_file, sop) => {
    expect(await xmlErrors(sop.svg)).toEqual([]);
    const inline = inlineSvgs(sop.html);
    expect(inline.length).toBe(sop.input.document.procedures.length === 0 ? 0 : (sop.html.match(/data-sheet="/g) ?? []).length);
    for (const svg of inline) expect(await xmlErrors(svg)).toEqual([]);
  });

  it('the Keterkaitan graph is well-formed', async () => {
    const pages = corpusPages([...FIXTURES, ...CORPUS]);
    const graphs = inlineSvgs(pages['keterkaitan.html']);
    expect(graphs).toHaveLength(1);
    expect(await xmlErrors(graphs[0])).toEqual([]);
  });

  it('rejects ill-formed SVG (negative control)', async () => {
    const svg = rendered(FIXTURES[0]).svg;
    expect(await xmlErrors(svg.slice(0, svg.length / 2))).not.toEqual([]);
    expect(await xmlErrors(svg.replace('<title id="sop-title">', '<title id="sop-title"><b>'))).not.toEqual([]);
    expect(await xmlErrors('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>')).not.toEqual([]);
  });
});

describe('an SOP without a procedure table (like SOP-307)', () => {
  const { document } = parseSop('Nomor SOP: SOP-307/BKBPM\nJudul SOP: Lomba-Lomba Bidang KB\n', 'sops/sop-307.sop');

  it('is a valid page saying so, and a well-formed SVG', async () => {
    const html = renderHtml(document);
    expect(html).toContain('Tidak ada tabel prosedur.');
    expect(await htmlProblems(html, 'sop-307.html')).toEqual([]);
    expect(await xmlErrors(renderSvg(document))).toEqual([]);
  });
});

describe('soplint render --format html -o DIR (the CLI)', () => {
  const source = CORPUS.length ? fromRoot('sops') : fromRoot('test/render/fixtures');
  const files = CORPUS.length ? CORPUS : FIXTURES;

  it(`renders ${CORPUS.length ? 'the corpus' : 'the fixtures (sops/ has no .sop file yet)'} into a site that validates`, async () => {
    const out = mkdtempSync(join(tmpdir(), 'soplint-site-'));
    const run = runCli(['render', source, '--format', 'html', '-o', out]);
    expect([0, 1]).toContain(run.status);
    const written = readdirSync(out).sort();
    expect(written).toContain('index.html');
    expect(written).toContain('keterkaitan.html');
    expect(written.filter((n) => n.endsWith('.html'))).toHaveLength(files.length + 2);
    for (const name of written) expect(await htmlProblems(readFileSync(join(out, name), 'utf8'), name)).toEqual([]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const file of files) expect(index).toContain(`href="./${rendered(file).name}.html"`);
  });

  it('renders one file as SVG to stdout', async () => {
    const run = runCli(['render', '--format', 'svg', FIXTURES[0]]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('<?xml')).toBe(true);
    expect(await xmlErrors(run.stdout)).toEqual([]);
  });
});
