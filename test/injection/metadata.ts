import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runProcess } from '../interfaces/process.js';

const reader = join(dirname(fileURLToPath(import.meta.url)), 'metadata.rb');

export interface MetadataCase {
  /** A cookbook directory, with metadata.rb. */
  cookbook: string;
  /** A module directory, with metadata.json. */
  module: string;
}

export interface MetadataResult {
  /** The calls metadata.rb made, in order: `[method, ...arguments]`. */
  chef?: [string, ...unknown[]][];
  /** metadata.json as Ruby's JSON read it. */
  puppet?: Record<string, unknown>;
  /** Why a part could not be read: a Ruby syntax error, invalid JSON. */
  errors: string[];
}

/** Reads the metadata of every case in one Ruby process (see metadata.rb). */
export async function readMetadata(cases: readonly MetadataCase[]): Promise<MetadataResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'berth-metadata-'));
  try {
    const jobFile = join(root, 'job.json');
    const resultsFile = join(root, 'results.jsonl');
    await writeFile(jobFile, JSON.stringify({ cases }));

    const run = await runProcess('ruby', [reader, jobFile, resultsFile]);
    if (run.code !== 0)
      throw new Error(`the metadata reader failed (exit ${run.code}):\n${run.stderr}`);

    const lines = (await readFile(resultsFile, 'utf8')).split('\n').filter(Boolean);
    if (lines.length !== cases.length) {
      throw new Error(`the metadata reader answered ${lines.length} of ${cases.length} cases`);
    }
    return lines.map((line) => JSON.parse(line) as MetadataResult);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
