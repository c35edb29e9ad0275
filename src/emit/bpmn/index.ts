/**
 * BPMN 2.0 XML: a collaboration with one pool per procedure, one lane per actor column, tasks,
 * exclusive gateways for decisions (and for merging flows), sequence flows named by the exit labels,
 * and a complete BPMN diagram, so the SOP opens laid out in bpmn.io and Camunda Modeler.
 */
import { UNKNOWN_ACTOR_ID, type SopDocument } from '../../ast/types.js';
import type { Emitter } from '../registry.js';
import { buildProcessModel } from './model.js';
import { LANE_HEIGHT, nodeBounds, POOL_LABEL, poolSize, route, routeToExit, type Bounds } from './layout.js';
import { xmlText } from './xml.js';
import { VERSION } from '../../generated/version.js';

const ELEMENT = { start: 'startEvent', end: 'endEvent', task: 'task', fork: 'exclusiveGateway', merge: 'exclusiveGateway' } as const;
const bounds = (b: Bounds) => `<dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />`;

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
    const size = poolSize(model);
    const name = procedure.title?.text ?? title;
    participants.push(`    <bpmn:participant id="Participant_${p}" name="${xmlText(name)}" processRef="Process_${p}" />`);
    // The extra lane holds steps with no declared actor: say so when it is because the actor cannot be read ('[?]').
    const unreadable = procedure.steps.some((s) => s.actors[0]?.id === UNKNOWN_ACTOR_ID);
    const laneNames = [...procedure.actors.map((a) => a.label), unreadable ? '? (pelaksana tidak terbaca)' : 'Tanpa pelaksana'].slice(0, model.laneCount);
    const process = [`  <bpmn:process id="Process_${p}" isExecutable="false">`, `    <bpmn:laneSet id="LaneSet_${p}">`];
    laneNames.forEach((laneName, lane) => {
      process.push(`      <bpmn:lane id="Lane_${p}_${lane + 1}" name="${xmlText(laneName)}">`);
      for (const node of model.nodes.filter((n) => n.lane === lane)) process.push(`        <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
      process.push('      </bpmn:lane>');
      shapes.push(
        `      <bpmndi:BPMNShape id="Lane_${p}_${lane + 1}_di" bpmnElement="Lane_${p}_${lane + 1}" isHorizontal="true">${bounds({ x: POOL_LABEL, y: poolY + lane * LANE_HEIGHT, width: size.width, height: LANE_HEIGHT })}</bpmndi:BPMNShape>`,
      );
    });
    process.push('    </bpmn:laneSet>');
    const nodeBox = new Map<string, Bounds>();
    for (const node of model.nodes) {
      const incoming = model.flows.filter((f) => f.to === node.id).map((f) => `      <bpmn:incoming>${f.id}</bpmn:incoming>`);
      const outgoing = model.flows.filter((f) => f.from === node.id).map((f) => `      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
      const nameAttribute = node.name ? ` name="${xmlText(node.name)}"` : '';
      process.push(`    <bpmn:${ELEMENT[node.kind]} id="${node.id}"${nameAttribute}>`, ...incoming, ...outgoing, `    </bpmn:${ELEMENT[node.kind]}>`);
      const box = nodeBounds(node, poolY);
      nodeBox.set(node.id, box);
      const marker = node.kind === 'fork' || node.kind === 'merge' ? ' isMarkerVisible="true"' : '';
      shapes.push(`      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>${bounds(box)}</bpmndi:BPMNShape>`);
    }
    const forks = new Set(model.nodes.filter((n) => n.kind === 'fork').map((n) => n.id));
    for (const flow of model.flows) {
      const name = flow.name ? ` name="${xmlText(flow.name)}"` : '';
      const condition = forks.has(flow.from)
        ? `\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlText(flow.name ?? 'lainnya')}</bpmn:conditionExpression>\n    `
        : '';
      process.push(`    <bpmn:sequenceFlow id="${flow.id}"${name} sourceRef="${flow.from}" targetRef="${flow.to}">${condition}</bpmn:sequenceFlow>`);
      const from = nodeBox.get(flow.from)!;
      const to = nodeBox.get(flow.to)!;
      const toExit = model.nodes.find((n) => n.id === flow.to)?.offset === 'exit';
      const points = toExit ? routeToExit(from, to) : route(from, to, to.x < from.x);
      edges.push(
        `      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${points.map((pt) => `<di:waypoint x="${pt.x}" y="${pt.y}" />`).join('')}</bpmndi:BPMNEdge>`,
      );
    }
    for (const annotation of model.annotations) {
      const box = nodeBox.get(annotation.node)!;
      const at = { x: box.x + box.width + 10, y: box.y + box.height + 4, width: 120, height: 30 };
      process.push(`    <bpmn:textAnnotation id="${annotation.id}">`, `      <bpmn:text>${xmlText(annotation.text)}</bpmn:text>`, '    </bpmn:textAnnotation>');
      process.push(`    <bpmn:association id="${annotation.id}_link" sourceRef="${annotation.node}" targetRef="${annotation.id}" />`);
      shapes.push(`      <bpmndi:BPMNShape id="${annotation.id}_di" bpmnElement="${annotation.id}">${bounds(at)}</bpmndi:BPMNShape>`);
      edges.push(
        `      <bpmndi:BPMNEdge id="${annotation.id}_link_di" bpmnElement="${annotation.id}_link"><di:waypoint x="${box.x + box.width}" y="${box.y + box.height / 2}" /><di:waypoint x="${at.x}" y="${at.y + at.height / 2}" /></bpmndi:BPMNEdge>`,
      );
    }
    process.push('  </bpmn:process>');
    processes.push(process.join('\n'));
    shapes.unshift(
      `      <bpmndi:BPMNShape id="Participant_${p}_di" bpmnElement="Participant_${p}" isHorizontal="true">${bounds({ x: 0, y: poolY, width: size.width + POOL_LABEL, height: size.height })}</bpmndi:BPMNShape>`,
    );
    poolY += size.height + 40;
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
