import type { Emitter } from '../registry.js';
import { renderMermaid } from './flowchart.js';

export const mermaidEmitter: Emitter = {
  format: 'mermaid',
  extension: 'mmd',
  render: ({ document }) => renderMermaid(document),
};
