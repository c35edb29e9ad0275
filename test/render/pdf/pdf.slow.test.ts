/**
 * `soplint render --format pdf`, read back by poppler-utils: A4 landscape pages, the metadata, fonts
 * embedded as subsets, the steps' text selectable (pdftotext), and the pages as Chromium prints the
 * HTML form: the same page count, and page images that look alike (pdftoppm).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { LOST_TABLE_ROLE, MISSING_TABLE } from '../../../src/emit/form/layout/notice.js';
import { hasIdentity } from '../../../src/emit/form/html/identity-sheet.js';
import { launchBrowser, runBrowserTests } from '../../helpers/browser.js';
import { runCli } from '../../helpers/cli.js';
import { fromRoot } from '../../helpers/paths.js';
import { CORPUS, FIXTURES, rendered } from '../form/render-helpers.js';
import { inkFill, labelWords, pdfWords, tooSmall } from './print-measure.js';

// Renders the whole book and prints some of it in Chromium.
vi.setConfig({ testTimeout: 240_000 });

const OUT = mkdtempSync(join(tmpdir(), 'soplint-pdf-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function pdfinfo(path: string): Record<string, string> {
  const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`pdfinfo ${path}: ${info.stderr}`);
  return Object.fromEntries(
    info.stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

function pageSizes(path: string): Array<[number, number]> {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  return [...info.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

const pdftext = (path: string) => spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).stdout;
/** Text compared without whitespace or hyphens: pdftotext joins lines and drops a hyphen at a line's end. */
const squeeze = (text: string) => text.replace(/[\s-]+/g, '');

/** The pages a rendering must have: the identity sheet (if any), then each flowchart sheet. */
function expectedPages(path: string): number {
  const { document } = rendered(path).input;
  const pages = layoutDocument(document);
  // A lost identity sheet is said above the first table, when there is one, not on a page of its own.
  const identityPage = hasIdentity(document.identity) && !pages.some((page) => page.notice);
  return (identityPage ? 1 : 0) + pages.length + (document.procedures.length === 0 ? 1 : 0);
}

