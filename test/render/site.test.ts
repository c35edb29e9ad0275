/**
 * The site `soplint render sops/ --format html -o site/` writes, read back as a visitor uses it:
 * each SOP page links back to the index and to the playground with its own text; Keterkaitan
 * entries are links; the graph's boxes are links, external SOPs are spelt as .soplintrc.yaml
 * declares them; lost steps mark the total Waktu incomplete. html-validate reads the pages back.
 * The layout of the graph, read by Chromium: site-browser.slow.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { htmlProblems } from './form/html-check.js';

const site = mkdtempSync(join(tmpdir(), 'soplint-site-test-'));
const book = mkdtempSync(join(tmpdir(), 'soplint-site-book-'));
const linked = join(book, 'out');
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
const sopFiles = readdirSync(fromRoot('sops'))
  .filter((f) => f.endsWith('.sop'))
  .sort();

/** The text a playground link carries (`#sop=<UTF-8 in base64url>`). */
function playgroundText(href: string): string {
  const match = /^\.\/playground\/index\.html#sop=([A-Za-z0-9_-]+)$/.exec(href);
  if (!match) throw new Error(`not a playground link: ${href.slice(0, 80)}`);
  return Buffer.from(match[1], 'base64url').toString('utf8');
}

beforeAll(() => {
  const run = runCli(['render', 'sops/', '--format', 'html', '-o', site]);
  expect([0, 1]).toContain(run.status);
  // A small book whose SOPs name each other, with a declared external SOP written another way.
  mkdirSync(join(book, 'sops'));
  writeFileSync(join(book, 'sops/.soplintrc.yaml'), 'preset: recommended\nexternalSops:\n  - SOP Surat Keluar\n');
  writeFileSync(
    join(book, 'sops/a.sop'),
    'Nomor SOP: SOP-101/X\nJudul SOP: Pembuatan Surat\nKeterkaitan:\n  - SOP Pengarsipan\n  - SOP surat keluar.\n\nProsedur: P\nPelaksana:\n  a = A\n  1. [a] Mulai\n     Waktu: 1 jam\n  2. [a] Selesai\n     Waktu: 30 menit\n',
  );
  writeFileSync(
    join(book, 'sops/b.sop'),
    'Nomor SOP: SOP-102/X\nJudul SOP: Pengarsipan\nKeterkaitan:\n  - SOP-101/X\n\nProsedur: P\nPelaksana:\n  a = A\n  1. [a] Mulai\n     Waktu: 1 jam\n  Hilang: 2-3\n  4. [a] Selesai\n     Waktu: 1 hari\n',
  );
  const small = runCli(['render', 'sops/', '--format', 'html', '-o', linked], { cwd: book });
  // The small SOPs leave identity fields out: render names those findings and still draws them.
  expect([0, 1]).toContain(small.status);
  expect(existsSync(join(linked, 'a.html')) && existsSync(join(linked, 'b.html'))).toBe(true);
});

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(book, { recursive: true, force: true });
});

describe('the SOP pages of the site', () => {
  it('each links back to the index and to the playground with its own text, relative links only', () => {
    const pages = readdirSync(site).filter((n) => n.endsWith('.html') && n !== 'index.html' && n !== 'keterkaitan.html');
    expect(pages).toHaveLength(sopFiles.length);
    for (const file of sopFiles) {
      const page = read(site, file.replace(/\.sop$/, '.html'));
      const links = hrefs(page);
      expect(links).toContain('./index.html');
      expect(links).toContain('./keterkaitan.html');
      const playground = links.filter((h) => h.startsWith('./playground/'));
      expect(playground).toHaveLength(1);
      expect(playgroundText(playground[0])).toBe(readFileSync(fromRoot('sops', file), 'utf8'));
      for (const href of links) {
        expect(href).toMatch(/^(?:\.\/|#)/);
        const target = href.split('#')[0];
        // Every link between pages of the site names a page that is there.
        if (target && !target.startsWith('./playground/')) expect(existsSync(join(site, decodeURIComponent(target)))).toBe(true);
      }
    }
  });

  it('makes Keterkaitan entries links: to the page of an SOP of the site, else to its entry on the graph page', () => {
    const a = read(linked, 'a.html');
    expect(a).toContain('<a href="./b.html">SOP Pengarsipan</a>');
    expect(a).toContain('<a href="./keterkaitan.html#sop-lain-surat-keluar">SOP surat keluar</a>.');
    expect(read(linked, 'b.html')).toContain('<a href="./a.html">SOP-101/X</a>');
    const graphPage = read(linked, 'keterkaitan.html');
    expect(graphPage).toContain('<li id="sop-lain-surat-keluar">');
    // In the book: every entry of every Keterkaitan list is a link whose anchor exists.
    const bookGraph = read(site, 'keterkaitan.html');
    for (const file of sopFiles) {
      const page = read(site, file.replace(/\.sop$/, '.html'));
      const cell = /<th scope="col" colspan="2">Keterkaitan<\/th>.*?\n<tr class="pair-body"><td colspan="2">(.*?)<\/td>/s.exec(page)?.[1] ?? '';
      for (const anchor of cell.matchAll(/href="\.\/keterkaitan\.html#([\w-]+)"/g)) expect(bookGraph).toContain(`id="${anchor[1]}"`);
    }
    expect(read(site, 'sop-405.html')).toContain('<a href="./keterkaitan.html#sop-lain-penetapan-produk-hukum">SOP penetapan produk Hukum</a>');
  });

  it('marks the total Waktu of an SOP with lost steps as incomplete, on its page and in the index', () => {
    expect(read(linked, 'b.html')).toContain('Total Waktu: ≥ 1 hari 1 jam, sebagian langkah hilang (incomplete: some steps are lost)');
    expect(read(linked, 'a.html')).toContain('Total Waktu: 1 jam 30 menit</p>');
    const index = read(site, 'index.html');
    // SOP-402's table starts at step 12 (Hilang: 1-11).
    expect(index).toMatch(/SOP-402\/[^<]*<\/td><td><a [^>]*>[^<]*<\/a><\/td><td class="count">\d+<\/td><td>≥ [^<]*, sebagian langkah hilang/);
    expect(index).not.toMatch(/SOP-403\/[^<]*<\/td><td><a [^>]*>[^<]*<\/a><\/td><td class="count">\d+<\/td><td>≥/);
  });

  it('writes pages html-validate accepts', async () => {
    for (const name of ['a.html', 'b.html', 'keterkaitan.html', 'index.html']) expect(await htmlProblems(read(linked, name), name)).toEqual([]);
    expect(await htmlProblems(read(site, 'sop-405.html'), 'sop-405.html')).toEqual([]);
  });
});

describe('the Keterkaitan graph', () => {
  it('names each external SOP as .soplintrc.yaml declares it, not as one file wrote it', () => {
    const declared: string[] = parseYaml(readFileSync(fromRoot('.soplintrc.yaml'), 'utf8')).externalSops;
    const graph = read(site, 'keterkaitan.html');
    const labels = [...graph.matchAll(/<g data-node="external" data-id="[^"]*">.*?<\/g>/gs)].map((m) =>
      [...m[0].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' '),
    );
    const words = (name: string) =>
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    // Every external SOP the configuration declares is spelt as declared; any other as written.
    const asDeclared = labels.filter((label) => declared.some((name) => words(name) === words(label)));
    expect(asDeclared.length).toBeGreaterThan(3);
    for (const label of asDeclared) expect(declared).toContain(label);
    // SOP-405 writes "SOP penetapan produk Hukum"; the graph says it as declared.
    expect(labels).toContain('SOP Penetapan Produk Hukum');
  });
});
