/** The .sop TextMate grammar loaded the way VS Code loads it: vscode-textmate on the Oniguruma WASM. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import vsctm, { type IGrammar } from 'vscode-textmate';
import { fromRoot } from '../helpers/paths.js';

const require = createRequire(import.meta.url);
let loaded: Promise<IGrammar> | undefined;

export interface LineTokens {
  line: string;
  tokens: { text: string; start: number; end: number; scopes: string[] }[];
}

export function loadSopGrammar(): Promise<IGrammar> {
  loaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== 'source.sop') return null;
        const path = fromRoot('editors/vscode/syntaxes/sop.tmLanguage.json');
        return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
      },
    });
    const grammar = await registry.loadGrammar('source.sop');
    if (!grammar) throw new Error('source.sop not loaded');
    return grammar;
  })();
  return loaded;
}

/** Tokenize a whole text line by line, carrying the rule stack as an editor does. */
export async function tokenizeText(text: string): Promise<LineTokens[]> {
  const grammar = await loadSopGrammar();
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return { line, tokens: result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes })) };
  });
}

/** A readable golden: each line, then its tokens with their scopes (source.sop left out). */
export function renderTokens(lines: LineTokens[]): string {
  const out: string[] = [];
  for (const { line, tokens } of lines) {
    out.push(`> ${line}`);
    for (const t of tokens) {
      if (!t.text.trim()) continue;
      out.push(`  ${JSON.stringify(t.text)}  ${t.scopes.filter((s) => s !== 'source.sop').join(' ') || '-'}`);
    }
  }
  return `${out.join('\n')}\n`;
}