describe('soplint render --format pdf', () => {
  it('writes SOP-506 as A4 landscape pages with its title, number and fonts embedded as subsets', () => {
    const run = runCli(['render', '--format', 'pdf', '-o', OUT, 'sops/sop-506.sop']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const path = join(OUT, 'sop-506.pdf');
    const info = pdfinfo(path);
    expect(info.Title).toBe('Temu Forum Anak');
    expect(info.Subject).toBe('SOP-506/BKBPM');
    expect(Number(info.Pages)).toBe(expectedPages(fromRoot('sops/sop-506.sop')));
    for (const [width, height] of pageSizes(path)) {
      expect(width).toBeCloseTo(841.89, 1);
      expect(height).toBeCloseTo(595.28, 1);
    }
    const fonts = spawnSync('pdffonts', [path], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBe(2);
    for (const font of fonts) {
      // name: a subset tag (ABCDEF+), embedded, subset, with a Unicode map (text can be copied).
      expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)? .* yes yes yes /);
    }
    const text = squeeze(pdftext(path));
    // The signature block: the position, (the place to sign and stamp,) the name, the NIP line.
    const signed = ['Pj.WALIKOTABANJARMASIN', 'H.M.Thamrin', 'NIP.'].map((part) => text.indexOf(part));
    expect(signed.every((at) => at >= 0)).toBe(true);
    expect([...signed].sort((a, b) => a - b)).toEqual(signed);
    for (const words of ['Nomor SOP', 'Dasar Hukum', 'Pelaksana', 'Mutu Baku', 'Kelengkapan', 'Keterangan', 'JFU Subbid', 'Kerangka Acuan'])
      expect(text).toContain(squeeze(words));
  });

  it('prints the fields other offices print, as the HTML form does', () => {
    const run = runCli(['render', '--format', 'pdf', '-o', OUT, 'test/render/fixtures/office-fields.sop']);
    expect(run.status).toBe(0);
    const text = squeeze(pdftext(join(OUT, 'office-fields.pdf')));
    for (const label of ['No. Revisi', 'Tujuan', 'Ruang Lingkup', 'Definisi', 'Persyaratan', 'Catatan Pelaksanaan']) expect(text).toContain(squeeze(label));
  });

  it('prints a notice in place of a procedure table lost in the source, not an empty table', () => {
    const dir = join(OUT, 'lost');
    const path = join(dir, 'lost-table.sop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, 'Nomor SOP: SOP-307/BKBPM\nJudul SOP: Lomba-Lomba Bidang KB\nDasar Hukum: Permenpan 35/2012\nProsedur: (hilang)\n');
    expect(runCli(['render', '--format', 'pdf', '-o', dir, path]).status).toBe(0);
    const pdf = join(dir, 'lost-table.pdf');
    // The identity sheet, then the procedure's sheet with its heading and the notice.
    expect(Number(pdfinfo(pdf).Pages)).toBe(2);
    const page = squeeze(spawnSync('pdftotext', ['-f', '2', '-l', '2', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout);
    expect(page).toContain(squeeze('Prosedur Lomba-Lomba Bidang KB'));
    expect(page).toContain(squeeze(MISSING_TABLE));
    for (const header of ['Mutu Baku', 'Kegiatan', 'Keterangan']) expect(page).not.toContain(squeeze(header));
  });

  it('writes to stdout when it is not a terminal, and refuses a terminal', () => {
    const piped = spawnSync(process.execPath, [fromRoot('bin/soplint.js'), 'render', '--format', 'pdf', fromRoot('sops/sop-506.sop')], { maxBuffer: 1 << 26 });
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(OUT, 'piped.pdf'), piped.stdout);
    expect(pdfinfo(join(OUT, 'piped.pdf')).Title).toBe('Temu Forum Anak');
    // `script` runs the CLI on a pseudo-terminal.
    const command = [process.execPath, fromRoot('bin/soplint.js'), 'render', '--format', 'pdf', fromRoot('sops/sop-506.sop')].map((a) => `'${a}'`).join(' ');
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', input: '', timeout: 60_000, env: { ...process.env, LANG: 'C.UTF-8' } });
    expect(tty.status).toBe(2);
    expect(tty.stdout).toContain('-o');
    expect(tty.stdout).not.toContain('%PDF');
  });

  it('renders every SOP of the book and the fixtures: the pages expected, every step line selectable', () => {
    const all = [...CORPUS, ...FIXTURES];
    const dir = join(OUT, 'all');
    for (const files of [CORPUS, FIXTURES]) {
      const run = runCli(['render', '--format', 'pdf', '-o', dir, ...files]);
      expect([0, 1]).toContain(run.status); // fixtures with syntax errors exit 1, and still render
    }
    for (const path of all) {
      const pdf = join(dir, `${basename(path, '.sop')}.pdf`);
      const { document } = rendered(path).input;
      expect(Number(pdfinfo(pdf).Pages), path).toBe(expectedPages(path));
      const text = squeeze(pdftext(pdf));
      for (const page of layoutDocument(document)) {
        // Each step's Kegiatan, and the notice printed in place of a table lost in the source (SOP-307).
        for (const cell of page.cells.filter((c) => (c.role === 'kegiatan' || c.role === LOST_TABLE_ROLE) && c.text)) {
          for (const line of cell.text!.lines) expect(text, `${path}: ${line}`).toContain(squeeze(line));
        }
      }
    }
  });

  it('prints body text at 8 pt or more and labels at 7 pt or more, and fills the pages that more steps follow', () => {
    const dir = join(OUT, 'print');
    expect([0, 1]).toContain(runCli(['render', '--format', 'pdf', '-o', dir, ...CORPUS]).status);
    const sizes: number[] = [];
    for (const path of CORPUS) {
      const pdf = join(dir, `${basename(path, '.sop')}.pdf`);
      const { document } = rendered(path).input;
      const words = pdfWords(pdf);
      const labels = labelWords(document);
      for (const [i, page] of words.entries()) {
        expect(tooSmall(page, labels), `${path} page ${i + 1}`).toEqual([]);
        sizes.push(...page.map((w) => w.pt));
      }
      // The flowchart pages follow the identity sheet, if one is printed.
      const pages = layoutDocument(document);
      const first = words.length - pages.length + 1;
      for (const [i, page] of pages.entries()) {
        if (page.sheet < page.sheetCount) expect(inkFill(pdf, first + i), `${path} page ${first + i}`).toBeGreaterThanOrEqual(0.85);
      }
    }
    // The step text is the commonest size: 8.5 pt (8.49 after the page's 0.1% fit to its margins).
    const counts = new Map<number, number>();
    for (const size of sizes) counts.set(Math.round(size * 10) / 10, (counts.get(Math.round(size * 10) / 10) ?? 0) + 1);
    const commonest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    expect(commonest).toBeGreaterThanOrEqual(8);
  });
});

/** A grey page image as PGM (pdftoppm), reduced to a grid of ink fractions. */
function inkGrid(pdf: string, page: number, grid = [24, 16]): number[] {
  const result = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '24', '-gray', '-scale-to-x', '288', '-scale-to-y', '204', pdf], {
    maxBuffer: 1 << 24,
  });
  const bytes = result.stdout as Buffer;
  const header = bytes.subarray(0, 20).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(bytes.length - width * height);
  const cells = new Array(grid[0] * grid[1]).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cell = Math.floor((y * grid[1]) / height) * grid[0] + Math.floor((x * grid[0]) / width);
      cells[cell] += (255 - pixels[y * width + x]) / 255;
    }
  }
  return cells.map((c) => c / ((width * height) / cells.length));
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe.runIf(runBrowserTests)('the PDF beside the HTML form printed by Chromium', () => {
  const SAMPLE = ['sops/sop-506.sop', 'sops/sop-307.sop', 'sops/sop-401.sop', 'test/render/fixtures/long-table.sop', 'test/render/fixtures/decisions.sop']
    .map((f) => fromRoot(f))
    .filter(existsSync);

  it.each(SAMPLE.map((p) => [basename(p), p] as const))('%s: same page count, pages that look alike', async (_name, path) => {
    const browser = await launchBrowser();
    try {
      const name = basename(path, '.sop');
      const html = join(OUT, `${name}.html`);
      writeFileSync(html, rendered(path).html);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      const chromiumPdf = join(OUT, `${name}.chromium.pdf`);
      writeFileSync(chromiumPdf, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
      const run = runCli(['render', '--format', 'pdf', '-o', OUT, path]);
      expect([0, 1]).toContain(run.status);
      const ours = join(OUT, `${name}.pdf`);
      const pages = Number(pdfinfo(ours).Pages);
      expect(pages).toBe(Number(pdfinfo(chromiumPdf).Pages));
      // Chromium prints the HTML form's text as large as ours, and fills the same pages.
      const { document } = rendered(path).input;
      const labels = labelWords(document);
      for (const [i, words] of pdfWords(chromiumPdf).entries()) expect(tooSmall(words, labels), `Chromium page ${i + 1}`).toEqual([]);
      const layout = layoutDocument(document);
      for (const [i, sheet] of layout.entries()) {
        const at = pages - layout.length + 1 + i;
        if (sheet.sheet < sheet.sheetCount) expect(inkFill(chromiumPdf, at), `Chromium page ${at}`).toBeGreaterThanOrEqual(0.85);
      }
      for (let i = 1; i <= pages; i++) expect(correlation(inkGrid(ours, i), inkGrid(chromiumPdf, i)), `page ${i}`).toBeGreaterThan(0.8);
    } finally {
      await browser.close();
    }
  });
});
