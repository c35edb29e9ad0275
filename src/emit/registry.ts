/**
 * The output formats of `soplint render`. Each emitter is loaded only when its format is asked for.
 * Every emitter reads the same typed AST (the JSON form is that AST, serialised).
 */
import type { SopDocument } from '../ast/types.js';
import type { SourceFile } from '../diagnostics/source.js';
import { type Logo, readLogo } from '../io/logo-file.js';

export interface RenderInput {
  document: SopDocument;
  source: SourceFile;
  /**
   * The office's logo the identity sheet prints (HTML, PDF, Word): the file `Logo:` names, read by
   * `withLogo()`. `null`: print none.
   */
  logo?: Logo | null;
}

/**
 * The input with its logo read from the file `Logo:` names, relative to the .sop file (`source.path`),
 * unless the caller gave one (or `null`). A missing or unreadable file gives none (identity/logo says why).
 */
export function withLogo(input: RenderInput): RenderInput {
  if (input.logo !== undefined) return input;
  const path = input.document.identity.logo?.text?.text;
  return { ...input, logo: path ? (readLogo(input.source.path, path) ?? null) : null };
}

export interface Emitter {
  format: string;
  /** File extension of one rendered SOP, without the dot. */
  extension: string;
  /** A text format renders to a string; a binary one (pdf, docx) to the bytes of a file. */
  render(input: RenderInput): string | Promise<Uint8Array>;
  /**
   * The text of `render` in pieces through `write`, for output longer than one string can hold
   * (2^29 - 24 characters: the JSON of 100,000 decisions). `soplint render` uses it when present.
   */
  write?(input: RenderInput, write: (chunk: string) => void): void;
  /** Bytes, not text: written with -o DIR, or to stdout only when that is not a terminal. */
  binary?: boolean;
  /**
   * Extra files for a whole corpus rendered into a folder (e.g. an index page), by relative path.
   * `outputs` maps each SOP's file to the name its rendering was written under.
   */
  renderCorpus?(inputs: RenderInput[], outputs: Map<string, string>, site?: SiteOptions): Record<string, string>;
  /** One SOP's page in a folder with the corpus pages (links to them); default: `render`. */
  renderInCorpus?(input: RenderInput, corpus: CorpusContext): string;
}

/** What the pages of a rendered folder know of the project. */
export interface SiteOptions {
  /** The external SOPs `.soplintrc.yaml` declares, spelt as it declares them. */
  externalSops?: string[];
}

/** The whole corpus an SOP is rendered with into a folder. */
export interface CorpusContext extends SiteOptions {
  inputs: RenderInput[];
  /** Each SOP's file → the name of its page. */
  outputs: Map<string, string>;
}

export const EMITTERS: Record<string, () => Promise<Emitter>> = {
  json: () => import('./json.js').then((m) => m.jsonEmitter),
  mermaid: () => import('./mermaid/index.js').then((m) => m.mermaidEmitter),
  md: () => import('./markdown/index.js').then((m) => m.markdownEmitter),
  dot: () => import('./dot/index.js').then((m) => m.dotEmitter),
  bpmn: () => import('./bpmn/index.js').then((m) => m.bpmnEmitter),
  svg: () => import('./form/svg-emitter.js').then((m) => m.svgEmitter),
  html: () => import('./form/html-emitter.js').then((m) => m.htmlEmitter),
  pdf: () => import('./pdf/index.js').then((m) => m.pdfEmitter),
  docx: () => import('./docx/index.js').then((m) => m.docxEmitter),
};

export const FORMATS = Object.keys(EMITTERS);

export async function loadEmitter(format: string): Promise<Emitter> {
  const load = EMITTERS[format];
  if (!load) throw new Error(`unknown format '${format}' (known: ${FORMATS.join(', ')})`);
  return load();
}
