// A worker thread of `berth lint` (lint/parallel.ts): loads what the files will need while
// they are read, then takes files from the shared counter until none is left, and sends back
// what it found in each.
import { parentPort, workerData } from 'node:worker_threads';

import { LintEngine, type Source } from './engine.js';
import type { WorkerInput, WorkerOutput, WorkerSetup } from './parallel.js';

const { config, options, ruby } = workerData as WorkerSetup;
const engine = new LintEngine(config, { ...options, threads: 1 });
if (ruby) engine.preloadRuby();

parentPort?.once('message', async ({ sources, next }: WorkerInput) => {
  const counter = new Int32Array(next);
  const output: WorkerOutput = [];
  try {
    for (let i = Atomics.add(counter, 0, 1); i < sources.length; i = Atomics.add(counter, 0, 1)) {
      output.push([i, await engine.lintFile(sources[i] as Source)]);
    }
  } catch {
    // The file that failed is missing from the output, so the main thread lints it again and
    // reports the error as it would have alone; the files left go to the other threads.
  }
  parentPort?.postMessage(output);
});
