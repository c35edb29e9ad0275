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
import { formatStylish } from '../format/stylish.js';
import { applyBaseline, createBaseline } from '../baseline.js';
import { WARM_UP_SOP } from './warm-up-sop.js';

// Warm up: build the lexer and the parser, and run every rule, the baseline and the report once,
// so that the snapshot holds them compiled.
const warmUp = lintTexts([{ path: 'warm-up.sop', text: WARM_UP_SOP }]);
applyBaseline(warmUp.diagnostics, createBaseline(warmUp.diagnostics), new Set(['warm-up.sop']));
formatStylish(warmUp.diagnostics, { language: 'en', color: false, sources: new Map(), fileCount: 1 });
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
