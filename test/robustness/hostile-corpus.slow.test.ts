/**
 * One hostile-text corpus over every output format (issue 19). Each hostile text is put into the
 * title, an actor's name, a Kegiatan and an Output of the clean fixture, and the file gets a hostile
 * name; every render format and every report format is produced and read back by a third-party
 * parser. The invariant: the hostile SOP has the same structure as the same SOP with plain words in
 * those places (as many table rows, graph nodes and edges, BPMN elements, HTML elements), no script,
 * event handler or script link, and no raw terminal control in a terminal-facing report. The plain
 * and two hostile renderings (html, mermaid) of each text format but HTML and SVG are goldens.
 */
import { instance, type Viz } from '@viz-js/viz';
import { BpmnModdle } from 'bpmn-moddle';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSop } from '../../src/ast/parse.js';
import { loadEmitter } from '../../src/emit/registry.js';
import { lintTexts } from '../../src/lint.js';
import { formatReport } from '../../src/report.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { expectGolden } from '../helpers/golden.js';
import { mermaidParse } from '../helpers/mermaid.js';
import { fromRoot } from '../helpers/paths.js';

/** The classes of issue 19, one text each (a value is one line: line breaks are the report classes' own). */
const HOSTILE_TEXTS: Record<string, string> = {
  controls: 'Rapat\x1b[2J\x1b[31m merah\x07 \x1b]8;;https://evil.example\x07tautan\x1b]8;;\x07',
  bidi: 'Surat \u202Etuo-kusam\u202C \u2066isolasi\u2069',
  html: '<script>alert(1)</script><img src=x onerror=alert(2)> & "kutip" \'tunggal\'',
  xml: ']]> <![CDATA[x]]> &amp; &#x41; &lt; <!ENTITY e "y"> <?pi x?>',
  markdown: '| kolom | palsu | `kode` **tebal** [tautan](javascript:alert(3)) \\|',
  mermaid: '"] --> X["palsu %%{init: {"theme":"dark"}}%% click A "javascript:alert(4)" end subgraph',
  dot: '"]; palsu [label="x"]; a -> b; } digraph { //',
  github: '::error file=x.sop::palsu %0A%25 ::add-mask::rahasia',
  traversal: '../../etc/passwd ..\\..\\windows javascript:alert(5)',
};

const PLAIN = 'Kata biasa';
const CLEAN = readFileSync(fromRoot('test/cli/fixtures/clean.sop'), 'utf8');

/** The clean fixture with `text` as its title, an actor's name, a Kegiatan and an Output. */
function sopWith(text: string): string {
  return CLEAN.replace('Judul SOP: Contoh Bersih', `Judul SOP: ${text}`)
    .replace('  kasubbid = Kasubbid', `  kasubbid = ${text}`)
    .replace('Membuat konsep telaahan dan memerintahkan JFU Subbid untuk mengetik.', `Membuat ${text}.`)
    .replace('     Output: Konsep telaahan\n', `     Output: Konsep ${text}\n`)
    .replace('     Kelengkapan: Konsep telaahan\n', `     Kelengkapan: Konsep ${text}\n`);
}

const FILE_NAME = (name: string) => `sops/${name}-\x1b[2J\u202E<b>"'&%0A::..%2F.sop`;

async function renderAll(text: string, path: string): Promise<Record<string, string | Uint8Array>> {
  const { document, source } = parseSop(sopWith(text), path);
  const out: Record<string, string | Uint8Array> = {};
  for (const format of ['json', 'md', 'mermaid', 'dot', 'bpmn', 'html', 'svg', 'pdf', 'docx']) {
    out[format] = await (await loadEmitter(format)).render({ document, source, logo: null });
  }
  return out;
}

let viz: Viz;
beforeAll(async () => {
  viz = await instance();
});

const markdownTables = (md: string) => {
  const tree = fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return tree.children.filter((n) => n.type === 'table').map((t) => (t as { children: { children: unknown[] }[] }).children.map((row) => row.children.length));
};

