/**
 * What a person sees wrong in a BPMN diagram as bpmn-js lays it out (viewer.ts), one list per kind of
 * defect, each entry naming the element: lanes out of the declared Pelaksana order, an actor of a step
 * with no shape of the step in its lane, text outside its shape, a shape on a lane's name strip, flow
 * nodes on top of each other, a flow through a shape not its own, lost steps with no annotation tied
 * to the flow where they are missing.
 */
import type { Procedure, SopDocument } from '../../../src/ast/types.js';
import type { Box, DrawnShape, Drawing } from './viewer.js';

export type Defect = 'laneOrder' | 'coActor' | 'textSpill' | 'nameStrip' | 'overlap' | 'flowThrough' | 'lostSteps';
export type Defects = Record<Defect, string[]>;

/** The width of a pool's or lane's name strip in bpmn-js. */
const STRIP = 30;
/** bpmn-js fits a line by the canvas's measure of it; SVG's boxes of its glyphs may differ by a pixel. */
const SLACK = 1;

const FLOW_NODE = /^bpmn:(Task|StartEvent|EndEvent|ExclusiveGateway|ParallelGateway|IntermediateThrowEvent)$/;

const inside = (inner: Box, outer: Box, slack = SLACK) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const contains = (b: Box, p: { x: number; y: number }) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** A step's lost neighbours: ranges declared with 'Hilang:' and numbers the table skips. */
export function lostRanges(procedure: Procedure): { from: number; to: number | null }[] {
  const ranges: { from: number; to: number | null }[] = procedure.missing.map((m) => ({ from: m.from, to: m.to }));
  const declared = (n: number) => ranges.some((r) => r.from <= n && (r.to === null || r.to >= n));
  let previous = 0;
  let unnumbered = 0;
  for (const step of procedure.steps) {
    if (step.number === null) {
      unnumbered++;
      continue;
    }
    if (step.number > previous + 1 + unnumbered && !declared(previous + 1)) ranges.push({ from: previous + 1, to: step.number - 1 });
    previous = Math.max(previous, step.number);
    unnumbered = 0;
  }
  return ranges;
}

/** The lanes' names, in order: the declared actors, then the lanes of steps no declared actor takes. */
export function expectedLanes(procedure: Procedure): string[] {
  const declared = new Set(procedure.actors.map((a) => a.id.toLowerCase()));
  const extra: string[] = [];
  for (const step of procedure.steps) {
    const ids = step.actors.length ? step.actors.map((a) => a.id) : [''];
    for (const id of ids) if (!declared.has(id.toLowerCase()) && !extra.includes(id)) extra.push(id);
  }
  return [...procedure.actors.map((a) => a.label), ...extra.map(extraLaneName)];
}

export function extraLaneName(id: string): string {
  if (id === '') return 'Tanpa pelaksana';
  if (id === '?') return '? (pelaksana tidak terbaca)';
  return `${id} (tidak dideklarasikan)`;
}

