/**
 * Chevrotain reports a syntax error as a string. We hand it a structured payload instead (what was
 * expected, what was found) and word the message ourselves, in Indonesian and English, from the
 * tokens' human labels: "expected a step number after '->', found 'x'", never token names.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

export interface ParserErrorPayload {
  kind: 'mismatched' | 'noViableAlt' | 'earlyExit' | 'notAllInput';
  expected: string[];
  found: string;
  rule: string;
}

function labelOf(tokenType: TokenType): string {
  return tokenType.LABEL ?? tokenType.name;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function encode(payload: ParserErrorPayload): string {
  return JSON.stringify(payload);
}

export function decodeParserError(message: string): ParserErrorPayload | undefined {
  try {
    const value = JSON.parse(message) as ParserErrorPayload;
    return typeof value === 'object' && value !== null && 'kind' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    return encode({ kind: 'mismatched', expected: [labelOf(expected)], found: actual.image, rule: ruleName });
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return encode({ kind: 'notAllInput', expected: [], found: firstRedundant.image, rule: ruleName });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => labelOf(path[0])));
    return encode({ kind: 'noViableAlt', expected: unique(firsts), found: firstImage(actual), rule: ruleName });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const firsts = expectedIterationPaths.map((path) => labelOf(path[0]));
    return encode({ kind: 'earlyExit', expected: unique(firsts), found: firstImage(actual), rule: ruleName });
  },
};

function firstImage(tokens: IToken[]): string {
  return tokens[0]?.image ?? '';
}
