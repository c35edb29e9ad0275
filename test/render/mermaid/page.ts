/**
 * A Chromium page with the bundled Mermaid, the way a reader's browser draws a chart: `drawChart`
 * renders a chart's text into it and measures the result (geometry.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../helpers/browser.js';
import { fromRoot } from '../../helpers/paths.js';
import { type ChartGeometry, measureChart } from './geometry.js';

interface MermaidGlobal {
  initialize(options: object): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

export async function openMermaidPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: fromRoot('node_modules/mermaid/dist/mermaid.min.js') });
  await page.evaluate(() => (window as unknown as { mermaid: MermaidGlobal }).mermaid.initialize({ startOnLoad: false, maxEdges: 2000 }));
  return page;
}

/**
 * For a describe block: one browser and Mermaid page for all its tests (started before them, closed
 * after), and the page errors seen so far.
 */
export function useMermaidPage(): { page: () => Page; errors: string[] } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  // Starting Chromium on a busy 2-vCPU machine takes tens of seconds.
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openMermaidPage(browser, errors);
  }, 120_000);
  afterAll(async () => browser?.close());
  return { page: () => page!, errors };
}

export interface DrawnChart {
  geometry: ChartGeometry;
  /** The chart's text content as the reader sees it. */
  text: string;
  /** Mermaid drew its error picture instead of the chart. */
  error: boolean;
}

export async function drawChart(page: Page, source: string): Promise<DrawnChart> {
  const drawn = await page.evaluate(async (text) => {
    const { svg } = await (window as unknown as { mermaid: MermaidGlobal }).mermaid.render('chart', text);
    const holder = document.getElementById('out') as HTMLElement;
    holder.innerHTML = svg;
    return { text: holder.textContent ?? '', error: holder.querySelector('.error-icon') !== null || svg.includes('Syntax error') };
  }, source);
  return { ...drawn, geometry: await page.evaluate(measureChart) };
}
