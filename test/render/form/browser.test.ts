/**
 * The official form as a person's browser shows and prints it (Debian Chromium via playwright-core):
 * no console errors, every symbol inside its actor's column, no text overflowing its cell, no axe-core
 * violations, and a PDF of A4 landscape pages (pdfinfo) holding the title and the steps' text (pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, runBrowserTests } from '../../helpers/browser.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';
import { CORPUS, corpusPages, FIXTURES, rendered, writeTemp } from './render-helpers.js';

// Chromium renders and prints every SOP of the book.
vi.setConfig({ testTimeout: 180_000 });

const CHECKS = readFileSync(fromRoot('test/render/form/page-checks.browser.js'), 'utf8');
const AXE = fromRoot('node_modules/axe-core/axe.min.js');
const SOPS = [...FIXTURES, ...CORPUS].map(rendered);
/** Other offices' forms: narrower actor columns, so headers broken across lines with hyphens. */
const OFFICES = filesIn(fromRoot('test/fixtures/offices'), '.sop').map(rendered);
const TIMEOUT = 120_000;
/** pdfinfo and pdftotext (Debian poppler-utils): required under CI, else their tests skip with a reason. */
const hasPoppler = existsSync('/usr/bin/pdfinfo') && existsSync('/usr/bin/pdftotext');
const runPdfTests = hasPoppler || !!process.env.CI;
if (runBrowserTests && !runPdfTests) console.warn('skipping the PDF checks: pdfinfo/pdftotext not found (apt-get install poppler-utils)');

