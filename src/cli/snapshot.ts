/**
 * Entry of the V8 startup snapshot (dist/soplint.blob). Built once by scripts/build.mjs with
 * `node --build-snapshot`: the lexer, the parser (Chevrotain's grammar analysis) and the check
 * command are set up here, so a `soplint check` started from the snapshot skips that work.
 */
import v8 from 'node:v8';
import { LineCounter, parseDocument } from 'yaml';
import { main } from './main.js';
import { runtime } from './runtime.js';
import { parseSop } from '../parse.js';
import { lintTexts } from '../lint.js';
import './check-command.js';
import '../format/stylish.js';

// Warm up: build the lexer and the parser, and run every rule once.
lintTexts([{ path: 'warm-up.sop', text: 'Judul SOP: x\nProsedur: p\nPelaksana:\n  a = A\n  1. [a] x\n     Kelengkapan: RKA\n     Waktu: 1 jam\n     Output: y\n  2. [a] z\n     Keputusan: Ya -> 1, Tidak -> 1\n' }]);
parseSop('Keterkaitan:\n  - SOP Surat Keluar\n', 'warm-up.sop');
// ... and the YAML reader of .soplintrc.yaml.
parseDocument('preset: recommended\nrules:\n  step/numbering-gap: [warn, {}]\nexternalSops:\n  - SOP Surat Keluar\n', { lineCounter: new LineCounter() }).toJS();

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Started as `node --snapshot-blob BLOB ARGS...`: the arguments follow the node executable.
  runtime.fromSnapshot = true;
  runtime.argv = process.argv.slice(1);
  main(runtime.argv).then((code) => {
    process.exitCode = code;
  });
});
