/**
 * BPMN 2.0 XML: a collaboration with one pool per procedure, one lane per actor column, tasks
 * (one in each lane of a step's actors, between parallel gateways), exclusive gateways for decisions
 * (and for merging flows), sequence flows named by the exit labels, text annotations for what the
 * source has lost, and a complete BPMN diagram with label positions, so the SOP opens laid out in
 * bpmn.io and Camunda Modeler.
 */
import type { SopDocument } from '../../ast/types.js';
import type { Emitter } from '../registry.js';
import { buildProcessModel, type NodeKind } from './model.js';
import { layoutPool, STRIP, type Bounds, type Point } from './layout.js';
import { groupBy } from './group.js';
import { xmlText } from './xml.js';
import { VERSION } from '../../generated/version.js';

const ELEMENT: Record<NodeKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  task: 'task',
  decision: 'exclusiveGateway',
  merge: 'exclusiveGateway',
  split: 'parallelGateway',
  join: 'parallelGateway',
};
const bounds = (b: Bounds) => `<dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />`;
const label = (b: Bounds | null | undefined) => (b ? `<bpmndi:BPMNLabel>${bounds(b)}</bpmndi:BPMNLabel>` : '');
const waypoints = (points: Point[]) => points.map((pt) => `<di:waypoint x="${pt.x}" y="${pt.y}" />`).join('');

export function renderBpmn(document: SopDocument): string {
  const title = [document.identity.nomor?.text?.text, document.identity.judul?.text?.text].filter(Boolean).join(' ') || document.file;
  const participants: string[] = [];
  const processes: string[] = [];
  const shapes: string[] = [];
  const edges: string[] = [];
  let poolY = 0;
  document.procedures.forEach((procedure, i) => {
    const p = `p${i + 1}`;
    const model = buildProcessModel(procedure, p);
    const name = procedure.title?.text ?? title;
    const layout = layoutPool(model, name, poolY);
    participants.push(`    <bpmn:participant id="Participant_${p}" name="${xmlText(name)}" processRef="Process_${p}" />`);
    shapes.push(
      `      <bpmndi:BPMNShape id="Participant_${p}_di" bpmnElement="Participant_${p}" isHorizontal="true">${bounds({ x: 0, y: poolY, width: layout.width, height: layout.height })}</bpmndi:BPMNShape>`,
    );
    const process = [`  <bpmn:process id="Process_${p}" isExecutable="false">`];
    if (model.laneNames.length) {
      process.push(`    <bpmn:laneSet id="LaneSet_${p}">`);
      const inLane = groupBy(model.nodes, (n) => n.lane);
      model.laneNames.forEach((laneName, lane) => {
        const id = `Lane_${p}_${lane + 1}`;
        process.push(`      <bpmn:lane id="${id}" name="${xmlText(laneName)}">`);
        for (const node of inLane.get(lane) ?? []) process.push(`        <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
        process.push('      </bpmn:lane>');
        shapes.push(`      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}" isHorizontal="true">${bounds(layout.lanes[lane])}</bpmndi:BPMNShape>`);
      });
      process.push('    </bpmn:laneSet>');
    }
    const into = groupBy(model.flows, (f) => f.to);
    const outOf = groupBy(model.flows, (f) => f.from);
    for (const node of model.nodes) {
      const incoming = (into.get(node.id) ?? []).map((f) => `      <bpmn:incoming>${f.id}</bpmn:incoming>`);
      const outgoing = (outOf.get(node.id) ?? []).map((f) => `      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
      const nameAttribute = node.name ? ` name="${xmlText(node.name)}"` : '';
      // Not spread into push(): a step that 100,000 others return to has as many incoming flows.
      process.push(`    <bpmn:${ELEMENT[node.kind]} id="${node.id}"${nameAttribute}>`);
      for (const line of incoming.concat(outgoing)) process.push(line);
      process.push(`    </bpmn:${ELEMENT[node.kind]}>`);
      const marker = node.kind === 'decision' || node.kind === 'merge' ? ' isMarkerVisible="true"' : '';
      shapes.push(
        `      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>${bounds(layout.nodes.get(node.id)!)}${label(layout.nodeLabels.get(node.id))}</bpmndi:BPMNShape>`,
      );
    }
    for (const flow of model.flows) {
      const nameAttribute = flow.name ? ` name="${xmlText(flow.name)}"` : '';
      const condition = flow.conditional
        ? `\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlText(flow.name ?? 'lainnya')}</bpmn:conditionExpression>\n    `
        : '';
      process.push(`    <bpmn:sequenceFlow id="${flow.id}"${nameAttribute} sourceRef="${flow.from}" targetRef="${flow.to}">${condition}</bpmn:sequenceFlow>`);
      const drawn = layout.flows.get(flow.id)!;
      edges.push(`      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${waypoints(drawn.points)}${label(drawn.label)}</bpmndi:BPMNEdge>`);
    }
    for (const annotation of model.annotations) {
      const drawn = layout.annotations.get(annotation.id)!;
      process.push(`    <bpmn:textAnnotation id="${annotation.id}">`, `      <bpmn:text>${xmlText(annotation.text)}</bpmn:text>`, '    </bpmn:textAnnotation>');
      process.push(`    <bpmn:association id="${annotation.id}_link" sourceRef="${annotation.id}" targetRef="${annotation.target}" />`);
      shapes.push(`      <bpmndi:BPMNShape id="${annotation.id}_di" bpmnElement="${annotation.id}">${bounds(drawn.box)}</bpmndi:BPMNShape>`);
      edges.push(`      <bpmndi:BPMNEdge id="${annotation.id}_link_di" bpmnElement="${annotation.id}_link">${waypoints(drawn.link)}</bpmndi:BPMNEdge>`);
    }
    process.push('  </bpmn:process>');
    processes.push(process.join('\n'));
    poolY += layout.height + STRIP + 10;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="https://soplint.dev/bpmn" exporter="soplint" exporterVersion="${VERSION}">`,
    `  <bpmn:collaboration id="Collaboration_1" name="${xmlText(title)}">`,
    ...participants,
    '  </bpmn:collaboration>',
    ...processes,
    '  <bpmndi:BPMNDiagram id="Diagram_1">',
    '    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_1">',
    ...shapes,
    ...edges,
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}

export const bpmnEmitter: Emitter = { format: 'bpmn', extension: 'bpmn', render: ({ document }) => renderBpmn(document) };
