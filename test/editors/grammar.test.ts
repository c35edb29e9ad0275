import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTMATE_GRAMMAR_PATH, textmateGrammarJson } from '../../scripts/generate-textmate-grammar.js';
import { tokenize } from '../../src/syntax/lexer.js';
import { allTokens } from '../../src/syntax/tokens.js';
import { expectGolden } from '../helpers/golden.js';
import { filesIn, fromRoot } from '../helpers/paths.js';
import { renderTokens, tokenizeText } from './textmate.js';

const LABEL_SCOPE = /^keyword\.other\.label\./;
/** The lexer's label tokens: every token type whose name starts with Label_. */
const labelTypes = new Set(allTokens.filter((t) => t.name.startsWith('Label_')).map((t) => t.name));

describe('the TextMate grammar of .sop', () => {
  it('is generated from the label table and current (npx tsx scripts/generate-textmate-grammar.ts)', () => {
    expect(readFileSync(fromRoot(TEXTMATE_GRAMMAR_PATH), 'utf8')).toBe(textmateGrammarJson());
  });

  it('scopes every construct of the language (token golden)', { timeout: 60_000 }, async () => {
    const text = readFileSync(fromRoot('test/editors/fixtures/constructs.sop'), 'utf8');
    const lines = await tokenizeText(text);
    expectGolden(fromRoot('test/editors/fixtures/constructs.tokens'), renderTokens(lines));
    const scopesOf = (needle: string) =>
      lines
        .flatMap((l) => l.tokens)
        .filter((t) => t.text === needle)
        .at(-1)?.scopes ?? [];
    expect(scopesOf('Persyaratan/Kelengkapan')).toContain('keyword.other.label.step-field.sop');
    // 'Persyaratan:' is read by its place: the identity sheet's before the first Prosedur, a step's after.
    const persyaratan = lines.flatMap((l) => l.tokens).filter((t) => t.text === 'Persyaratan');
    expect(persyaratan.map((t) => t.scopes.find((s) => s.startsWith('keyword.other.label.')))).toEqual([
      'keyword.other.label.identity.sop',
      'keyword.other.label.step-field.sop',
    ]);
    expect(scopesOf('selesai')).toContain('constant.language.end.sop');
    expect(scopesOf('unit kerja')).toContain('keyword.other.label.identity.sop');
    expect(scopesOf('jfu')).toContain('variable.other.actor.sop');
    expect(scopesOf('->')).toContain('keyword.operator.arrow.sop');
    expect(scopesOf('selesai')).toContain('constant.language.end.sop');
    expect(scopesOf('(hilang)')).toContain('constant.language.missing.sop');
    expect(scopesOf('soplint-disable-next-line')).toContain('keyword.control.directive.sop');
    expect(scopesOf('step/numbering-gap')).toContain('entity.name.tag.rule-id.sop');
    // The two damaged lines at the end: an actor list without its ']' and an exit without '->'.
    expect(scopesOf('[kabid Menunggu')).toContain('invalid.illegal.unclosed-actors.sop');
    expect(scopesOf('Ya 4')).toContain('invalid.illegal.exit.sop');
  });

  const book = filesIn(fromRoot('sops'), '.sop');
  it('reads the whole bundled book: no token invalid, every label the lexer sees scoped as a label', { timeout: 120_000 }, async () => {
    expect(book.length).toBeGreaterThan(10);
    let labelLines = 0;
    for (const path of book) {
      const text = readFileSync(path, 'utf8');
      const lines = await tokenizeText(text);
      for (const [i, { line, tokens }] of lines.entries()) {
        const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
        expect(
          invalid.map((t) => `${basename(path)}:${i + 1}: ${t.text}`),
          line,
        ).toEqual([]);
      }
      // Where the checker's lexer reads a label, the editor shows a label.
      const lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
      for (const token of tokenize(text).tokens) {
        if (!labelTypes.has(token.tokenType.name)) continue;
        let line = lineStarts.findIndex((start) => start > token.startOffset) - 1;
        if (line < 0) line = lineStarts.length - 1;
        const column = token.startOffset - lineStarts[line];
        const at = lines[line].tokens.find((t) => t.start <= column && column < t.end);
        expect(
          at?.scopes.some((s) => LABEL_SCOPE.test(s)),
          `${basename(path)}:${line + 1}: ${lines[line].line}`,
        ).toBe(true);
        labelLines++;
      }
    }
    expect(labelLines).toBeGreaterThan(500);
  });
});
