/**
 * Generated procedures (any number of actors, steps, multi-actor steps, decisions with two or three
 * exits forwards, backwards, to themselves or to missing steps): the layout keeps its promises on all.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { layoutDocument } from '../../../src/emit/form/layout/document.js';
import { CELL_PADDING_X } from '../../../src/emit/form/layout/style.js';
import type { PlacedSymbol, Point } from '../../../src/emit/form/layout/types.js';
import { renderSvg } from '../../../src/emit/form/svg-emitter.js';
import { textWidth } from '../../../src/emit/form/text/metrics.js';
import { parseSop } from '../../../src/ast/parse.js';
import { xmlErrors } from './xml-check.js';

// Property runs of the form layout over generated SOPs.
vi.setConfig({ testTimeout: 180_000 });

const WORDS = [
  'Memeriksa',
  'telaahan',
  'dan',
  'meneruskan',
  'kepada',
  'Kabid',
  'jika',
  'setuju',
  'Kasubbid',
  'Mengetik',
  'surat',
  'Pemberdayaan',
  'Masyarakatdanperempuankotabanjarmasin',
  '<b>',
  '&',
  '"x"',
];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));

const procedure = fc.record({ actors: fc.integer({ min: 1, max: 9 }), steps: fc.integer({ min: 1, max: 22 }) }).chain(({ actors, steps }) =>
  fc.record({
    actors: fc.constant(actors),
    steps: fc.array(
      fc.record({
        actors: fc.uniqueArray(fc.integer({ min: 0, max: actors - 1 }), { minLength: 1, maxLength: Math.min(3, actors) }),
        kegiatan: text,
        output: fc.option(text, { nil: undefined }),
        exits: fc.option(fc.array(fc.integer({ min: 1, max: steps + 2 }), { minLength: 2, maxLength: 3 }), { nil: undefined }),
      }),
      { minLength: steps, maxLength: steps },
    ),
  }),
);

interface Generated {
  actors: number;
  steps: Array<{ actors: number[]; kegiatan: string; output?: string; exits?: number[] }>;
}

function sopText(p: Generated): string {
  const lines = ['Judul SOP: Dibangkitkan', 'Prosedur: Acak', 'Pelaksana:'];
  for (let a = 0; a < p.actors; a++) lines.push(`  p${a} = Pelaksana ${a + 1}`);
  p.steps.forEach((step, i) => {
    lines.push(`  ${i + 1}. [${step.actors.map((a) => `p${a}`).join(', ')}] ${step.kegiatan}`);
    if (step.output) lines.push(`     Output: ${step.output}`);
    if (step.exits) lines.push(`     Keputusan: ${step.exits.map((t, k) => `${['Ya', 'Tidak', 'Lainnya'][k]} -> ${t}`).join(', ')}`);
  });
  return lines.join('\n') + '\n';
}

function crosses([a, b]: [Point, Point], s: PlacedSymbol): boolean {
  const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return x2 > s.x + 0.5 && x1 < s.x + s.width - 0.5 && y2 > s.y + 0.5 && y1 < s.y + s.height - 0.5;
}

describe('layout of generated procedures', () => {
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

  it('always writes well-formed SVG', async () => {
    const samples = fc.sample(procedure, { numRuns: 10, seed: 506 });
    for (const p of samples) expect(await xmlErrors(renderSvg(parseSop(sopText(p), 'generated.sop').document))).toEqual([]);
  });
});
