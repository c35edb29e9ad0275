/**
 * Issue 19: the text formats render an SOP of 100,000 steps (one chain, and every step a decision)
 * whole, without overflowing the stack. No time is asserted (the machine may be busy): a return to
 * quadratic work shows as a timeout, recursion as a RangeError. bench/scaling.mjs measures the time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeJson } from '../../src/emit/json.js';
import { renderBpmn } from '../../src/emit/bpmn/index.js';
import { renderDot } from '../../src/emit/dot/graph.js';
import { renderMarkdown } from '../../src/emit/markdown/index.js';
import { renderMermaid } from '../../src/emit/mermaid/flowchart.js';
import type { RenderInput } from '../../src/emit/registry.js';
import { bigInput, count, lastKegiatan, SHAPES, STEPS, TIMEOUT } from './big-formats.js';

for (const [shape, decisions] of Object.entries(SHAPES)) {
  // manySteps: each step flows to the next; a decision's 'Tidak' also goes back one step.
  const edges = decisions ? 2 * (STEPS - 1) : STEPS - 1;

  describe(`${STEPS} steps, ${shape}: every text format renders them all`, () => {
    let input: RenderInput;
    beforeAll(() => {
      input = bigInput(decisions);
    }, TIMEOUT);

    it(
      'json, written in pieces: every step, and the pieces join to one document',
      () => {
        let pieces = 0;
        let longest = 0;
        let steps = 0;
        let tail = '';
        let last = '';
        writeJson(input.document, input.source, (chunk) => {
          pieces++;
          longest = Math.max(longest, chunk.length);
          // A key may straddle two pieces: count it in the end of the last one joined to this one.
          const joined = tail + chunk;
          steps += count(joined, /"kegiatan": \{/g) - count(tail, /"kegiatan": \{/g);
          tail = joined.slice(-32);
          last = chunk;
        });
        expect(steps).toBe(STEPS);
        expect(pieces).toBeGreaterThan(STEPS / 100);
        expect(longest).toBeLessThan(1_000_000);
        expect(last.endsWith('\n}\n')).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'mermaid: every step a node, every flow an edge',
      () => {
        const chart = renderMermaid(input.document);
        expect(count(chart, /^ {4}p1s\d+[[{(]/gm)).toBe(STEPS);
        expect(chart).toContain(`p1s${STEPS}`);
        // A loop to the step itself (step 1's 'Tidak') ends at a connector beside it, still one edge.
        expect(count(chart, /^ {2}p1s\d+ (?:-->|-\.->)/gm)).toBe(edges);
        // Mermaid's limit counts every link: the flows and each lane header's ordering link.
        expect(Number(/^%% (\d+) edges/m.exec(chart)?.[1])).toBeGreaterThan(edges);
      },
      TIMEOUT,
    );

    it(
      'dot: every step a node, the graph closed',
      () => {
        const dot = renderDot(input.document);
        expect(count(dot, /^ {4}"p1_s\d+" \[label=/gm)).toBe(STEPS);
        expect(dot).toContain(`"p1_s${STEPS}" [label="${STEPS}.`);
        expect(dot.endsWith('  }\n}\n')).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'md: a table row per step and the flowchart block closed',
      () => {
        const md = renderMarkdown(input.document);
        expect(count(md, /^\| \d+ \| Memeriksa berkas/gm)).toBe(STEPS);
        expect(md).toContain(`| ${STEPS} | ${lastKegiatan()}.`);
        expect(md.trimEnd().endsWith('```')).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'bpmn: a task per step, every flow between declared elements and drawn',
      () => {
        const xml = renderBpmn(input.document);
        expect(count(xml, /<bpmn:task id="Task_p1_\d+"/g)).toBe(STEPS);
        expect(xml).toContain(`name="${STEPS}. ${lastKegiatan()}.`);
        const ids = new Set([...xml.matchAll(/<bpmn:\w+ id="([^"]+)"/g)].map((m) => m[1]));
        const flows = [...xml.matchAll(/<bpmn:sequenceFlow id="([^"]+)"[^>]* sourceRef="([^"]+)" targetRef="([^"]+)"/g)];
        expect(flows.length).toBeGreaterThanOrEqual(edges);
        expect(flows.filter((f) => !ids.has(f[2]) || !ids.has(f[3])).map((f) => f[1])).toEqual([]);
        expect(count(xml, /<bpmndi:BPMNEdge id="Flow_/g)).toBe(flows.length);
        expect(xml.endsWith('</bpmn:definitions>\n')).toBe(true);
      },
      TIMEOUT,
    );
  });
}
