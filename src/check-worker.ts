/** Entry of a check worker thread (dist/worker.js): phase 1 for a share of the files. */
import { readSopFile } from './io/limits.js';
import { parentPort, workerData } from 'node:worker_threads';
import { ALL_RULES } from './rules/index.js';
import { checkFile, type FileOutcome } from './checker/file-phase.js';
import type { WorkerMessage, WorkerTask } from './checker/parallel.js';
import type { FileRule } from './rules/rule.js';
import { currentTimings, startTimingFromEnvironment } from './util/timing.js';

const { files, config } = workerData as WorkerTask;
startTimingFromEnvironment();
const fileRules = ALL_RULES.filter((r): r is FileRule => r.meta.scope === 'file');
// Results go back in batches, so neither this thread nor the message holds a whole share at once.
let batch: FileOutcome[] = [];
files.forEach((file, i) => {
  batch.push(checkFile(file.path, (maxBytes) => readSopFile(file.absolute, maxBytes), config, fileRules, file.absolute));
  if (batch.length === 100 || i === files.length - 1) {
    const done = i === files.length - 1;
    const message: WorkerMessage = { outcomes: batch, done, timings: done ? currentTimings()?.toJSON() : undefined };
    parentPort!.postMessage(message);
    batch = [];
  }
});