export function defectsOf(document: SopDocument, drawing: Drawing): Defects {
  const defects: Defects = { laneOrder: [], coActor: [], textSpill: [], nameStrip: [], overlap: [], flowThrough: [], lostSteps: [] };
  const pools = drawing.shapes.filter((s) => s.type === 'bpmn:Participant').sort((a, b) => a.bounds.y - b.bounds.y);
  const lanes = drawing.shapes.filter((s) => s.type === 'bpmn:Lane');
  const nodes = drawing.shapes.filter((s) => FLOW_NODE.test(s.type));
  const annotations = drawing.shapes.filter((s) => s.type === 'bpmn:TextAnnotation');

  document.procedures.forEach((procedure, i) => {
    const pool = pools[i];
    if (!pool) {
      defects.laneOrder.push(`procedure ${i + 1}: no pool`);
      return;
    }
    const own = lanes.filter((l) => inside(l.bounds, pool.bounds, 0)).sort((a, b) => a.bounds.y - b.bounds.y);
    const names = own.map((l) => l.name);
    const expected = expectedLanes(procedure);
    if (JSON.stringify(names) !== JSON.stringify(expected))
      defects.laneOrder.push(`${pool.id}: lanes ${JSON.stringify(names)}, declared ${JSON.stringify(expected)}`);
    const laneAt = (shape: DrawnShape) => own.find((l) => contains(l.bounds, center(shape.bounds)));
    const prefix = `Task_p${i + 1}_`;
    procedure.steps.forEach((step, s) => {
      const tasks = nodes.filter((n) => n.id === `${prefix}${s + 1}` || n.id.startsWith(`${prefix}${s + 1}_`));
      const drawnIn = new Set(tasks.map((t) => laneAt(t)?.name));
      const actors = step.actors.length ? step.actors.map((a) => a.id) : [''];
      for (const id of actors) {
        const actor = procedure.actors.find((a) => a.id.toLowerCase() === id.toLowerCase());
        const lane = actor ? actor.label : extraLaneName(id);
        if (!drawnIn.has(lane)) defects.coActor.push(`${pool.id} step ${step.number ?? '?'}: nothing in lane ${lane}`);
      }
    });
    for (const range of lostRanges(procedure)) {
      const words = [`Langkah ${range.from}`, ...(range.to !== null && range.to !== range.from ? [`${range.to}`] : [])];
      const notes = annotations.filter((a) => inside(a.bounds, pool.bounds, 0) && words.every((w) => a.name.includes(w)));
      const tied = notes.some((note) =>
        drawing.connections.some(
          (c) =>
            c.type === 'bpmn:Association' &&
            ((c.source === note.id && c.targetType === 'bpmn:SequenceFlow') || (c.target === note.id && c.sourceType === 'bpmn:SequenceFlow')),
        ),
      );
      if (!tied) defects.lostSteps.push(`${pool.id}: steps ${range.from}-${range.to ?? '?'} lost, no annotation on a flow`);
    }
  });

  // Text inside its shape: a task's or annotation's name in its box, a lane's or pool's on its strip.
  for (const shape of [...nodes, ...annotations]) {
    if (!shape.text) continue;
    if (shape.type === 'bpmn:Task' || shape.type === 'bpmn:TextAnnotation') {
      if (!inside(shape.text, shape.bounds)) defects.textSpill.push(`${shape.id}: text ${fmt(shape.text)} outside ${fmt(shape.bounds)}`);
    }
  }
  for (const strip of [...pools, ...lanes]) {
    if (!strip.text) continue;
    const box = { x: strip.bounds.x, y: strip.bounds.y, width: STRIP, height: strip.bounds.height };
    if (!inside(strip.text, box)) defects.textSpill.push(`${strip.id}: name ${fmt(strip.text)} outside its strip ${fmt(box)}`);
  }
  // An external label (event, gateway, flow) stays in one lane and off every flow node.
  for (const label of drawing.labels) {
    if (!label.text) continue;
    // A pool without lanes (a procedure with no actor and no step) holds its labels itself.
    const band = lanes.find((l) => contains(l.bounds, center(label.text!))) ?? pools.find((p) => contains(p.bounds, center(label.text!)));
    const content = band && { x: band.bounds.x + STRIP, y: band.bounds.y, width: band.bounds.width - STRIP, height: band.bounds.height };
    if (!content || !inside(label.text, content)) defects.textSpill.push(`${label.id}: label ${fmt(label.text)} outside its lane`);
    const hit = nodes.find((n) => intersects(label.text!, n.bounds));
    if (hit) defects.textSpill.push(`${label.id}: label ${fmt(label.text)} over ${hit.id}`);
  }

  // No label's text over another's, or over an annotation.
  const texts = [...drawing.labels.flatMap((l) => (l.text ? [{ id: l.id, box: l.text }] : [])), ...annotations.map((a) => ({ id: a.id, box: a.bounds }))].sort(
    (a, b) => a.box.x - b.box.x,
  );
  for (let a = 0; a < texts.length; a++)
    for (let b = a + 1; b < texts.length && texts[b].box.x < texts[a].box.x + texts[a].box.width; b++)
      if (intersects(texts[a].box, texts[b].box)) defects.textSpill.push(`${texts[a].id} and ${texts[b].id}: texts on each other`);

  // Nothing on a name strip.
  for (const shape of [...nodes, ...annotations, ...drawing.labels]) {
    const strip = [...pools, ...lanes].find((l) => intersects(shape.bounds, { x: l.bounds.x, y: l.bounds.y, width: STRIP, height: l.bounds.height }));
    if (strip) defects.nameStrip.push(`${shape.id} ${fmt(shape.bounds)} on the name strip of ${strip.id}`);
  }

  // No two flow nodes on top of each other.
  const sorted = [...nodes].sort((a, b) => a.bounds.x - b.bounds.x);
  for (let a = 0; a < sorted.length; a++)
    for (let b = a + 1; b < sorted.length && sorted[b].bounds.x < sorted[a].bounds.x + sorted[a].bounds.width; b++)
      if (intersects(sorted[a].bounds, sorted[b].bounds)) defects.overlap.push(`${sorted[a].id} and ${sorted[b].id}`);

  // No sequence flow runs through a flow node other than its own two.
  for (const flow of drawing.connections.filter((c) => c.type === 'bpmn:SequenceFlow'))
    for (let k = 1; k < flow.waypoints.length; k++) {
      const [a, b] = [flow.waypoints[k - 1], flow.waypoints[k]];
      const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
      const hit = nodes.find((n) => n.id !== flow.source && n.id !== flow.target && intersects(segment, shrink(n.bounds)));
      if (hit) defects.flowThrough.push(`${flow.id} through ${hit.id}`);
    }
  return defects;
}

/** A shape less a pixel each side: a flow may touch a neighbour's border where it turns. */
const shrink = (b: Box): Box => ({ x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 });

const fmt = (b: Box) => `[${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}]`;
