/** Report formats of `soplint check -f`, each loaded only when asked for. */
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: () => import('./stylish.js').then((m) => m.stylishFormatter),
  json: () => import('./json.js').then((m) => m.jsonFormatter),
  sarif: () => import('./sarif.js').then((m) => m.sarifFormatter),
  github: () => import('./github.js').then((m) => m.githubFormatter),
  junit: () => import('./junit.js').then((m) => m.junitFormatter),
  gitlab: () => import('./gitlab.js').then((m) => m.gitlabFormatter),
};

export const REPORT_FORMATS = Object.keys(FORMATTERS);
