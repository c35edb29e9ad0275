/**
 * `soplint render --format docx`, read back two ways: the package opened as a DOCX reader does
 * (fflate unzips it, jsdom parses word/document.xml: tables, header rows, cells and their text, the
 * embedded fonts and pictures), and LibreOffice converting it to PDF, whose pages are counted by
 * pdfinfo and compared with Chromium's print of the HTML form (same count, pages that look alike).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { hasIdentity } from '../../../src/emit/form/html/identity-sheet.js';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { LOST_TABLE_ROLE, MISSING_TABLE } from '../../../src/emit/form/layout/notice.js';
import { identityModel } from '../../../src/emit/office/identity.js';
import { launchBrowser, runBrowserTests } from '../../helpers/browser.js';
import { runCli } from '../../helpers/cli.js';
import { fromRoot } from '../../helpers/paths.js';
import { CORPUS, FIXTURES, rendered } from '../form/render-helpers.js';
import { inkFill, labelWords, pdfWords, tooSmall } from '../pdf/print-measure.js';

// LibreOffice converts the whole book (about 3 minutes alone, far more on a busy 2-vCPU machine) and
// poppler measures its pages; Chromium prints a sample.
vi.setConfig({ testTimeout: 600_000 });

const OUT = mkdtempSync(join(tmpdir(), 'soplint-docx-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** LibreOffice (Debian libreoffice-writer): required under CI, else these tests skip with a reason. */
const hasLibreOffice = existsSync('/usr/bin/soffice');
const runLibreOffice = hasLibreOffice || !!process.env.CI;
if (!runLibreOffice) console.warn('skipping the LibreOffice checks: soffice not found (apt-get install libreoffice-writer)');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const squeeze = (text: string) => text.replace(/[\s-]+/g, '');

function openDocx(path: string) {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const xml = strFromU8(files['word/document.xml']);
  const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  const all = (node: Element | Document, name: string) => [...node.getElementsByTagNameNS(W, name)];
  const text = (node: Element) =>
    all(node, 't')
      .map((t) => t.textContent)
      .join('');
  return { files, doc, all, text };
}

function pdfPages(path: string): number {
  const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`pdfinfo ${path}: ${info.stderr}`);
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)![1]);
}

/** The pages the HTML form prints: the identity sheet (if any), then each flowchart sheet. */
function expectedPages(path: string): number {
  const { document } = rendered(path).input;
  const pages = layoutDocument(document);
  // A lost identity sheet is said above the first table, when there is one, not on a page of its own.
  const identityPage = hasIdentity(document.identity) && !pages.some((page) => page.notice);
  return (identityPage ? 1 : 0) + pages.length + (document.procedures.length === 0 ? 1 : 0);
}

/** Converts .docx files to PDF with one LibreOffice run, in a profile of its own. */
function libreOfficePdf(files: string[], outdir: string): void {
  mkdirSync(outdir, { recursive: true });
  const profile = pathToFileURL(join(OUT, 'lo-profile')).href;
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...files], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  if (run.status !== 0) throw new Error(`soffice: ${run.stderr}`);
}

