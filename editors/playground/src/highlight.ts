/**
 * Highlighting of .sop in CodeMirror, from the lexer's own label table and patterns
 * (src/syntax/labels.ts): the same labels the checker reads are the ones shown as labels.
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';
import { BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS, labelPattern } from '../../../src/syntax/labels.js';

interface State {
  /** What the rest of the line is: a Keputusan's exits, a step's head (actor list next), or text. */
  line: 'exits' | 'step-head' | 'text';
}

const anchored = (pattern: RegExp) => new RegExp(`^(?:${pattern.source})`, 'i');
const KEPUTUSAN = anchored(labelPattern(BLOCK_LABELS.find((b) => b.key === 'keputusan')!));
const LABELS = [...IDENTITY_LABELS, ...STEP_FIELD_LABELS, ...BLOCK_LABELS.filter((b) => b.key !== 'keputusan')].map((spec) => anchored(labelPattern(spec)));

function lineStart(stream: StringStream, state: State): string | null {
  state.line = 'text';
  if (stream.match(/^#\s*soplint-disable(?:-next-line)?\b.*/)) return 'meta';
  if (stream.match(/^#.*/)) return 'comment';
  if (stream.match(KEPUTUSAN)) {
    state.line = 'exits';
    return 'keyword';
  }
  for (const label of LABELS) if (stream.match(label)) return 'keyword';
  if (stream.match(/^(?:\d+|\?)\.(?=\s|$)/)) {
    state.line = 'step-head';
    return 'number';
  }
  if (stream.match(/^[A-Za-z_][\w.&-]*(?=\s*=(?!=))/)) return 'variableName.definition';
  if (stream.match(/^-(?=\s|$)/)) return 'punctuation';
  return null;
}

export const sopLanguage = StreamLanguage.define<State>({
  name: 'sop',
  startState: () => ({ line: 'text' }),
  token(stream, state) {
    if (stream.sol()) {
      stream.eatSpace();
      if (stream.eol()) return null;
      const style = lineStart(stream, state);
      if (style || !stream.eol()) {
        if (style) return style;
      }
    }
    if (stream.eatSpace()) return null;
    if (state.line === 'step-head') {
      state.line = 'text';
      if (stream.match(/^\[[^\]]*\]/)) return 'variableName';
    }
    if (stream.match(/^\((?:hilang|kosong)\)/i) || stream.match(/^\u2026/)) return 'atom';
    if (state.line === 'exits') {
      if (stream.match(/^(?:->|\u2192)/)) return 'operator';
      if (stream.match(/^(?:\d+|selesai|\?)(?=\s*(?:,|$))/i)) return 'number';
      if (stream.match(/^,/)) return 'punctuation';
      stream.match(/^[^,\-\u2192]+/) || stream.next();
      return 'string';
    }
    stream.match(/^[^(\u2026]+/) || stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
});
