/** A line that starts like a label ("Kelengkapn: ...") but is not one: suggest the label meant. */
import { allLabelSpellings } from '../syntax/labels.js';
import { closest } from '../util/similarity.js';

const LABEL_LIKE = /^([A-Za-z][A-Za-z./ ]{1,34}?)[ \t]*:/;

export interface LabelSuggestion {
  written: string;
  label: string;
  /** Length of the label as written in the line, up to and including its colon. */
  length: number;
}

export function suggestLabel(line: string): LabelSuggestion | undefined {
  const match = LABEL_LIKE.exec(line);
  if (!match) return undefined;
  const written = match[1].trim();
  const label = closest(written, allLabelSpellings(), 0.25);
  return label ? { written, label, length: match[0].length } : undefined;
}
