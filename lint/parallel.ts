import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { LintConfig } from './config.js';
import type { EngineOptions, FileOutcome, Source } from './engine.js';

/**
 * A thread needs about 100 ms (its own modules and Ruby grammar) before its first file, while
 * a recipe takes well under a millisecond: below this many files it would finish too late.
 */
export const MIN_FILES_PER_THREAD = 100;

/** Past a few threads, copying the files to each costs more than the threads save. */
const MAX_THREADS = 4;

/** What a worker thread starts with (lint/worker.ts). */
export interface WorkerInput {
  config: LintConfig;
  options: EngineOptions;
  sources: readonly Source[];
  /** One Int32: the index of the next file to take, shared by every thread. */
  next: SharedArrayBuffer;
}

/** What a worker thread sends back once no file is left: the outcomes of the files it took. */
export type WorkerOutput = [index: number, outcome: FileOutcome][];

export interface FileLinter {
  lintFile(source: Source): Promise<FileOutcome>;
  config: LintConfig;
  options: EngineOptions;
}

interface Helper {
  worker: Worker;
  /** Resolves with what the thread did; with nothing when it failed. */
  done: Promise<WorkerOutput>;
}

/**
 * Lints the files in this thread and, when there are many, in worker threads beside it. Every
 * thread takes the next file from a shared counter, so a thread that is still starting or
 * meets slow files simply takes fewer. The outcomes come back in input order. A file that a
 * failed thread took is linted again here, which meets any error as a single thread would.
 */
export async function lintInParallel(
  sources: readonly Source[],
  linter: FileLinter,
): Promise<FileOutcome[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(sources.length);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const helpers = startHelpers(sources, linter, next);
  let linted = 0;
  try {
    for (let i = Atomics.add(counter, 0, 1); i < sources.length; i = Atomics.add(counter, 0, 1)) {
      outcomes[i] = await linter.lintFile(sources[i] as Source);
      linted++;
    }

    // When this thread took every file, the others never started work: nothing to wait for.
    if (linted < sources.length) {
      for (const output of await Promise.all(helpers.map((helper) => helper.done))) {
        for (const [index, outcome] of output) outcomes[index] = outcome;
      }
    }
  } finally {
    for (const { worker } of helpers) void worker.terminate();
  }

  for (let i = 0; i < sources.length; i++) {
    outcomes[i] ??= await linter.lintFile(sources[i] as Source);
  }
  return outcomes as FileOutcome[];
}

function startHelpers(
  sources: readonly Source[],
  linter: FileLinter,
  next: SharedArrayBuffer,
): Helper[] {
  const script = workerScript();
  const wanted = Math.min(
    linter.options.threads ?? availableParallelism(),
    MAX_THREADS,
    Math.floor(sources.length / MIN_FILES_PER_THREAD),
  );
  if (!script || wanted < 2) return [];
  const input: WorkerInput = { config: linter.config, options: linter.options, sources, next };
  return Array.from({ length: wanted - 1 }, () => startHelper(script, input));
}

function startHelper(script: URL, input: WorkerInput): Helper {
  const worker = new Worker(script, { workerData: input });
  // The process may end while a thread is still starting, if this one took every file.
  worker.unref();
  const done = new Promise<WorkerOutput>((resolve) => {
    worker.once('message', (output: WorkerOutput) => resolve(output));
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
  return { worker, done };
}

/**
 * The worker's module beside this one, compiled: lint/worker.js in dist/, or the bundle's
 * worker.js. Run from the TypeScript sources there is none, and files are linted here alone.
 */
function workerScript(): URL | undefined {
  const script = new URL('./worker.js', import.meta.url);
  return script.protocol === 'file:' && existsSync(fileURLToPath(script)) ? script : undefined;
}
