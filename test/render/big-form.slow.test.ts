/**
 * Issue 19: the form (SVG and HTML) of an SOP of 100,000 steps (one chain, and every step a
 * decision) is drawn whole: every step's symbol on some page, every off-page connector with its twin.
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

for (const [shape, decisions] of Object.entries(SHAPES)) {
  describe(`${STEPS} steps, ${shape}: the form draws them all`, () => {
    let input: RenderInput | undefined;
    beforeAll(() => {
      input = bigInput(decisions);
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
        expect(steps.size).toBe(STEPS);
        expect(svg).toContain(`data-step-number="${STEPS}"`);
        expect(unpaired).toEqual([]);
        // 5 to 8 steps a page.
        expect(pages).toBeGreaterThanOrEqual(STEPS / 8);
        expect(svg.endsWith('</svg>\n')).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'html: every step drawn, every connector paired, a described sheet per page',
      () => {
        const html = renderHtml(input!.document);
        const { steps, unpaired, pages } = drawn(html);
        expect(steps.size).toBe(STEPS);
        expect(unpaired).toEqual([]);
        expect(count(html, /<section class="sheet flow"/g)).toBe(pages);
        expect(html).toContain(`Langkah ${STEPS} (`);
        expect(html.endsWith('</html>\n')).toBe(true);
      },
      TIMEOUT,
    );
  });
}
