/**
 * Generated procedures: the layout keeps its promises on any of them, and the drawing read back has
 * none of the defects geometry.ts looks for in the book. The generated SOPs are valid and hard: up to
 * 9 actors, long texts, many returns, decisions of two or three exits and of several actors, jumps
 * ahead and early ends.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseSop } from '../../../src/ast/parse.js';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { CELL_PADDING_X } from '../../../src/emit/form/layout/style.js';
import type { PlacedSymbol, Point } from '../../../src/emit/form/layout/types.js';
import { renderSvg } from '../../../src/emit/form/svg-emitter.js';
import { textWidth } from '../../../src/emit/form/text/metrics.js';
import { documentProblems, parseSheets } from './geometry.js';
import { xmlErrors } from './xml-check.js';
import { generatedSop, generatedSopText } from '../../helpers/generated-sop.js';

// Property runs of the form layout over generated SOPs, each also rendered and parsed back: minutes
// on a busy 2-vCPU machine.
vi.setConfig({ testTimeout: 900_000 });

const procedure = generatedSop();
const sopText = generatedSopText;

function crosses([a, b]: [Point, Point], s: PlacedSymbol): boolean {
  const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return x2 > s.x + 0.5 && x1 < s.x + s.width - 0.5 && y2 > s.y + 0.5 && y1 < s.y + s.height - 0.5;
}

/**
 * Defects the generated SOPs still show, as the book's KNOWN list in geometry.test.ts: labels placed
 * on borders, symbols, routes, connectors or each other; return lanes sharing a line; an off-page
 * connector drawn on another, its flow leaving against its point; letters out of order of appearance.
 * They are being fixed in layout/{labels,routes,ports,place}.ts (issue 16); empty this list as they go.
 */
const PENDING = [
  'label-cut-by-border',
  'label-cut-by-gridline',
  'label-overlaps-label',
  'label-overlaps-symbol',
  'label-overlaps-connector',
  'label-crossed-by-route',
  'label-on-wrong-route',
  'routes-share-segment',
  'connector-overlaps-connector',
  'connector-against-flow',
  'connector-letters',
];

describe('layout of generated procedures', () => {
  it('parses every generated SOP without a syntax finding', () => {
    fc.assert(
      fc.property(procedure, (p) => {
        expect(parseSop(sopText(p), 'generated.sop').diagnostics.map((d) => d.message)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps symbols in columns, text in cells, arrows orthogonal and clear of other symbols, connectors paired', () => {
    fc.assert(
      fc.property(procedure, (p) => {
        const { document } = parseSop(sopText(p), 'generated.sop');
        const pages = layoutDocument(document);
        expect(pages.flatMap((page) => page.steps)).toHaveLength(p.steps.length);
        const roles = new Map<string, string[]>();
        for (const page of pages) {
          expect(page.steps.length).toBeLessThanOrEqual(8);
          for (const s of page.symbols) {
            const area = page.actorAreas.find((a) => a.actorId === s.actorId)!;
            expect(s.x >= area.x && s.x + s.width <= area.x + area.width && s.y >= area.y && s.y + s.height <= area.y + area.height).toBe(true);
          }
          for (const cell of page.cells)
            for (const line of cell.text?.lines ?? []) expect(textWidth(line, cell.text!.fontSize)).toBeLessThanOrEqual(cell.width - 2 * CELL_PADDING_X);
          for (const route of page.routes) {
            const segments = route.points.slice(1).map((q, i) => [route.points[i], q] as [Point, Point]);
            for (const [a, b] of segments) expect(Math.abs(a[0] - b[0]) < 0.01 || Math.abs(a[1] - b[1]) < 0.01).toBe(true);
            for (const s of page.symbols) {
              if (s.stepIndex === route.from || s.stepIndex === route.to) continue;
              for (const segment of segments) expect(crosses(segment, s)).toBe(false);
            }
          }
          for (const c of page.connectors) roles.set(c.letter, [...(roles.get(c.letter) ?? []), c.role]);
        }
        for (const r of roles.values()) expect(r.sort()).toEqual(['in', 'out']);
      }),
      { numRuns: 150 },
    );
  });

  it('draws them with none of the defects of geometry.ts but those still pending', () => {
    const found = new Map<string, string>();
    for (const p of fc.sample(procedure, { numRuns: 100, seed: 16 })) {
      const text = sopText(p);
      const problems = documentProblems(parseSheets(renderSvg(parseSop(text, 'generated.sop').document)), text);
      for (const problem of problems) if (!found.has(problem.kind)) found.set(problem.kind, `${problem.sheet}: ${problem.detail}\n${text}`);
    }
    // Every defect not pending, with the first SOP that shows it (to paste into a fixture).
    expect([...found].filter(([kind]) => !PENDING.includes(kind))).toEqual([]);
  });

  it('always writes well-formed SVG', async () => {
    const samples = fc.sample(procedure, { numRuns: 10, seed: 506 });
    for (const p of samples) expect(await xmlErrors(renderSvg(parseSop(sopText(p), 'generated.sop').document))).toEqual([]);
  });
});
