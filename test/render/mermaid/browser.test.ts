import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderMermaid } from '../../../src/emit/mermaid/flowchart.js';
import { parseSop } from '../../../src/ast/parse.js';
import { launchBrowser, runBrowserTests } from '../../helpers/browser.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';

// Chromium lays out every chart with mermaid.
vi.setConfig({ testTimeout: 180_000 });

const files = [fromRoot('test/render/fixtures/hostile.sop'), fromRoot('test/render/fixtures/long-table.sop'), ...filesIn(fromRoot('sops'), '.sop')];

describe.runIf(runBrowserTests)('mermaid output rendered by mermaid in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: fromRoot('node_modules/mermaid/dist/mermaid.min.js') });
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false, maxEdges: 2000 }));
  }, 60_000);

  afterAll(async () => browser?.close());

  it.each(files.map((f) => [basename(f), f]))(
    '%s draws every step as a node, with no error',
    async (name, file) => {
      const { document: sop } = parseSop(readFileSync(file, 'utf8'), String(name));
      const text = renderMermaid(sop);
      const decisions = sop.procedures.flatMap((procedure, p) =>
        procedure.steps.flatMap((step, i) => (step.symbol === 'decision' ? [`p${p + 1}s${i + 1}`] : [])),
      );
      const result = await page.evaluate(
        async ({ source, decisions }) => {
          const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
          const { svg } = await mermaid.render('chart', source);
          const holder = document.getElementById('out')!;
          holder.innerHTML = svg;
          return {
            nodes: holder.querySelectorAll('g.node').length,
            // The largest diamond: a decision holding its whole text on one line was 2676 px wide.
            widestDiamond: Math.max(
              0,
              ...[...holder.querySelectorAll('g.node')]
                .filter((g) => decisions.some((id) => g.id.includes(`-${id}-`)))
                .map((g) => (g as SVGGraphicsElement).getBBox().width),
            ),
            error: holder.querySelector('.error-icon') !== null || svg.includes('Syntax error'),
            text: holder.textContent ?? '',
          };
        },
        { source: text, decisions },
      );
      const steps = sop.procedures.reduce((n, p) => n + p.steps.length + p.missing.length, 0);
      expect(result.error).toBe(false);
      expect(result.nodes).toBe(Math.max(steps, 1));
      expect(result.widestDiamond, 'the widest decision diamond (px)').toBeLessThan(400);
      if (String(name) === 'hostile.sop') expect(result.text).toContain('<script>alert(1)</script>');
      expect(errors).toEqual([]);
    },
    30_000,
  );
});
