/** Report formats of `soplint check -f`, each loaded only when asked for. */
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: () => import('./stylish.js').then((m) => m.stylishFormatter),
};

export const REPORT_FORMATS = Object.keys(FORMATTERS);
