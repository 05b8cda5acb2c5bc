import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { LintConfig } from './config.js';
import type { EngineOptions, FileOutcome, Source } from './engine.js';
import type { SourceKind } from './extract/index.js';

/**
 * A second thread costs about 0.1 s of CPU to start and runs its first files slowly, while V8
 * already compiles and collects garbage beside the main thread: on two cores, 1,000 recipes
 * took as long with a second thread as without it, and 4,000 took about a tenth less. So a
 * thread is added for each this many files.
 */
export const MIN_FILES_PER_THREAD = 1000;

/** Past a few threads, copying the files to each costs more than the threads save. */
const MAX_THREADS = 4;

/** What a worker thread starts with (lint/worker.ts), before the files are read. */
export interface WorkerSetup {
  config: LintConfig;
  options: EngineOptions;
  /** Load the Ruby grammar while waiting for the files: some of them are recipes. */
  ruby: boolean;
}

/** The files, sent once they are read. */
export interface WorkerInput {
  sources: readonly Source[];
  /** One Int32: the index of the next file to take, shared by every thread. */
  next: SharedArrayBuffer;
}

/** What a worker thread sends back once no file is left: the outcomes of the files it took. */
export type WorkerOutput = [index: number, outcome: FileOutcome][];

export interface FileLinter {
  lintFile(source: Source): Promise<FileOutcome>;
}

interface Helper {
  worker: Worker;
  /** Resolves with what the thread did; with nothing when it failed. */
  done: Promise<WorkerOutput>;
}

/**
 * Worker threads that lint beside this one. They are started as soon as the files are known
 * and before they are read, so that their start overlaps the reading; `close` stops them.
 */
export class LintThreads {
  private readonly helpers: Helper[];

  constructor(kinds: readonly SourceKind[], config: LintConfig, options: EngineOptions) {
    const script = workerScript();
    const wanted = Math.min(
      options.threads ?? availableParallelism(),
      MAX_THREADS,
      Math.floor(kinds.length / MIN_FILES_PER_THREAD),
    );
    const setup: WorkerSetup = { config, options, ruby: kinds.includes('recipe') };
    this.helpers =
      script && wanted >= 2
        ? Array.from({ length: wanted - 1 }, () => startHelper(script, setup))
        : [];
  }

  /**
   * Lints the files here and in the helper threads. Every thread takes the next file from a
   * shared counter, so a thread that is still starting or meets slow files simply takes
   * fewer. The outcomes come back in input order. A file that a failed thread took is linted
   * again here, which meets any error as a single thread would.
   */
  async run(sources: readonly Source[], linter: FileLinter): Promise<FileOutcome[]> {
    const outcomes: (FileOutcome | undefined)[] = new Array(sources.length);
    const next = new SharedArrayBuffer(4);
    const counter = new Int32Array(next);
    const input: WorkerInput = { sources, next };
    for (const { worker } of this.helpers) worker.postMessage(input);
    let linted = 0;
    try {
      for (let i = Atomics.add(counter, 0, 1); i < sources.length; i = Atomics.add(counter, 0, 1)) {
        outcomes[i] = await linter.lintFile(sources[i] as Source);
        linted++;
      }

      // When this thread took every file, the others never started work: nothing to wait for.
      if (linted < sources.length) {
        for (const output of await Promise.all(this.helpers.map((helper) => helper.done))) {
          for (const [index, outcome] of output) outcomes[index] = outcome;
        }
      }
    } finally {
      this.close();
    }

    for (let i = 0; i < sources.length; i++) {
      outcomes[i] ??= await linter.lintFile(sources[i] as Source);
    }
    return outcomes as FileOutcome[];
  }

  /** How many threads help this one. */
  get size(): number {
    return this.helpers.length;
  }

  close(): void {
    for (const { worker } of this.helpers) void worker.terminate();
  }
}

function startHelper(script: URL, setup: WorkerSetup): Helper {
  const worker = new Worker(script, { workerData: setup });
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
