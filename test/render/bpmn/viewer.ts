/**
 * bpmn-js (the bpmn.io viewer) in headless Chromium: imports a BPMN file and reports what it laid out,
 * in diagram coordinates: every shape's bounds, the box of the text it drew (task names, external
 * labels, annotations, lane and pool names), and each connection's ends.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { fromRoot } from '../../helpers/paths.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawnShape {
  id: string;
  type: string;
  name: string;
  bounds: Box;
  /** The box of the text drawn for this element (its name), null when it has none. */
  text: Box | null;
  /** For a label: the element it names. */
  labelTarget?: string;
}

export interface DrawnConnection {
  id: string;
  type: string;
  source: string;
  target: string;
  /** The kind of element at each end ("bpmn:SequenceFlow" for an annotation tied to a flow). */
  sourceType: string;
  targetType: string;
  waypoints: { x: number; y: number }[];
}

export interface Drawing {
  warnings: string[];
  shapes: DrawnShape[];
  labels: DrawnShape[];
  connections: DrawnConnection[];
}

export interface BpmnViewer {
  draw(xml: string): Promise<Drawing>;
  close(): Promise<void>;
}

export async function openViewer(): Promise<BpmnViewer> {
  const browser: Browser = await launchBrowser();
  const page: Page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
  await page.addStyleTag({ path: fromRoot('node_modules/bpmn-js/dist/assets/bpmn-js.css') });
  await page.addScriptTag({ path: fromRoot('node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
  // The TypeScript transform names inner functions with a helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return {
    async draw(xml: string): Promise<Drawing> {
      const drawing = await page.evaluate(inspect, xml);
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      return drawing;
    },
    close: () => browser.close(),
  };
}

/** Runs in the page: import, then read the element registry and the drawn SVG. */
async function inspect(xml: string): Promise<Drawing> {
  type El = {
    id: string;
    type: string;
    x: number;
    y: number;
    width: number;
    height: number;
    waypoints?: { x: number; y: number }[];
    labelTarget?: El;
    source?: El;
    target?: El;
    businessObject: { name?: string; text?: string };
  };
  const win = window as unknown as {
    BpmnJS: new (
      o: object,
    ) => {
      importXML(x: string): Promise<{ warnings: { message: string }[] }>;
      get(name: string): unknown;
      destroy(): void;
    };
    viewer?: { destroy(): void };
  };
  win.viewer?.destroy();
  const viewer = new win.BpmnJS({ container: '#canvas' });
  win.viewer = viewer;
  const { warnings } = await viewer.importXML(xml);
  const registry = viewer.get('elementRegistry') as { getAll(): El[]; getGraphics(e: El): SVGGElement };
  const layer = document.querySelector('#canvas .viewport') as SVGGElement;
  const toDiagram = layer.getScreenCTM()!.inverse();
  const textBox = (gfx: SVGGElement): Box | null => {
    const texts = [...gfx.querySelectorAll(':scope > .djs-visual > text')] as SVGTextElement[];
    const boxes = texts
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        // The ink: the boxes of its visible characters (bpmn-js keeps a line's trailing space, which it
        // does not count when it fits the line).
        const content = t.textContent ?? '';
        let b = { x: Infinity, y: Infinity, right: -Infinity, bottom: -Infinity };
        for (let i = 0; i < t.getNumberOfChars(); i++) {
          if (/\s/.test(content[i] ?? '')) continue;
          const c = t.getExtentOfChar(i);
          b = { x: Math.min(b.x, c.x), y: Math.min(b.y, c.y), right: Math.max(b.right, c.x + c.width), bottom: Math.max(b.bottom, c.y + c.height) };
        }
        const m = toDiagram.multiply(t.getScreenCTM()!);
        const corners = [
          [b.x, b.y],
          [b.right, b.y],
          [b.x, b.bottom],
          [b.right, b.bottom],
        ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        const xs = corners.map((p) => p.x);
        const ys = corners.map((p) => p.y);
        return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      });
    if (boxes.length === 0) return null;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
  };
  const shapes: DrawnShape[] = [];
  const labels: DrawnShape[] = [];
  const connections: DrawnConnection[] = [];
  for (const el of registry.getAll()) {
    if (el.type === 'bpmn:Collaboration' || el.type === 'bpmn:Process') continue;
    const name = el.businessObject.name ?? el.businessObject.text ?? '';
    if (el.waypoints) {
      connections.push({
        id: el.id,
        type: el.type,
        source: el.source?.id ?? '',
        target: el.target?.id ?? '',
        sourceType: el.source?.type ?? '',
        targetType: el.target?.type ?? '',
        waypoints: el.waypoints.map((p) => ({ x: p.x, y: p.y })),
      });
      continue;
    }
    const drawn = { id: el.id, type: el.type, name, bounds: { x: el.x, y: el.y, width: el.width, height: el.height }, text: textBox(registry.getGraphics(el)) };
    if (el.type === 'label') labels.push({ ...drawn, labelTarget: el.labelTarget?.id });
    else shapes.push(drawn);
  }
  return { warnings: warnings.map((w) => w.message), shapes, labels, connections };
}
