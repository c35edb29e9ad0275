/**
 * The playground in headless Chromium, loaded from files as someone who opens the built page does:
 * type an SOP with a misspelled actor, see the finding and its quick fix, fix it, see the form
 * follow; no console errors; no serious axe-core violation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, runBrowserTests } from '../helpers/browser.js';
import { fromRoot } from '../helpers/paths.js';

// Building the bundle and driving Chromium on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const AXE = fromRoot('node_modules/axe-core/axe.min.js');
const SAMPLE = readFileSync(fromRoot('sops/sop-506.sop'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('the playground source', () => {
  it('type-checks (DOM, CodeMirror, the library it bundles)', () => {
    execFileSync(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '-p', fromRoot('editors/playground/tsconfig.json')], { stdio: 'pipe' });
  });
});

describe.runIf(runBrowserTests)('the playground in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'soplint-playground-'));

  beforeAll(async () => {
    execFileSync(process.execPath, [fromRoot('editors/playground/build.mjs'), dir], { stdio: 'pipe' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForSelector('.cm-content');
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const setText = (text: string) =>
    page.evaluate((t) => {
      const { view } = (window as unknown as { playground: { view: { state: { doc: { length: number } }; dispatch: (spec: unknown) => void } } }).playground;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    }, text);
  const editorText = () =>
    page.evaluate(() => (window as unknown as { playground: { view: { state: { doc: { toString: () => string } } } } }).playground.view.state.doc.toString());
  const formText = () => page.frameLocator('#form').locator('body').innerText();

  it('shows the bundled sample, highlighted, with its form beside it', async () => {
    expect(await editorText()).toBe(SAMPLE);
    await expect.poll(formText, { timeout: 60_000 }).toContain('Temu Forum Anak');
    // Labels are highlighted from the lexer's label table: some token of the first lines is styled.
    expect(await page.locator('.cm-line span[class]').count()).toBeGreaterThan(10);
    const styleOf = (text: string) => page.locator('.cm-line span[class]', { hasText: text }).first().getAttribute('class');
    expect(await styleOf('Instansi:')).toBeTruthy();
    expect(await styleOf('Unit Kerja:')).toBe(await styleOf('Instansi:'));
  });

  it('finds a misspelled actor while typing, offers its fix, and the form follows the fixed text', async () => {
    // The actor written by its column's label, as people do: '[JFU Subbid]' for the id 'jfu'.
    await setText(SAMPLE.replace('2. [jfu] Mengetik', '2. [JFU Subbid] Mengetik').replace('Judul SOP: Temu Forum Anak', 'Judul SOP: Temu Forum Anak Kota'));
    const finding = page.locator('#findings li[data-rule="actor/undeclared"]');
    await finding.first().waitFor({ timeout: 60_000 });
    expect(await finding.first().innerText()).toMatch(/JFU Subbid/);
    await expect.poll(formText, { timeout: 60_000 }).toContain('Temu Forum Anak Kota');
    // The same finding is inline in the editor: its place button scrolls there.
    await finding.first().locator('button.where').click();
    await expect.poll(() => page.locator('.cm-lintRange-error, .cm-lintRange-warning').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const fix = finding.first().locator('button.fix');
    expect(await fix.count()).toBe(1);
    await fix.click();
    await expect.poll(editorText, { timeout: 60_000 }).toContain('2. [jfu] Mengetik');
    await expect.poll(() => page.locator('#findings li[data-rule="actor/undeclared"]').count(), { timeout: 60_000 }).toBe(0);
    // Typing goes through the same path: a keystroke in the title reaches the form.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# catatan');
    await expect.poll(editorText, { timeout: 60_000 }).toContain('# catatan');
    await setText(SAMPLE.replace('Judul SOP: Temu Forum Anak', 'Judul SOP: Temu Forum Remaja'));
    await expect.poll(formText, { timeout: 60_000 }).toContain('Temu Forum Remaja');
  });

  it('switches the messages to English', async () => {
    await setText(SAMPLE.replace('     Waktu: 1 jam', '     Waktuu: 1 jam'));
    await page.locator('#findings li[data-rule="syntax/unknown-label"]').first().waitFor({ timeout: 60_000 });
    await page.selectOption('#lang', 'en');
    await expect
      .poll(() => page.locator('#findings li[data-rule="syntax/unknown-label"]').first().innerText(), { timeout: 60_000 })
      .toMatch(/Unknown label 'Waktuu:'/);
    await page.selectOption('#lang', 'id');
  });

  it('opens a text given in the link (#sop=base64url), as a rendered book can link to it', async () => {
    const text = SAMPLE.replace('Judul SOP: Temu Forum Anak', 'Judul SOP: Temu Forum Tautan');
    const other = await browser.newPage();
    await other.goto(`${pathToFileURL(join(dir, 'index.html')).href}#sop=${Buffer.from(text, 'utf8').toString('base64url')}`);
    await other.waitForSelector('.cm-content');
    await expect.poll(() => other.frameLocator('#form').locator('body').innerText(), { timeout: 60_000 }).toContain('Temu Forum Tautan');
    await other.close();
  });

  it('has no console errors and no serious accessibility problem (axe-core)', async () => {
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)')) as AxeViolation[];
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
    expect(errors).toEqual([]);
  });
});
