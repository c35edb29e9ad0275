/** The one lexer instance, built on first use, and its errors as findings. */
import { Lexer, type ILexingResult } from 'chevrotain';
import { lexerDefinition } from './tokens.js';

let sharedLexer: Lexer | undefined;

/**
 * Offsets are all the AST needs (SourceFile computes lines). `validate` runs Chevrotain's checks of
 * the token definitions: the tests do; the CLI skips them to start fast.
 */
export function createLexer(validate = false): Lexer {
  return new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: !validate });
}

export function getLexer(): Lexer {
  sharedLexer ??= createLexer();
  return sharedLexer;
}

export function tokenize(text: string): ILexingResult {
  return getLexer().tokenize(text);
}
