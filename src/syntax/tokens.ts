/**
 * Tokens of the .sop language. The lexer is line-oriented: what a line is depends on how it starts
 * (mode `lineStart`); after a label, a list dash or a step number the rest of the line is read in a
 * value mode and the line end returns to `lineStart`. Line ends are skipped (they only switch modes),
 * so the grammar speaks only of the things a line can be.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { BLOCK_LABELS, IDENTITY_LABELS, STEP_FIELD_LABELS, labelPattern, type LabelSpec } from './labels.js';

/**
 * Everything up to the line end. Written as ranges rather than `[^\r\n]` so that Chevrotain can
 * index tokens by their first character (complement sets disable that optimisation for a whole mode).
 */
const REST_OF_LINE = /[\x00-\x09\x0B\x0C\x0E-\uFFFF]+/;

const MODE_LINE_START = 'lineStart';
const MODE_VALUE = 'value';
const MODE_STEP_HEAD = 'stepHead';
const MODE_DECISION = 'decision';

export const ByteOrderMark = createToken({ name: 'ByteOrderMark', pattern: /\uFEFF/, group: Lexer.SKIPPED });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** A line end that closes a value line: back to the start of a line. */
export const LineEnd = createToken({
  name: 'LineEnd',
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
  group: Lexer.SKIPPED,
  pop_mode: true,
});
/** A line end while already at the start of a line (a blank line, or after a continuation line). */
export const BlankLine = createToken({ name: 'BlankLine', pattern: /\r\n|\r|\n/, line_breaks: true, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments', label: "a comment ('# ...')" });

/** Categories let the grammar say "an identity label" once while each label keeps its own token. */
export const IdentityLabel = createToken({ name: 'IdentityLabel', pattern: Lexer.NA, label: 'an identity field label' });
export const StepFieldLabel = createToken({ name: 'StepFieldLabel', pattern: Lexer.NA, label: 'a step field label' });

function labelToken(spec: LabelSpec<string>, category: TokenType | undefined, pushMode: string): TokenType {
  // A label that is also a step field under a step (`Persyaratan:`) is in both categories: the
  // parser reads it by where it stands.
  const categories = category ? [category, ...(spec.inStep ? [StepFieldLabel] : [])] : [];
  return createToken({
    name: `Label_${spec.key}`,
    pattern: labelPattern(spec),
    categories,
    push_mode: pushMode,
    label: `'${spec.canonical}:'`,
  });
}

export const identityLabelTokens = IDENTITY_LABELS.map((spec) => labelToken(spec, IdentityLabel, MODE_VALUE));
export const stepFieldLabelTokens = STEP_FIELD_LABELS.map((spec) => labelToken(spec, StepFieldLabel, MODE_VALUE));
const blockToken = (key: string, mode: string) => labelToken(BLOCK_LABELS.find((b) => b.key === key)!, undefined, mode);
export const PelaksanaLabel = blockToken('pelaksana', MODE_VALUE);
export const ProsedurLabel = blockToken('prosedur', MODE_VALUE);
export const KeputusanLabel = blockToken('keputusan', MODE_DECISION);
export const HilangLabel = blockToken('hilang', MODE_VALUE);
/** `Lanjut: 14, 15` / `Lanjut: selesai` / `Lanjut: ?`: its targets are read like a decision's. */
export const LanjutLabel = blockToken('lanjut', MODE_DECISION);

/** `3.` or `?.` (a step without a number in the source), then a space or the line end. */
export const StepNumber = createToken({
  name: 'StepNumber',
  pattern: /(?:\d+|\?)\.(?![^ \t\r\n])/,
  push_mode: MODE_STEP_HEAD,
  label: "a step number ('3.')",
});
export const ListDash = createToken({ name: 'ListDash', pattern: /-(?![^ \t\r\n])/, push_mode: MODE_VALUE, label: "a list item ('- ...')" });
/** `kabid = ` : the start of an actor column declaration. */
export const ActorDecl = createToken({
  name: 'ActorDecl',
  pattern: /[A-Za-z_][\w.&-]*[ \t]*=(?!=)/,
  push_mode: MODE_VALUE,
  label: "an actor column ('kabid = Kabid PMKS')",
});
/** A line that is none of the above: more text for whatever came before it. */
export const ContinuationText = createToken({ name: 'ContinuationText', pattern: REST_OF_LINE, label: 'a line of text' });

/** The rest of a line after a label, a dash or a step head. */
export const ValueText = createToken({ name: 'ValueText', pattern: REST_OF_LINE, label: 'text' });
export const ActorList = createToken({ name: 'ActorList', pattern: /\[[^\]\r\n]*\]/, label: "the step's actors ('[kabid]')" });

export const Arrow = createToken({ name: 'Arrow', pattern: /->|\u2192/, label: "'->'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const StepTarget = createToken({ name: 'StepTarget', pattern: /\d+/, label: 'a step number' });
/** `selesai` as a target: the procedure ends there (only where a target stands, so an exit may be labelled "Selesai"). */
export const EndTarget = createToken({ name: 'EndTarget', pattern: /selesai(?![ \t]*[^ \t,\r\n])/i, label: "'selesai'" });
/** `?` as a target: the source has lost where the flow goes. */
export const UnknownTarget = createToken({ name: 'UnknownTarget', pattern: /\?(?![ \t]*[^ \t,\r\n])/, label: "'?'" });
/** An exit label is the text before `->`: "Ya", "Tidak", "Tidak lengkap". */
export const ExitLabel = createToken({
  name: 'ExitLabel',
  // The label runs to the first arrow; its inner spaces are taken only before more label text, so a
  // long run of spaces is crossed once (a lazy `[^,\r\n]*?` with `[ \t]*` in the look-ahead rescanned it).
  pattern: /[\x00-\x08\x0E-\x1F!-+./:-=?-\x9F\xA1-\uFFFF](?:[ \t]*(?:[^ \t,\r\n\-\u2192]|-(?!>)))*(?=[ \t]*(?:->|\u2192))/,
  label: "an exit label ('Ya')",
});
/** Anything else on a Keputusan line: kept whole so the parser can say what is wrong with it. */
export const MalformedExit = createToken({ name: 'MalformedExit', pattern: /[\x00-\x08\x0B\x0C\x0E-\x1F!-+\--\uFFFF][^,\r\n]*/, label: 'text' });

export const allTokens: TokenType[] = [
  ByteOrderMark,
  Whitespace,
  LineEnd,
  BlankLine,
  Comment,
  IdentityLabel,
  StepFieldLabel,
  ...identityLabelTokens,
  ...stepFieldLabelTokens,
  PelaksanaLabel,
  ProsedurLabel,
  KeputusanLabel,
  HilangLabel,
  LanjutLabel,
  StepNumber,
  ListDash,
  ActorDecl,
  ContinuationText,
  ValueText,
  ActorList,
  Arrow,
  Comma,
  StepTarget,
  EndTarget,
  UnknownTarget,
  ExitLabel,
  MalformedExit,
];

const labels = [...identityLabelTokens, ...stepFieldLabelTokens, PelaksanaLabel, ProsedurLabel, KeputusanLabel, HilangLabel, LanjutLabel];

export const lexerDefinition = {
  defaultMode: MODE_LINE_START,
  modes: {
    [MODE_LINE_START]: [ByteOrderMark, Whitespace, BlankLine, Comment, ...labels, StepNumber, ListDash, ActorDecl, ContinuationText],
    [MODE_VALUE]: [Whitespace, LineEnd, ValueText],
    [MODE_STEP_HEAD]: [Whitespace, LineEnd, ActorList, ValueText],
    [MODE_DECISION]: [Whitespace, LineEnd, Arrow, Comma, StepTarget, EndTarget, UnknownTarget, ExitLabel, MalformedExit],
  },
};