const dotShape = (dot: string) => {
  const result = viz.render(dot, { format: 'svg' });
  expect(result.errors.filter((e) => e.level === 'error')).toEqual([]);
  const svg = result.output ?? '';
  return {
    nodes: (svg.match(/class="node"/g) ?? []).length,
    edges: (svg.match(/class="edge"/g) ?? []).length,
    clusters: (svg.match(/class="cluster"/g) ?? []).length,
  };
};

const mermaidShape = (text: string) => ({
  lines: text.split('\n').length,
  clicks: text.split('\n').filter((l) => /^\s*click\b/.test(l)).length,
  directives: (text.match(/%%\{/g) ?? []).length,
});

async function bpmnShape(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml, 'bpmn:Definitions');
  const elements = (rootElement as unknown as { rootElements: { flowElements?: unknown[]; participants?: unknown[] }[] }).rootElements.map(
    (r) => (r.flowElements?.length ?? 0) + (r.participants?.length ?? 0),
  );
  return { warnings: warnings.length, elements };
}

function domShape(markup: string, contentType: 'text/html' | 'image/svg+xml') {
  const dom = new JSDOM(markup, { contentType });
  const all = [...dom.window.document.querySelectorAll('*')];
  const scripts = all.filter((e) => e.tagName.toLowerCase() === 'script').length;
  const handlers = all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name));
  const scriptLinks = all.flatMap((e) => [...e.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => a.value));
  // Text is wrapped to the width of its box, so the count of lines (spans, tspans) follows its length:
  // compared are the kinds of element and the count of those a text could inject.
  const injectable = ['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'BASE', 'A', 'B', 'FORM', 'INPUT', 'FOREIGNOBJECT', 'USE', 'IMAGE'];
  const tags: Record<string, number> = {};
  for (const e of all) if (injectable.includes(e.tagName.toUpperCase())) tags[e.tagName.toUpperCase()] = (tags[e.tagName.toUpperCase()] ?? 0) + 1;
  const kinds = [...new Set(all.map((e) => e.tagName.toUpperCase()))].sort();
  return { scripts, handlers, scriptLinks, tags, kinds };
}

