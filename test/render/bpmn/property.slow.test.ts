/**
 * Generated SOPs (many actors, long texts, several actors per step and per decision, returns,
 * three-way decisions, exits to `selesai`, `?` and lost steps, lost ranges and skipped numbers) as
 * bpmn-js lays them out in Chromium: the same promises as for the book (layout.slow.test.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderBpmn } from '../../../src/emit/bpmn/index.js';
import { parseSop } from '../../../src/ast/parse.js';
import { runBrowserTests } from '../../helpers/browser.js';
import { SOP_WORDS } from '../../helpers/generated-sop.js';
import { defectsOf, type Defects } from './layout-checks.js';
import { lintReports, moddleImport } from './lint.js';
import { openViewer, type BpmnViewer } from './viewer.js';

// A property run draws every generated SOP in Chromium, on a loaded 2-vCPU machine.
vi.setConfig({ testTimeout: 900_000, hookTimeout: 300_000 });

const WORDS = [...SOP_WORDS, 'Bagian/Hukum', 'Kep.-Walikota'];
const text = (max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const LABELS = ['Ya', 'Tidak', 'Perbaiki', 'Tidak lengkap dan dikembalikan kepada pemohon untuk dilengkapi'];

/** A target: a step by position (resolved to its number), `selesai`, `?`, or a number the table lost. */
const target = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }).map((i) => ({ step: i })) },
  { weight: 1, arbitrary: fc.constant({ word: 'selesai' }) },
  { weight: 1, arbitrary: fc.constant({ word: '?' }) },
  { weight: 1, arbitrary: fc.constant({ lost: true }) },
);
type Target = { step: number } | { word: string } | { lost: boolean };

const generated = fc.record({ actors: fc.integer({ min: 1, max: 9 }), steps: fc.integer({ min: 0, max: 14 }) }).chain(({ actors, steps }) =>
  fc.record({
    actors: fc.constant(actors),
    actorNames: fc.array(text(8), { minLength: actors, maxLength: actors }),
    lostBefore: fc.integer({ min: 0, max: 11 }),
    lostAfter: fc.boolean(),
    steps: fc.array(
      fc.record({
        actors: fc.uniqueArray(fc.integer({ min: 0, max: actors - 1 }), { minLength: 1, maxLength: Math.min(4, actors) }),
        kegiatan: text(60),
        skip: fc.integer({ min: 0, max: 8 }).map((n) => (n > 6 ? n - 6 : 0)),
        exits: fc.option(fc.array(target, { minLength: 2, maxLength: 3 }), { nil: undefined, freq: 2 }),
        next: fc.option(target, { nil: undefined, freq: 6 }),
      }),
      { minLength: steps, maxLength: steps },
    ),
  }),
);

type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

function sopText(p: Generated): string {
  const lines = ['Judul SOP: Dibangkitkan', 'Prosedur: Acak dengan nama prosedur yang cukup panjang untuk dibungkus', 'Pelaksana:'];
  for (let a = 0; a < p.actors; a++) lines.push(`  p${a} = ${p.actorNames[a]}`);
  if (p.lostBefore > 0) lines.push(`  Hilang: 1-${p.lostBefore}`);
  const numbers: number[] = [];
  let n = p.lostBefore;
  for (const step of p.steps) {
    n += 1 + step.skip;
    numbers.push(n);
  }
  const lost = (numbers.at(-1) ?? p.lostBefore) + 1;
  const where = (t: Target) => ('step' in t ? String(numbers[t.step % Math.max(1, numbers.length)] ?? 'selesai') : 'word' in t ? t.word : String(lost));
  // A valid SOP reaches every step and its end: a decision's first exit, and a 'Lanjut:' first
  // target, is the next step (the end, for the last step).
  p.steps.forEach((step, i) => {
    lines.push(`  ${numbers[i]}. [${step.actors.map((a) => `p${a}`).join(', ')}] ${step.kegiatan}`);
    const following = [i + 1 < numbers.length ? String(numbers[i + 1]) : 'selesai'];
    if (step.exits) {
      const targets = [...following, ...step.exits.map(where)].slice(0, step.exits.length);
      lines.push(`     Keputusan: ${targets.map((t, k) => `${LABELS[k % LABELS.length]} -> ${t}`).join(', ')}`);
    } else if (step.next) lines.push(`     Lanjut: ${[...new Set([...following, where(step.next)])].join(', ')}`);
  });
  if (p.lostAfter) lines.push(`  Hilang: ${lost}-?`);
  return `${lines.join('\n')}\n`;
}

const NONE: Defects = { laneOrder: [], coActor: [], textSpill: [], nameStrip: [], overlap: [], flowThrough: [], lostSteps: [] };

describe.runIf(runBrowserTests)('generated SOPs laid out by bpmn-js', () => {
  let viewer: BpmnViewer;
  beforeAll(async () => {
    viewer = await openViewer();
  });
  afterAll(async () => viewer?.close());

  it('keep lanes, actors, text, strips, overlaps, lost steps and bpmnlint right', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (p) => {
        const source = sopText(p);
        const { document } = parseSop(source, 'generated.sop');
        const xml = renderBpmn(document);
        expect((await moddleImport(xml)).warnings).toEqual([]);
        const drawing = await viewer.draw(xml);
        expect(drawing.warnings).toEqual([]);
        expect(defectsOf(document, drawing), source).toEqual(NONE);
        expect(await lintReports(xml), source).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