describe('soplint render --format docx', () => {
  it('writes SOP-506 as Word tables: the identity sheet, then one table per sheet with two repeated header rows', () => {
    const run = runCli(['render', '--format', 'docx', '-o', OUT, 'sops/sop-506.sop']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { files, doc, all, text } = openDocx(join(OUT, 'sop-506.docx'));
    const { document } = rendered(fromRoot('sops/sop-506.sop')).input;
    const pages = layoutDocument(document);
    const tables = all(doc, 'tbl').filter((t) => t.parentElement?.localName === 'body');
    // Identity table, Paraf table, one table per flowchart sheet.
    expect(tables.length).toBe(2 + pages.length);
    const identity = tables[0];
    expect(text(identity)).toContain('Nomor SOP');
    expect(text(identity)).toContain('SOP-506/BKBPM');
    expect(text(identity)).toContain('Pemerintah Kota Banjarmasin');
    // Disahkan oleh: position, an empty paragraph as tall as the place to sign and stamp, name, NIP.
    const approval = all(identity, 'tr')[4];
    const paragraphs = all(approval, 'tc')
      .slice(-2)
      .flatMap((cell) => all(cell, 'p').map(text));
    expect(paragraphs).toEqual(['Disahkan oleh', 'Pj. WALIKOTA BANJARMASIN', '', 'H. M. Thamrin', expect.stringMatching(/^NIP\. /)]);
    expect(all(tables[1], 'tc').map(text)).toEqual(expect.arrayContaining(['Kasubbag Perundangan', 'Kabag. Hukum', 'Kepala SKPD']));

    pages.forEach((page, i) => {
      const table = tables[2 + i];
      const rows = all(table, 'tr');
      const actors = page.columns.filter((c) => c.kind === 'actor');
      // Two header rows, marked to repeat on each page; then one row per body row of the sheet.
      expect(rows.slice(0, 2).every((r) => all(r, 'tblHeader').length === 1)).toBe(true);
      expect(rows.slice(2).some((r) => all(r, 'tblHeader').length)).toBe(false);
      expect(rows.length).toBe(2 + new Set(page.cells.map((c) => c.y)).size);
      // The grid has the form's columns: No, Kegiatan, the actors, Kelengkapan, Waktu, Output, Keterangan.
      expect(all(table, 'gridCol').length).toBe(page.columns.length);
      const headerTexts = rows.slice(0, 2).flatMap((r) => all(r, 'tc').map(text));
      expect(headerTexts).toEqual(
        expect.arrayContaining(['No', 'Kegiatan', 'Pelaksana', 'Mutu Baku', 'Kelengkapan', 'Waktu', 'Output', 'Keterangan', ...actors.map((a) => a.header)]),
      );
      for (const row of rows.slice(2)) {
        const cells = all(row, 'tc');
        // The actor columns are one merged cell holding the row's flowchart picture.
        expect(cells.length).toBe(page.columns.length - actors.length + 1);
        const band = cells[2];
        expect(Number(all(band, 'gridSpan')[0].getAttributeNS(W, 'val'))).toBe(actors.length);
        expect(band.getElementsByTagName('pic:pic').length + band.getElementsByTagNameNS('*', 'pic').length).toBeGreaterThan(0);
      }
      // Every step's Kegiatan is editable text in its row.
      for (const index of page.steps) {
        const step = document.procedures[page.procedureIndex].steps[index];
        expect(squeeze(rows.map(text).join(''))).toContain(squeeze(step.kegiatan.text));
      }
    });
    // DejaVu Sans travels in the file (both faces), and each picture is SVG with a PNG fallback.
    expect(Object.keys(files).filter((f) => f.startsWith('word/fonts/')).length).toBe(2);
    expect(strFromU8(files['word/fontTable.xml'])).toContain('DejaVu Sans');
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg')) && media.some((f) => f.endsWith('.png'))).toBe(true);
    const xml = strFromU8(files['word/document.xml']);
    const pictures = xml.match(/<a:blip /g)?.length ?? 0;
    expect(pictures).toBe(pages.reduce((n, p) => n + new Set(p.cells.map((c) => c.y)).size, 0));
    expect(xml.match(/<asvg:svgBlip /g)?.length).toBe(pictures);
    const core = strFromU8(files['docProps/core.xml']);
    expect(core).toContain('<dc:title>Temu Forum Anak</dc:title>');
    expect(core).toContain('<dc:subject>SOP-506/BKBPM</dc:subject>');
  });

  it('prints the fields other offices print, as the HTML form does', () => {
    expect(runCli(['render', '--format', 'docx', '-o', OUT, 'test/render/fixtures/office-fields.sop']).status).toBe(0);
    const { doc, all, text } = openDocx(join(OUT, 'office-fields.docx'));
    const cells = all(all(doc, 'tbl')[0], 'tc').map(text);
    for (const label of ['No. Revisi', 'Tujuan', 'Ruang Lingkup', 'Definisi', 'Persyaratan', 'Catatan Pelaksanaan']) expect(cells).toContain(label);
  });

  it('says so when an SOP has no identity sheet', () => {
    const missing = [...FIXTURES, ...CORPUS].find((p) => identityModel(rendered(p).input.document.identity).kind === 'missing');
    if (!missing) return expect(missing).toBeUndefined();
    runCli(['render', '--format', 'docx', '-o', OUT, missing]);
    const { doc, all, text } = openDocx(join(OUT, `${basename(missing, '.sop')}.docx`));
    expect(text(all(doc, 'body')[0])).toContain('Lembar identitas SOP tidak ada dalam sumber.');
  });

  it('prints a notice in place of a procedure table lost in the source, not an empty table', () => {
    const dir = join(OUT, 'lost');
    const path = join(dir, 'lost-table.sop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, 'Nomor SOP: SOP-307/BKBPM\nJudul SOP: Lomba-Lomba Bidang KB\nDasar Hukum: Permenpan 35/2012\nProsedur: (hilang)\n');
    expect(runCli(['render', '--format', 'docx', '-o', dir, path]).status).toBe(0);
    const { doc, all, text } = openDocx(join(dir, 'lost-table.docx'));
    const tables = all(doc, 'tbl').filter((t) => t.parentElement?.localName === 'body');
    // The identity table, then the procedure's: one cell holding the notice, no header rows.
    const lost = tables[tables.length - 1];
    expect(all(lost, 'tc').map(text)).toEqual([MISSING_TABLE]);
    expect(all(lost, 'tblHeader')).toEqual([]);
    const body = text(all(doc, 'body')[0]);
    expect(body).toContain('Prosedur Lomba-Lomba Bidang KB');
    expect(body).not.toContain('Mutu Baku');
  });

  describe.runIf(runLibreOffice)('converted to PDF by LibreOffice', () => {
    const dir = join(OUT, 'book');
    const pdfs = join(OUT, 'book-pdf');
    const all = [...CORPUS, ...FIXTURES];

    it('the whole book and the fixtures: as many pages as the HTML form, every Kegiatan line in the text', () => {
      for (const files of [CORPUS, FIXTURES]) expect([0, 1]).toContain(runCli(['render', '--format', 'docx', '-o', dir, ...files]).status);
      libreOfficePdf(
        all.map((p) => join(dir, `${basename(p, '.sop')}.docx`)),
        pdfs,
      );
      for (const path of all) {
        const pdf = join(pdfs, `${basename(path, '.sop')}.pdf`);
        // office-fields.sop's identity sheet is taller than a page: Word, like Chromium, runs it onto
        // a second one (compared with Chromium's print below).
        if (!path.endsWith('/office-fields.sop')) expect(pdfPages(pdf), path).toBe(expectedPages(path));
        const text = squeeze(spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout);
        for (const step of rendered(path).input.document.procedures.flatMap((p) => p.steps)) {
          if (step.kegiatan.text.trim()) expect(text, `${path}: ${step.kegiatan.text}`).toContain(squeeze(step.kegiatan.text));
        }
        // The notice printed in place of a table lost in the source (SOP-307).
        for (const cell of layoutDocument(rendered(path).input.document).flatMap((p) => p.cells.filter((c) => c.role === LOST_TABLE_ROLE)))
          expect(text, path).toContain(squeeze(cell.text!.lines.join(' ')));
        if (!CORPUS.includes(path)) continue;
        // Printed as large as the other forms: body text 8 pt or more, labels 7 pt or more, and the
        // flowchart pages that more steps follow filled to 85% of the printable height.
        const { document } = rendered(path).input;
        const words = pdfWords(pdf);
        const labels = labelWords(document);
        for (const [i, page] of words.entries()) expect(tooSmall(page, labels), `${path} page ${i + 1}`).toEqual([]);
        const pages = layoutDocument(document);
        const first = words.length - pages.length + 1;
        for (const [i, page] of pages.entries()) {
          if (page.sheet < page.sheetCount) expect(inkFill(pdf, first + i), `${path} page ${first + i}`).toBeGreaterThanOrEqual(0.85);
        }
      }
    });

    it.runIf(runBrowserTests)('SOP-506 and a long table: the same pages as Chromium prints the HTML form, symbols in the same places', async () => {
      const browser = await launchBrowser();
      try {
        for (const path of [
          fromRoot('sops/sop-506.sop'),
          fromRoot('test/render/fixtures/long-table.sop'),
          fromRoot('test/render/fixtures/office-fields.sop'),
        ]) {
          const name = basename(path, '.sop');
          const html = join(OUT, `${name}.html`);
          writeFileSync(html, rendered(path).html);
          const page = await browser.newPage();
          await page.goto(pathToFileURL(html).href);
          const chromium = join(OUT, `${name}.chromium.pdf`);
          writeFileSync(chromium, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
          await page.close();
          const ours = join(pdfs, `${name}.pdf`);
          const pages = pdfPages(ours);
          expect(pages, name).toBe(pdfPages(chromium));
          // Where a sheet overflows its page, the two break it at different lines: count only.
          if (name === 'office-fields') continue;
          for (let i = 1; i <= pages; i++) expect(correlation(actorBand(ours, i), actorBand(chromium, i)), `${name} page ${i}`).toBeGreaterThan(0.7);
        }
      } finally {
        await browser.close();
      }
    });
  });
});

/** A grey page image (pdftoppm PGM) reduced to a grid of ink fractions. */
function actorBand(pdf: string, page: number, grid = [24, 16]): number[] {
  const result = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-gray', '-scale-to-x', '288', '-scale-to-y', '204', pdf], {
    maxBuffer: 1 << 24,
  });
  const bytes = result.stdout as Buffer;
  const header = bytes.subarray(0, 20).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(bytes.length - width * height);
  const cells = new Array(grid[0] * grid[1]).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      cells[Math.floor((y * grid[1]) / height) * grid[0] + Math.floor((x * grid[0]) / width)] += (255 - pixels[y * width + x]) / 255;
  }
  return cells;
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
