/** Report formats of `soplint check -f`, each loaded only when asked for. */
import type { Formatter, StreamingFormatter } from './types.js';

export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: () => import('./stylish.js').then((m) => m.stylishFormatter),
  json: () => import('./json.js').then((m) => m.jsonFormatter),
  sarif: () => import('./sarif.js').then((m) => m.sarifFormatter),
  github: () => import('./github.js').then((m) => m.githubFormatter),
  junit: () => import('./junit.js').then((m) => m.junitFormatter),
  gitlab: () => import('./gitlab.js').then((m) => m.gitlabFormatter),
};

export const REPORT_FORMATS = Object.keys(FORMATTERS);

/** The formats that can be written as the findings arrive, file after file (bounded memory). */
export const STREAMING_FORMATTERS: Record<string, () => Promise<StreamingFormatter>> = {
  stylish: () => import('./stylish.js').then((m) => m.stylishStreaming),
  json: () => import('./json.js').then((m) => m.jsonStreaming),
  sarif: () => import('./sarif.js').then((m) => m.sarifStreaming),
  github: () => import('./github.js').then((m) => m.githubStreaming),
};