/** Characters a terminal or a CI log acts on. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('the read-back checks see an escape failure (negative controls)', () => {
  it('a raw pipe in a table cell, a node added to a graph, a click line, a script element', () => {
    expect(markdownTables('| a | b |\n|---|---|\n| x | y |\n')).not.toEqual(markdownTables('| a | b |\n|---|---|\n| x | y | z |\n| w |\n'));
    expect(dotShape('digraph { a -> b }')).not.toEqual(dotShape('digraph { a -> b; palsu [label="x"] }'));
    expect(mermaidShape('flowchart TD\n  A --> B')).not.toEqual(mermaidShape('flowchart TD\n  A --> B\n  click A "javascript:alert(1)"'));
    expect(domShape('<p>x</p>', 'text/html').scripts).toBe(0);
    expect(domShape('<p>x</p><script>1</script><img src=x onerror=alert(1)><a href="javascript:1">a</a>', 'text/html')).toMatchObject({
      scripts: 1,
      handlers: ['onerror'],
      scriptLinks: ['javascript:1'],
    });
  });
});

describe('one hostile-text corpus over every render format', () => {
  let plain: Record<string, string | Uint8Array>;
  beforeAll(async () => {
    plain = await renderAll(PLAIN, 'sops/plain.sop');
    // HTML and SVG embed a font subset (hundreds of KB): they are read back, not kept as goldens.
    for (const format of ['json', 'md', 'mermaid', 'dot', 'bpmn'])
      expectGolden(fromRoot(`test/robustness/golden/hostile/plain.${format}`), plain[format] as string);
  }, 300_000);

  for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
    it(`${name}: every format reads back with the plain SOP's structure`, async () => {
      const out = await renderAll(text, FILE_NAME(name));
      if (name === 'html' || name === 'mermaid') {
        for (const format of ['md', 'mermaid', 'dot', 'bpmn'])
          expectGolden(fromRoot(`test/robustness/golden/hostile/${name}.${format}`), out[format] as string);
      }
      // JSON: the text comes back exactly.
      const json = JSON.parse(out.json as string);
      expect(JSON.stringify(json)).toContain(JSON.stringify(text).slice(1, -1));
      // Markdown: the same tables, row for row and cell for cell.
      expect(markdownTables(out.md as string), 'md').toEqual(markdownTables(plain.md as string));
      // Mermaid: parsed by Mermaid; no click target or directive from the text.
      await mermaidParse(out.mermaid as string);
      expect(mermaidShape(out.mermaid as string), 'mermaid').toEqual(mermaidShape(plain.mermaid as string));
      // DOT: Graphviz reads as many nodes, clusters and edges.
      expect(dotShape(out.dot as string), 'dot').toEqual(dotShape(plain.dot as string));
      // BPMN: bpmn-moddle reads it without warnings, with as many elements.
      expect(await bpmnShape(out.bpmn as string), 'bpmn').toEqual(await bpmnShape(plain.bpmn as string));
      // HTML and SVG: the same elements, no script, handler or script link.
      for (const [format, type] of [
        ['html', 'text/html'],
        ['svg', 'image/svg+xml'],
      ] as const) {
        const shape = domShape(out[format] as string, type);
        expect(shape.scripts, format).toBe(domShape(plain[format] as string, type).scripts);
        expect(shape.handlers, format).toEqual([]);
        expect(shape.scriptLinks, format).toEqual([]);
        expect(shape.tags, format).toEqual(domShape(plain[format] as string, type).tags);
        expect(shape.kinds, format).toEqual(domShape(plain[format] as string, type).kinds);
      }
      // PDF and Word: written, of the expected kind.
      expect(
        Buffer.from(out.pdf as Uint8Array)
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      expect(
        Buffer.from(out.docx as Uint8Array)
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
    }, 300_000);
  }
});

describe('one hostile-text corpus over every report format', () => {
  for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
    it(`${name}: every report reads back, the terminal ones escaped`, async () => {
      // A finding quoting the text: an unresolved reference named by it, in a file with a hostile name.
      const path = FILE_NAME(name);
      const sop = sopWith(text).replace('Keterangan: SOP Surat Keluar', `Keterangan: SOP ${text}`);
      const result = lintTexts([{ path, text: sop }]);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      const { SourceFile } = await import('../../src/diagnostics/source.js');
      const input = {
        diagnostics: result.diagnostics,
        fileCount: 1,
        files: [path],
        language: 'en' as const,
        color: false,
        sources: new Map([[path, new SourceFile(path, sop)]]),
        rules: ALL_RULES,
        toolVersion: '0.0.0',
        timestamp: '2026-12-02T00:00:00',
        hostname: 'ci',
      };
      const count = result.diagnostics.length;
      const json = JSON.parse(await formatReport('json', input));
      expect(json.findings).toHaveLength(count);
      expect(json.findings[0].file).toBe(path);
      const sarif = JSON.parse(await formatReport('sarif', input));
      expect(sarif.runs[0].results).toHaveLength(count);
      const gitlab = JSON.parse(await formatReport('gitlab', input));
      expect(gitlab).toHaveLength(count);
      const junit = new JSDOM(await formatReport('junit', input), { contentType: 'application/xml' }).window.document;
      expect(junit.querySelector('parsererror')).toBeNull();
      expect(junit.querySelectorAll('testcase')).toHaveLength(count);
      const github = await formatReport('github', input);
      expect(github).not.toMatch(RAW);
      // One annotation per finding, and no other line a runner would read as a workflow command.
      expect(github.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(count);
      const stylish = await formatReport('stylish', input);
      expect(stylish).not.toMatch(RAW);
      expect(await formatReport('junit', input)).not.toMatch(RAW);
    }, 120_000);
  }
});
