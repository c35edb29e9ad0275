/**
 * Issue 19: the form (SVG and HTML) of a very long SOP (one chain of 100,000 steps, and 10,000 steps
 * that are each a decision) is drawn whole: every step's symbol on some page, every off-page connector with its twin.
 * No time is asserted (the machine may be busy): a return to per-page rescans of the procedure shows
 * as a timeout. bench/scaling.mjs measures the time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/emit/form/html-emitter.js';
import { renderSvg } from '../../src/emit/form/svg-emitter.js';
import type { RenderInput } from '../../src/emit/registry.js';
import { bigInput, count, SHAPES, STEPS } from './big-formats.js';

/**
 * Generous: the form of 100,000 decisions is some 150 s of CPU (each exit's label is placed among
 * its page's lines), and a worker on a busy machine gets a fraction of a core. No time is asserted.
 */
const TIMEOUT = 2_400_000;

/** The steps with a symbol drawn, and the off-page connectors that lack their twin. */
function drawn(markup: string): { steps: Set<string>; unpaired: string[]; pages: number } {
  const steps = new Set([...markup.matchAll(/data-symbol="[^"]+" data-actor="[^"]*" data-step="(\d+)"/g)].map((m) => m[1]));
  const roles = new Map<string, string[]>();
  for (const [, letter, role] of markup.matchAll(/data-connector="([A-Z]+)" data-role="(in|out)"/g)) roles.set(letter, [...(roles.get(letter) ?? []), role]);
  const unpaired = [...roles].filter(([, r]) => r.sort().join() !== 'in,out').map(([letter]) => letter);
  return { steps, unpaired, pages: count(markup, /<g data-table-body="">/g) };
}

/**
 * The chain at 100,000 steps; the decisions at 10,000: at 100,000 they cost some 150 s of CPU and 3 GB
 * per format, too much for every run of the suite, and linear growth shows already here. The 100,000
 * decisions are measured by `bench/scaling.mjs --render` (bench/RESULTS.md).
 */
const SIZES: Record<keyof typeof SHAPES, number> = { 'one chain': STEPS, 'every step a decision': 10_000 };

for (const [shape, decisions] of Object.entries(SHAPES) as [keyof typeof SHAPES, boolean][]) {
  const size = SIZES[shape];
  describe(`${size} steps, ${shape}: the form draws them all`, () => {
    let input: RenderInput | undefined;
    beforeAll(() => {
      input = bigInput(decisions, size);
    }, TIMEOUT);
    // One shape's document at a time: two of 100,000 steps held together slow every collection.
    afterAll(() => {
      input = undefined;
    });

    it(
      'svg: every step drawn, every connector paired',
      () => {
        const svg = renderSvg(input!.document);
        const { steps, unpaired, pages } = drawn(svg);
        expect(steps.size).toBe(size);
        expect(svg).toContain(`data-step-number="${size}"`);
        expect(unpaired).toEqual([]);
        // 5 to 8 steps a page.
        expect(pages).toBeGreaterThanOrEqual(size / 8);
        expect(svg.endsWith('</svg>\n')).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'html: every step drawn, every connector paired, a described sheet per page',
      () => {
        const html = renderHtml(input!.document);
        const { steps, unpaired, pages } = drawn(html);
        expect(steps.size).toBe(size);
        expect(unpaired).toEqual([]);
        expect(count(html, /<section class="sheet flow"/g)).toBe(pages);
        expect(html).toContain(`Langkah ${size} (`);
        expect(html.endsWith('</html>\n')).toBe(true);
      },
      TIMEOUT,
    );
  });
}