interface Checks {
  problems: string[];
  /** Lines ending in a hyphen. */
  hyphens: number;
  sheets: number;
  symbols: number;
  cells: number;
  connectors: string[];
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Page sizes (pt) and text of a PDF, read by poppler-utils. */
function readPdf(path: string): { sizes: Array<[number, number]>; text: string } {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`pdfinfo failed: ${info.stderr}`);
  const sizes = [...info.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (text.status !== 0) throw new Error(`pdftotext failed: ${text.stderr}`);
  return { sizes, text: text.stdout };
}

/** Text compared without whitespace or hyphens: pdftotext joins lines and drops a hyphen at a line's end. */
const squeeze = (text: string) => text.replace(/[\s-]+/g, '');

describe.runIf(runBrowserTests)('the official form in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const files: Record<string, string> = { ...corpusPages([...FIXTURES, ...CORPUS]) };
    for (const sop of SOPS) files[`${sop.name}.html`] = sop.html;
    for (const sop of OFFICES) files[`office-${sop.name}.html`] = sop.html;
    files['broken.html'] = '<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>';
    dir = writeTemp(files);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(join(dir, name)).href);
    await page.addScriptTag({ content: CHECKS });
    return { page, errors };
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)')) as AxeViolation[];
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  }

  async function printPdf(page: Page, name: string): Promise<{ sizes: Array<[number, number]>; text: string }> {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
    return readPdf(path);
  }

  it.each(SOPS.map((s) => [s.file, s] as const))(
    '%s: symbols inside their columns, text inside its cells, axe clean',
    async (_file, sop) => {
      const { page, errors } = await open(`${sop.name}.html`);
      const checks = (await page.evaluate('window.__formChecks()')) as Checks;
      expect(checks.problems).toEqual([]);
      const steps = sop.input.document.procedures.reduce((n, p) => n + p.steps.length, 0);
      if (steps > 0) {
        expect(checks.symbols).toBeGreaterThanOrEqual(steps);
        expect(checks.cells).toBeGreaterThan(steps);
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "the other offices' forms: symbols inside their columns, text inside its cells, every hyphen drawn",
    async () => {
      let hyphens = 0;
      for (const sop of OFFICES) {
        const { page, errors } = await open(`office-${sop.name}.html`);
        const checks = (await page.evaluate('window.__formChecks()')) as Checks;
        expect(checks.problems, sop.file).toEqual([]);
        expect(errors, sop.file).toEqual([]);
        hyphens += checks.hyphens;
        await page.close();
      }
      // Their narrow actor columns break some headers across lines: the check has hyphens to see.
      expect(hyphens).toBeGreaterThan(0);
    },
    TIMEOUT * 2,
  );

  describe.runIf(runPdfTests)('printed to PDF', () => {
    it.each(SOPS.map((s) => [s.file, s] as const))(
      '%s: prints on A4 landscape pages with the title and every step',
      async (_file, sop) => {
        const { page } = await open(`${sop.name}.html`);
        const pdf = await printPdf(page, sop.name);
        const sections = await page.locator('section.sheet').count();
        expect(pdf.sizes.length).toBeGreaterThanOrEqual(sections);
        // office-fields.sop's identity sheet holds every optional field other offices print and runs onto
        // a second page, as Word runs it too (test/render/docx); every other sheet is one page.
        const overflowing = sop.name === 'office-fields' ? 1 : 0;
        if (FIXTURES.some((f) => f.endsWith(`/${sop.name}.sop`))) expect(pdf.sizes.length).toBe(sections + overflowing);
        for (const [width, height] of pdf.sizes) {
          expect(Math.abs(width - 842)).toBeLessThanOrEqual(2);
          expect(Math.abs(height - 595)).toBeLessThanOrEqual(2);
        }
        const text = squeeze(pdf.text);
        const title = sop.input.document.identity.judul?.text?.text;
        if (title) expect(text).toContain(squeeze(title));
        const lines = (await page.locator('[data-cell="kegiatan"] tspan').allTextContents()).filter((l) => l.trim());
        expect(lines.length).toBeGreaterThanOrEqual(
          sop.input.document.procedures.reduce((n, p) => n + p.steps.filter((s) => s.kegiatan.text.trim()).length, 0),
        );
        for (const line of lines) expect(text).toContain(squeeze(line));
        await page.close();
      },
      TIMEOUT,
    );

    it(
      'a long table takes more pages, joined by off-page connectors in pairs',
      async () => {
        const sheetsOf = async (name: string) => {
          const { page } = await open(`${name}.html`);
          const checks = (await page.evaluate('window.__formChecks()')) as Checks;
          const pdf = await printPdf(page, `${name}-count`);
          const letters = await page
            .locator('[data-connector]')
            .evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-connector')}:${n.getAttribute('data-role')}`));
          await page.close();
          return { checks, pages: pdf.sizes.length, letters };
        };
        const long = await sheetsOf('long-table');
        const short = await sheetsOf('decisions');
        expect(long.checks.sheets).toBeGreaterThanOrEqual(2);
        expect(short.checks.sheets).toBe(1);
        expect(long.pages).toBeGreaterThan(short.pages);
        expect(long.pages).toBeGreaterThanOrEqual(2);
        expect(long.letters.sort()).toEqual(['A:in', 'A:out']);
        expect(long.checks.problems).toEqual([]);
      },
      TIMEOUT,
    );

    it.each(['index.html', 'keterkaitan.html'])(
      '%s: no console errors, axe clean, A4 landscape when printed',
      async (name) => {
        const { page, errors } = await open(name);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        const pdf = await printPdf(page, name);
        expect(pdf.sizes.length).toBeGreaterThan(0);
        for (const [width, height] of pdf.sizes) {
          expect(Math.abs(width - 842)).toBeLessThanOrEqual(2);
          expect(Math.abs(height - 595)).toBeLessThanOrEqual(2);
        }
        await page.close();
      },
      TIMEOUT,
    );
  });

  // Negative controls: the same checks fail on a page that is broken on purpose.
  it(
    'the geometry checks catch a symbol moved out of its column and text pushed out of its cell',
    async () => {
      const { page } = await open('long-table.html');
      await page.evaluate(() => {
        const symbol = document.querySelector('[data-symbol]')!;
        symbol.setAttribute('x', '2');
        const tspan = document.querySelector('[data-cell="output"] tspan')!;
        tspan.textContent = 'teks yang jauh terlalu panjang untuk muat di dalam sel Output ini';
      });
      const checks = (await page.evaluate('window.__formChecks()')) as Checks;
      expect(checks.problems.some((p) => p.includes('outside column'))).toBe(true);
      expect(checks.problems.some((p) => p.includes('overflows its cell'))).toBe(true);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'the checks see the hyphens of broken words drawn, and catch one that is not (a soft hyphen)',
    async () => {
      const { page } = await open('long-table.html');
      const fine = (await page.evaluate('window.__formChecks()')) as Checks;
      const tspan = page.locator('[data-cell="kegiatan"] tspan').first();
      await tspan.evaluate((node) => {
        node.textContent = 'Pember\u00ad';
      });
      const broken = (await page.evaluate('window.__formChecks()')) as Checks;
      expect(broken.hyphens).toBe(fine.hyphens + 1);
      expect(broken.problems.filter((p) => p.includes('hyphen'))).toEqual([expect.stringContaining('Pember')]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'axe-core reports a page that is inaccessible on purpose',
    async () => {
      const { page } = await open('broken.html');
      const violations = await axeViolations(page);
      expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
      expect(violations.some((v) => v.startsWith('html-has-lang'))).toBe(true);
      await page.close();
    },
    TIMEOUT,
  );
});
