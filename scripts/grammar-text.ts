/**
 * The grammar in readable forms, produced from the parser itself (so it cannot drift):
 * EBNF for people and Chevrotain's railroad diagram (HTML). scripts/generate-grammar.ts writes them
 * to grammar/; a test fails when the files there are stale.
 */
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  createSyntaxDiagramsCode,
  Lexer,
  type IProduction,
  type TokenType,
} from 'chevrotain';
import { SopParser } from '../src/syntax/parser.js';
import { lexerDefinition } from '../src/syntax/tokens.js';

function terminalName(tokenType: TokenType): string {
  return tokenType.name;
}

function sequence(productions: IProduction[]): string {
  return productions.map(production).join(' ');
}

function production(p: IProduction): string {
  if (p instanceof Terminal) return terminalName(p.terminalType);
  if (p instanceof NonTerminal) return p.nonTerminalName;
  if (p instanceof Option) return `[ ${sequence(p.definition)} ]`;
  if (p instanceof Repetition) return `{ ${sequence(p.definition)} }`;
  if (p instanceof RepetitionMandatory) return `${sequence(p.definition)} { ${sequence(p.definition)} }`;
  if (p instanceof RepetitionWithSeparator) {
    const item = sequence(p.definition);
    return `[ ${item} { ${terminalName(p.separator)} ${item} } ]`;
  }
  if (p instanceof RepetitionMandatoryWithSeparator) {
    const item = sequence(p.definition);
    return `${item} { ${terminalName(p.separator)} ${item} }`;
  }
  if (p instanceof Alternation) return `( ${p.definition.map((alt) => sequence((alt as Alternative).definition)).join(' | ')} )`;
  if (p instanceof Alternative) return sequence(p.definition);
  throw new Error(`unknown production ${p.constructor.name}`);
}

function tokenPattern(tokenType: TokenType): string {
  const pattern = tokenType.PATTERN;
  if (pattern instanceof RegExp) return `/${pattern.source}/${pattern.flags}`;
  if (typeof pattern === 'string') return JSON.stringify(pattern);
  return '(category)';
}

export function grammarEbnf(): string {
  const parser = new SopParser(true);
  const lines = [
    '(* The soplint .sop language. Generated from src/syntax/parser.ts and src/syntax/tokens.ts',
    '   by `npm run generate`; do not edit by hand. *)',
    '',
    '(* ---- Syntax ---- *)',
    '',
  ];
  for (const rule of Object.values(parser.getGAstProductions())) {
    lines.push(`${rule.name} = ${sequence(rule.definition)} ;`);
  }
  lines.push('', '(* ---- Tokens, per lexer mode (a line starts in lineStart; the line end returns there) ---- *)', '');
  for (const [mode, tokens] of Object.entries(lexerDefinition.modes)) {
    lines.push(`(* mode ${mode} *)`);
    for (const token of tokens) {
      const categories = (token.CATEGORIES ?? []).map((c) => c.name);
      const notes = [
        token.GROUP === Lexer.SKIPPED ? 'skipped' : token.GROUP ? `group ${String(token.GROUP)}` : '',
        token.PUSH_MODE ? `then mode ${token.PUSH_MODE}` : '',
        token.POP_MODE ? 'then back' : '',
        categories.length ? `is a ${categories.join(', ')}` : '',
      ].filter(Boolean);
      lines.push(`${token.name} = ${tokenPattern(token)} ;${notes.length ? ` (* ${notes.join('; ')} *)` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function grammarRailroadHtml(): string {
  const parser = new SopParser(true);
  return createSyntaxDiagramsCode(parser.getSerializedGastProductions());
}
