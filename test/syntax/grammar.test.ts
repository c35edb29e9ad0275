import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLexer } from '../../src/syntax/lexer.js';
import { grammarEbnf, grammarRailroadHtml } from '../../scripts/grammar-text.js';
import { SopParser } from '../../src/syntax/parser.js';
import { fromRoot } from '../helpers/paths.js';

describe('grammar/', () => {
  it('passes Chevrotain validation (the CLI skips it at start-up)', () => {
    expect(() => new SopParser(true)).not.toThrow();
    expect(() => createLexer(true)).not.toThrow();
  });

  it('soplint.ebnf is current (run `npm run generate` after changing the parser)', () => {
    expect(readFileSync(fromRoot('grammar/soplint.ebnf'), 'utf8')).toBe(grammarEbnf());
  });

  it('railroad.html is current', () => {
    expect(readFileSync(fromRoot('grammar/railroad.html'), 'utf8')).toBe(grammarRailroadHtml());
  });

  it('names every rule of the parser', () => {
    const ebnf = grammarEbnf();
    for (const rule of ['sopFile', 'identityField', 'procedure', 'step', 'decision', 'decisionExit', 'strayLine']) {
      expect(ebnf).toMatch(new RegExp(`^${rule} = `, 'm'));
    }
  });
});
