/** What the AST builder's parts share while reading one file. */
import type { SourceFile } from '../diagnostics/source.js';
import type { Located } from '../syntax/syntax-tree.js';
import type { Report } from './syntax-findings.js';
import type { StrayKind } from './stray-lines.js';
import type { UnknownLabels } from './unknown-labels.js';

export interface BuildContext {
  readonly source: SourceFile;
  /** Reports a syntax finding (an error) in the file. */
  readonly report: Report;
  /** The lines read as unknown labels, by the offset of their token. */
  readonly unknownLabels: UnknownLabels;
  /** Offsets of the lines read as unknown labels: left out of the text of the field above. */
  readonly unreadLines: ReadonlySet<number>;
  /** Remembers a stray line that later findings may only follow from. */
  noteStray(node: Located, kind: StrayKind): void;
}
