/**
 * The site `soplint render sops/ --format html -o site/` writes, in headless Chromium: the
 * Keterkaitan graph laid out so that its lines end at their own ports on their targets (not twenty
 * curves into one point), boxes apart with their labels inside, each corpus box a link that opens
 * its SOP's page, whose bar of links shows on screen and not in print.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runBrowserTests } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const site = mkdtempSync(join(tmpdir(), 'soplint-site-browser-'));
const sopFiles = readdirSync(fromRoot('sops')).filter((f) => f.endsWith('.sop'));

beforeAll(() => {
  const run = runCli(['render', 'sops/', '--format', 'html', '-o', site]);
  expect([0, 1]).toContain(run.status);
}, 120_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe.skipIf(!runBrowserTests)('the site in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("lays the graph out so that lines end at their own ports, boxes apart, each corpus box a link to its SOP's page", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'keterkaitan.html')).href);
    const layout = await page.evaluate(() => {
      const rect = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const boxes = [...document.querySelectorAll('g[data-node]')].map((g) => ({
        id: g.getAttribute('data-id')!,
        box: rect(g.querySelector('rect')!),
        text: rect(g.querySelector('text')!),
        href: g.parentElement?.tagName.toLowerCase() === 'a' ? g.parentElement.getAttribute('href') : null,
      }));
      const edges = [...document.querySelectorAll('g.edge')].map((g) => ({
        to: g.getAttribute('data-to')!,
        head: rect(g.querySelector('polygon')!),
      }));
      return { boxes, edges };
    });
    expect(layout.boxes.filter((b) => b.id.startsWith('file:')).length).toBe(sopFiles.length);
    expect(layout.boxes.length).toBeGreaterThan(sopFiles.length + 3);
    // No two boxes overlap; each label inside its box.
    for (const [i, a] of layout.boxes.entries()) {
      expect(a.text.x).toBeGreaterThanOrEqual(a.box.x);
      expect(a.text.x + a.text.width).toBeLessThanOrEqual(a.box.x + a.box.width + 0.5);
      expect(a.text.y + a.text.height).toBeLessThanOrEqual(a.box.y + a.box.height + 0.5);
      for (const b of layout.boxes.slice(i + 1)) {
        const apart =
          a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
    // Every arrowhead touches its own target's side, and no two arrowheads into one box overlap.
    const byId = new Map(layout.boxes.map((b) => [b.id, b]));
    const heads = new Map<string, { y: number; height: number }[]>();
    for (const edge of layout.edges) {
      const target = byId.get(edge.to)!.box;
      const tip = edge.head.x + edge.head.width;
      expect(Math.abs(tip - target.x)).toBeLessThan(1.5);
      expect(edge.head.y).toBeGreaterThanOrEqual(target.y);
      expect(edge.head.y + edge.head.height).toBeLessThanOrEqual(target.y + target.height);
      heads.set(edge.to, [...(heads.get(edge.to) ?? []), edge.head]);
    }
    const busiest = Math.max(...[...heads.values()].map((h) => h.length));
    expect(busiest).toBeGreaterThan(10); // "SOP Surat Keluar" is named by most of the book
    for (const list of heads.values()) {
      const sorted = [...list].sort((a, b) => a.y - b.y);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].y).toBeGreaterThanOrEqual(sorted[i - 1].y + sorted[i - 1].height - 0.5);
    }
    // Corpus boxes are links to their pages; clicking one opens it.
    const corpus = layout.boxes.filter((b) => b.id.startsWith('file:'));
    expect(corpus.every((b) => b.href && /^\.\/[\w.%-]+\.html$/.test(b.href))).toBe(true);
    await page.click('a.node[href="./sop-506.html"]');
    await page.waitForURL(/sop-506\.html$/);
    expect(await page.title()).toContain('SOP-506');
    // The bar of links is for the screen; the printed form is the official one.
    expect(await page.locator('nav.site').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.site').isVisible()).toBe(false);
    await page.close();
  });
});
