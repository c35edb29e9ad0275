import type { Emitter } from '../registry.js';
import { renderDot } from './graph.js';

export const dotEmitter: Emitter = {
  format: 'dot',
  extension: 'dot',
  render: ({ document }) => renderDot(document),
};
