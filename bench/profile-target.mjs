// The run bench/profile.mjs profiles (not a benchmark of its own): `lintStreamed` of the checkout at
// ROOT over the SOPs of DIR in one thread, every file's findings read back, as `soplint check` does
// before it writes a report. Usage: node --import tsx bench/profile-target.mjs ROOT DIR
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [root, dir] = process.argv.slice(2);
const { lintStreamed } = await import(join(root, 'src/lint.ts'));
const { loadConfigFile } = await import(join(root, 'src/configuration.ts'));
const config = loadConfigFile(join(dir, '.soplintrc.yaml'), dir);
const files = readdirSync(join(dir, 'sop'))
  .sort()
  .map((name) => join(dir, 'sop', name));
const run = await lintStreamed(files, { cwd: dir, config, jobs: 1 });
let findings = 0;
run.forEachFile((_, list) => {
  findings += list.length;
});
run.close();
process.stdout.write(`${files.length} files, ${findings} findings\n`);
