/**
 * What a chart looks like once Mermaid has laid it out in Chromium: the boxes of the lanes, of every
 * node's shape and of its text, each edge's path as points, the boxes of the edge labels. All in the
 * page's CSS pixels, read with getBoundingClientRect, Range rects and getScreenCTM, so that the
 * checks in geometry-checks.ts compare like with like.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LaneGeometry {
  /** The subgraph's id as the emitter wrote it, e.g. `p1l2`. */
  id: string;
  box: Box;
  /** The box of the lane's title text, null when it has none. */
  title: Box | null;
}

export interface NodeGeometry {
  /** The node's id as the emitter wrote it, e.g. `p1s3`. */
  id: string;
  shape: Box;
  /** The box of the laid-out text, null when it has none. */
  text: Box | null;
  /**
   * Whether the four corners of the text's box lie inside the shape's outline (SVG isPointInFill):
   * a diamond's or a stadium's corners are outside its box's.
   */
  textCornersInside: boolean;
}

export interface EdgeGeometry {
  /** Mermaid's id of the edge, e.g. `L_p1s3_p1s2_0`. */
  id: string;
  /** Points along the drawn path, a few pixels apart. */
  points: { x: number; y: number }[];
}

export interface LabelGeometry {
  text: string;
  box: Box;
}

export interface ChartGeometry {
  lanes: LaneGeometry[];
  nodes: NodeGeometry[];
  edges: EdgeGeometry[];
  labels: LabelGeometry[];
}

/**
 * Runs in the page (passed to page.evaluate): measures the chart drawn inside `#out`. It is one
 * self-contained arrow function, because Playwright sends its source text to the browser.
 */
export const measureChart = (): ChartGeometry => {
  const holder = document.getElementById('out') as HTMLElement;
  const textBox = (element: Element | null): Box | null => {
    if (!element || !(element.textContent ?? '').trim()) return null;
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) return null;
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  };
  const union = (elements: Element[]): Box => {
    const rects = elements.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  };
  const lanes = [...holder.querySelectorAll('g.cluster')].map((g) => ({
    id: g.getAttribute('data-id') ?? (g.id.split('-').pop() as string),
    box: union([...g.children].filter((c) => c.tagName === 'rect')),
    title: textBox(g.querySelector('.cluster-label foreignObject div, .cluster-label text')),
  }));
  const insideFill = (outlines: SVGGeometryElement[], x: number, y: number) =>
    outlines.some((outline) => {
      const local = new DOMPoint(x, y).matrixTransform((outline.getScreenCTM() as DOMMatrix).inverse());
      return outline.isPointInFill(local);
    });
  const nodes = [...holder.querySelectorAll('g.node')].map((g) => {
    const shapeParts = [...g.children].filter((c) => !c.classList.contains('label'));
    const outlines = shapeParts.flatMap((c) => [c, ...c.querySelectorAll('*')]).filter((e): e is SVGGeometryElement => e instanceof SVGGeometryElement);
    const text = textBox(g.querySelector('.label foreignObject div, .label text'));
    // Inset by a pixel: glyph boxes touch the outline of a shape sized exactly to them.
    const corners = text
      ? [
          [text.left + 1, text.top + 1],
          [text.right - 1, text.top + 1],
          [text.left + 1, text.bottom - 1],
          [text.right - 1, text.bottom - 1],
        ]
      : [];
    return {
      id: (/-((?:p\d+)?[a-z][a-z0-9_]*)-\d+$/.exec(g.id) ?? ['', g.id])[1],
      shape: union(shapeParts),
      text,
      textCornersInside: corners.every(([x, y]) => insideFill(outlines, x, y)),
    };
  });
  // `~~~` links only order the layout: Mermaid draws them invisible.
  const drawn = [...holder.querySelectorAll<SVGPathElement>('path.flowchart-link')].filter((p) => !p.classList.contains('edge-thickness-invisible'));
  const edges = drawn.map((path) => {
    const matrix = path.getScreenCTM() as DOMMatrix;
    const length = path.getTotalLength();
    const count = Math.min(400, Math.max(2, Math.ceil(length / 3)));
    const points = Array.from({ length: count + 1 }, (_, k) => {
      const p = path.getPointAtLength((length * k) / count);
      return { x: matrix.a * p.x + matrix.c * p.y + matrix.e, y: matrix.b * p.x + matrix.d * p.y + matrix.f };
    });
    return { id: path.getAttribute('data-id') ?? path.id, points };
  });
  const labels = [...holder.querySelectorAll('.edgeLabel')]
    .filter((e) => !e.parentElement?.closest('.edgeLabel'))
    .flatMap((e) => {
      const box = textBox(e.querySelector('foreignObject div, text') ?? e);
      return box ? [{ text: (e.textContent ?? '').trim(), box }] : [];
    });
  return { lanes, nodes, edges, labels };
};
