/** Entry of a check worker thread (dist/worker.js): phase 1 for a share of the files. */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import { ALL_RULES } from '../rules/index.js';
import { checkFile, type FileOutcome } from './file-phase.js';
import type { FileRule } from './rule.js';

export interface WorkerTask {
  files: { path: string; absolute: string }[];
  config: ResolvedConfig;
}

const { files, config } = workerData as WorkerTask;
const fileRules = ALL_RULES.filter((r): r is FileRule => r.meta.scope === 'file');
const outcomes: FileOutcome[] = [];
files.forEach((file, i) => {
  outcomes.push(checkFile(file.path, () => readFileSync(file.absolute, 'utf8'), config, fileRules));
  if ((i + 1) % 100 === 0) parentPort!.postMessage({ progress: 100 });
});
parentPort!.postMessage({ progress: files.length % 100, outcomes });
