// Writes grammar/soplint.ebnf and grammar/railroad.html from the parser (npm run grammar).
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { grammarEbnf, grammarRailroadHtml } from '../src/syntax/grammar-text.js';

writeFileAtomic('grammar/soplint.ebnf', grammarEbnf());
writeFileAtomic('grammar/railroad.html', grammarRailroadHtml());
console.log('wrote grammar/soplint.ebnf and grammar/railroad.html');
