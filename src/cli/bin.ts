/** Entry of the bundled CLI (dist/soplint.js), started by bin/soplint.js. */
import { main } from './main.js';
import { exitWhenFlushed } from './runtime.js';

main(process.argv.slice(2)).then(exitWhenFlushed);
