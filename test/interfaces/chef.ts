import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runProcess, splitEvenly } from './process.js';
import type { InterpreterResult } from './recorded.js';

export type { InterpreterResult, RecordedResource } from './recorded.js';

const driver = join(dirname(fileURLToPath(import.meta.url)), 'chef', 'evaluate.rb');

export interface ChefEvaluateOptions {
  /** Cookbook directories, each with `metadata.rb`; `docker` is the stand-in, never given. */
  cookbooks: string[];
  /** Recipes to run, as `cookbook::recipe` (or `cookbook` for its default recipe). */
  runList: string[];
  /** Data bags served to `data_bag_item(bag, item)`: `{ bag: { item: { ...content } } }`. */
  dataBags?: Record<string, Record<string, Record<string, unknown>>>;
  /** Node attributes at override level, above everything the attribute files set. */
  attributes?: Record<string, unknown>;
}

export interface ChefResult extends InterpreterResult {
  /** The node's merged attributes after the run (default < normal < override < automatic). */
  node: Record<string, unknown>;
}

export interface ChefBatchOptions {
  /** Ruby processes to spread the cases over (default 1). */
  processes?: number;
}

/** Evaluates one run list. See {@link evaluateChefBatch}. */
export async function evaluateChef(options: ChefEvaluateOptions): Promise<ChefResult> {
  const [result] = await evaluateChefBatch([options]);
  return result!;
}

/**
 * Evaluates each case's run list against the docker cookbook stand-in, every case with its
 * own node, data bags and resources, all in one Ruby process (or `processes` of them).
 * Results come back in the order of the cases. Rejects only when Ruby itself fails to run.
 */
export async function evaluateChefBatch(
  cases: readonly ChefEvaluateOptions[],
  options: ChefBatchOptions = {},
): Promise<ChefResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'berth-chef-'));
  try {
    const chunks = splitEvenly(cases, options.processes ?? 1);
    const results = await Promise.all(chunks.map((chunk, n) => runJob(root, `job${n}`, chunk)));
    return results.flat();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function runJob(
  root: string,
  name: string,
  cases: readonly ChefEvaluateOptions[],
): Promise<ChefResult[]> {
  const jobFile = join(root, `${name}.json`);
  const resultsFile = join(root, `${name}.results.jsonl`);
  const specs = cases.map((spec) => ({
    ...spec,
    cookbooks: spec.cookbooks.map((dir) => resolve(dir)),
  }));
  await writeFile(jobFile, JSON.stringify({ cases: specs }));

  const run = await runProcess('ruby', [driver, jobFile, resultsFile]);
  if (run.code !== 0) {
    throw new Error(`the Chef evaluation driver failed (exit ${run.code}):\n${run.stderr}`);
  }

  const lines = (await readFile(resultsFile, 'utf8')).split('\n').filter(Boolean);
  if (lines.length !== cases.length) {
    throw new Error(`the Chef evaluation driver answered ${lines.length} of ${cases.length} cases`);
  }
  return lines.map((line) => JSON.parse(line) as ChefResult);
}
