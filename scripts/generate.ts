// Regenerates the generated files (npm run generate): grammar/ from the parser, and the standalone
// validator of the config schema (so `soplint check` does not compile a schema at start-up).
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { grammarEbnf, grammarRailroadHtml } from './grammar-text.js';
import { configValidatorSource } from './config-validator-source.js';
import { rulesIndexMarkdown } from './rules-index-doc.js';
import { ALL_RULES } from '../src/rules/index.js';
import { versionModuleSource } from './version-source.js';
import { TEXTMATE_GRAMMAR_PATH, textmateGrammarJson } from './generate-textmate-grammar.js';

writeFileAtomic('grammar/soplint.ebnf', grammarEbnf());
writeFileAtomic('grammar/railroad.html', grammarRailroadHtml());
writeFileAtomic('src/generated/config-validator.js', configValidatorSource());
writeFileAtomic('docs/rules/README.md', rulesIndexMarkdown(ALL_RULES));
writeFileAtomic('src/generated/version.ts', versionModuleSource());
writeFileAtomic(TEXTMATE_GRAMMAR_PATH, textmateGrammarJson());
console.log(`wrote grammar/, src/generated/config-validator.js, src/generated/version.ts, docs/rules/README.md, ${TEXTMATE_GRAMMAR_PATH}`);
