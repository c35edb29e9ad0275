/**
 * Every SOP of the book and of the offices' corpus as bpmn-js (bpmn.io) lays it out in Chromium:
 * lanes in the declared Pelaksana order, every actor of a step with a task in its lane, no text
 * outside its shape, nothing on a name strip, no two flow nodes on top of each other, no flow through
 * a shape not its own, lost steps as annotations on the flow where they are missing, and bpmnlint's
 * recommended rules clean.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderBpmn } from '../../../src/emit/bpmn/index.js';
import { parseSop } from '../../../src/ast/parse.js';
import { runBrowserTests } from '../../helpers/browser.js';
import { filesIn, fromRoot } from '../../helpers/paths.js';
import { defectsOf, type Defects } from './layout-checks.js';
import { lintReports } from './lint.js';
import { openViewer, type BpmnViewer } from './viewer.js';

// Chromium lays out each file with bpmn-js on a loaded 2-vCPU machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const files = [
  ...filesIn(fromRoot('sops'), '.sop'),
  ...filesIn(fromRoot('test/fixtures/offices'), '.sop'),
  ...filesIn(fromRoot('test/render/fixtures'), '.sop'),
];
const NONE: Defects = { laneOrder: [], coActor: [], textSpill: [], nameStrip: [], overlap: [], flowThrough: [], lostSteps: [] };

describe.runIf(runBrowserTests)('bpmn output laid out by bpmn-js in Chromium', () => {
  let viewer: BpmnViewer;
  beforeAll(async () => {
    viewer = await openViewer();
  });
  afterAll(async () => viewer?.close());

  it.each(files.map((f) => [basename(f), f]))('%s: lanes, actors, text, strips, overlaps, lost steps, bpmnlint', async (name, file) => {
    const { document } = parseSop(readFileSync(file, 'utf8'), String(name));
    const xml = renderBpmn(document);
    const drawing = await viewer.draw(xml);
    expect(drawing.warnings).toEqual([]);
    expect(drawing.shapes.filter((s) => s.type === 'bpmn:Task').length).toBeGreaterThanOrEqual(document.procedures.reduce((n, p) => n + p.steps.length, 0));
    expect(defectsOf(document, drawing)).toEqual(NONE);
    expect(await lintReports(xml)).toEqual([]);
  });

  // Negative controls: each check sees its defect in a diagram broken on purpose.
  it('the checks see each defect in a broken diagram', async () => {
    const file = fromRoot('sops/sop-409.sop');
    const { document } = parseSop(readFileSync(file, 'utf8'), 'sop-409.sop');
    const xml = renderBpmn(document);
    const broken = async (edit: (xml: string) => string) => defectsOf(document, await viewer.draw(edit(xml)));
    const bounds = (id: string) => new RegExp(`(bpmnElement="${id}"[^>]*><dc:Bounds x=")(\\d+)(" y=")(\\d+)(" width=")(\\d+)(" height=")(\\d+)`);
    // A task 80 high whatever its text.
    expect((await broken((x) => x.replace(bounds('Task_p1_1'), '$1$2$3$4$5$6$7' + '30'))).textSpill.join()).toMatch(/Task_p1_1/);
    // The start event moved onto the name strip.
    expect((await broken((x) => x.replace(bounds('Start_p1'), '$1' + '35' + '$3$4$5$6$7$8'))).nameStrip.join()).toMatch(/Start_p1/);
    // A task moved onto the next one.
    const next = xml.match(bounds('Task_p1_2'))!;
    expect((await broken((x) => x.replace(bounds('Task_p1_1'), `$1${next[2]}$3${next[4]}$5$6$7$8`))).overlap.join()).toMatch(/Task_p1_1/);
    // A task moved onto the start event's flow.
    const start = xml.match(bounds('Start_p1'))!;
    expect((await broken((x) => x.replace(bounds('Task_p1_2'), `$1${Number(start[2]) + 20}$3${Number(start[4]) - 10}$5$6$7$8`))).flowThrough.join()).toMatch(
      /through Task_p1_2/,
    );
    // The decision's name put on its exit event's name.
    const labelAt = (id: string) => new RegExp(`(bpmnElement="${id}"[^>]*>[^\n]*?<bpmndi:BPMNLabel><dc:Bounds x=")(\\d+)(" y=")(\\d+)`);
    const exit = xml.match(labelAt('End_p1_1_lost1'))!;
    expect((await broken((x) => x.replace(labelAt('Gateway_p1_1'), `$1${exit[2]}$3${exit[4]}`))).textSpill.join()).toMatch(/texts on each other/);
    // Two lanes swapped, by name.
    expect((await broken((x) => x.replace('name="Kasubbid PI &amp; PSM"', 'name="X"'))).laneOrder).toHaveLength(1);
    // The lost steps' note gone.
    expect((await broken((x) => x.replace(/Langkah 1-11/g, 'Langkah'))).lostSteps).toHaveLength(1);
    // A step's task moved to another lane.
    expect(
      (await broken((x) => x.replace(bounds('Task_p1_1'), `$1$2$3${Number(xml.match(bounds('Task_p1_1'))![4]) + 400}$5$6$7$8`))).coActor.length,
    ).toBeGreaterThan(0);
  });
});
