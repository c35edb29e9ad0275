/**
 * The form carries its own font: Chromium with no DejaVu Sans at all (fontconfig pointed at an empty
 * folder) draws the HTML form exactly as a PC with the font does, because the page embeds the subset
 * of DejaVu Sans it uses. The control: the same page without the embedded font lays out differently.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, runBrowserTests } from '../../helpers/browser.js';
import { fromRoot } from '../../helpers/paths.js';
import { rendered } from './render-helpers.js';

vi.setConfig({ testTimeout: 180_000 });

const DIR = mkdtempSync(join(tmpdir(), 'soplint-fonts-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
/** A font that is not DejaVu Sans, from Debian's LibreOffice (installed by .ci/run for the Word tests). */
const OTHER_FONT = '/usr/share/fonts/truetype/libreoffice/opens___.ttf';
const CHECKS = readFileSync(fromRoot('test/render/form/page-checks.browser.js'), 'utf8');

/**
 * Chromium whose fontconfig knows one font that is not DejaVu Sans: a copy of OpenSymbol if
 * LibreOffice is installed, else none at all (Chromium then loads no web font either).
 */
function launchWithoutFonts(): Promise<Browser> {
  const fonts = join(DIR, 'fonts');
  mkdirSync(fonts, { recursive: true });
  if (existsSync(OTHER_FONT)) copyFileSync(OTHER_FONT, join(fonts, 'other.ttf'));
  const conf = join(DIR, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${join(DIR, 'cache')}</cachedir></fontconfig>\n`,
  );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: { ...process.env, FONTCONFIG_FILE: conf } });
}

/** Every Kegiatan line's drawn width, and the form checks (symbols in columns, text in cells). */
async function measure(browser: Browser, html: string, name: string) {
  const path = join(DIR, `${name}.html`);
  writeFileSync(path, html);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path).href);
  await page.evaluate('document.fonts.ready');
  await page.addScriptTag({ content: CHECKS });
  const checks = (await page.evaluate('window.__formChecks()')) as { problems: string[] };
  const widths = (await page
    .locator('[data-cell="kegiatan"] text')
    .evaluateAll((nodes) => nodes.map((n) => (n as SVGTextElement).getComputedTextLength()))) as number[];
  const identity = await page.locator('table.identity').evaluate((t) => t.getBoundingClientRect().height);
  await page.close();
  return { problems: checks.problems, widths, identity };
}

describe.runIf(runBrowserTests)('the HTML form on a PC without DejaVu Sans', () => {
  it('embeds the subset of the font it uses, and lays out as with the font installed', async () => {
    const html = rendered(fromRoot('sops/sop-506.sop')).html;
    expect(html).toMatch(/@font-face\{font-family:'DejaVu Sans';font-style:normal;font-weight:400;src:url\(data:font\/ttf;base64,/);
    expect(html).toMatch(/font-weight:700;src:url\(data:font\/ttf;base64,/);
    const withFont = await launchBrowser();
    const withoutFont = await launchWithoutFonts();
    try {
      const reference = await measure(withFont, html, 'reference');
      const embedded = await measure(withoutFont, html, 'embedded');
      const bare = await measure(withoutFont, html.replace(/@font-face\{[^}]*\}\n?/g, ''), 'bare');
      expect(reference.problems).toEqual([]);
      expect(embedded.problems).toEqual([]);
      expect(embedded.widths.length).toBeGreaterThan(10);
      // The same widths within 1% (fontconfig's hinting settings differ between the two set-ups).
      embedded.widths.forEach((width, i) => expect(Math.abs(width - reference.widths[i]) / reference.widths[i], `line ${i}`).toBeLessThan(0.01));
      expect(Math.abs(embedded.identity - reference.identity)).toBeLessThan(2);
      // The control: without the embedded font, no DejaVu Sans is found and the text measures otherwise.
      expect(bare.widths.some((width, i) => Math.abs(width - reference.widths[i]) / reference.widths[i] > 0.05)).toBe(true);
    } finally {
      await withFont.close();
      await withoutFont.close();
    }
  });
});
