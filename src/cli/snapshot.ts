/**
 * Entry of the V8 startup snapshot (dist/soplint.blob). Built once by scripts/build.mjs with
 * `node --build-snapshot`: the lexer, the parser (Chevrotain's grammar analysis) and the check
 * command are set up here, so a `soplint check` started from the snapshot skips that work. The other
 * commands are not in it (scripts/build.mjs leaves them out): bin/soplint.js runs them from the bundle.
 */
import v8 from 'node:v8';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { main, printConfigSpelledAsOption } from './main.js';
import { exitWhenFlushed, rerunWithoutSnapshot, runtime } from './runtime.js';
import { parseSop } from '../ast/parse.js';
import { lintTexts } from '../lint.js';
import './check-command.js';
import { formatStylish } from '../format/stylish.js';
import { applyBaseline, createBaseline } from '../baseline.js';
import { WARM_UP_SOP } from './warm-up-sop.js';

// Warm up: build the lexer and the parser, and run every rule, the baseline and the report once,
// so that the snapshot holds them compiled.
// (Inside a function, so that none of the warm-up's results stay in the snapshot's heap.)
(() => {
  const warmUp = lintTexts([{ path: 'warm-up.sop', text: WARM_UP_SOP }]);
  applyBaseline(warmUp.diagnostics, createBaseline(warmUp.diagnostics), new Set(['warm-up.sop']));
  formatStylish(warmUp.diagnostics, { language: 'en', color: false, sources: new Map(), fileCount: 1 });
  parseSop('Keterkaitan:\n  - SOP Surat Keluar\n', 'warm-up.sop');
})();
// ... and the YAML reader of .soplintrc.yaml.
parseDocument('preset: recommended\nrules:\n  step/numbering-gap: [warn, {}]\nexternalSops:\n  - SOP Surat Keluar\n', {
  lineCounter: new LineCounter(),
}).toJS();

// ... and a whole `soplint check` as the user runs it (command line, config, baseline, report), in a
// scratch folder, with its output swallowed. The snapshot is taken once this has finished.
{
  const dir = mkdtempSync(join(tmpdir(), 'soplint-snapshot-'));
  writeFileSync(join(dir, '.soplintrc.yaml'), 'externalSops:\n  - SOP Surat Keluar\nbaseline: baseline.json\n');
  writeFileSync(join(dir, 'warm-up.sop'), WARM_UP_SOP);
  const home = process.cwd();
  const write = process.stdout.write;
  const writeErr = process.stderr.write;
  process.chdir(dir);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  main(['check', '--update-baseline', 'warm-up.sop'])
    .then(() => main(['check', 'warm-up.sop']))
    .finally(() => {
      process.stdout.write = write;
      process.stderr.write = writeErr;
      process.chdir(home);
      rmSync(dir, { recursive: true, force: true });
    });
}

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Started as `node --snapshot-blob BLOB ARGS...`: the arguments follow the node executable.
  runtime.fromSnapshot = true;
  runtime.argv = process.argv.slice(1);
  // Only `check` is in the snapshot (bin/soplint.js sends the other commands to the ESM bundle).
  if (printConfigSpelledAsOption(runtime.argv)[0] !== 'check') exitWhenFlushed(rerunWithoutSnapshot());
  else main(runtime.argv).then(exitWhenFlushed);
});
