/**
 * Mermaid's own parser under jsdom. The DOM globals must exist BEFORE mermaid is imported, or every
 * diagram fails to parse (valid ones included): see ../shared/guide/validators.md.
 */
import { JSDOM } from 'jsdom';

let loaded: Promise<{ parse(text: string): Promise<unknown> }> | undefined;

export function loadMermaid() {
  loaded ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as Record<string, unknown>;
    g.window = dom.window;
    g.document = dom.window.document;
    g.DOMParser = dom.window.DOMParser;
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false, maxEdges: 2000 });
    return mermaid;
  })();
  return loaded;
}

/** Resolves when mermaid accepts the text; rejects with mermaid's error otherwise. */
export async function mermaidParse(text: string): Promise<void> {
  const mermaid = await loadMermaid();
  await mermaid.parse(text);
}
