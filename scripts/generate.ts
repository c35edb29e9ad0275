// Regenerates the generated files (npm run generate): grammar/ from the parser, and the standalone
// validator of the config schema (so `soplint check` does not compile a schema at start-up).
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { grammarEbnf, grammarRailroadHtml } from '../src/syntax/grammar-text.js';
import { configValidatorSource } from '../src/config/validator-source.js';

writeFileAtomic('grammar/soplint.ebnf', grammarEbnf());
writeFileAtomic('grammar/railroad.html', grammarRailroadHtml());
writeFileAtomic('src/generated/config-validator.js', configValidatorSource());
console.log('wrote grammar/soplint.ebnf, grammar/railroad.html, src/generated/config-validator.js');
