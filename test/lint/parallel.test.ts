import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptyConfig } from '../../lint/config.js';
import type { FileOutcome, Source } from '../../lint/engine.js';

type Engine = typeof import('../../lint/engine.js');
type Parallel = typeof import('../../lint/parallel.js');

const FIXTURES = 'test/fixtures/lint';

/**
 * Worker threads run compiled JavaScript, so the engine and its worker are bundled the way
 * scripts/bundle.mjs does it, into a folder whose node_modules is the project's.
 */
let out: string;
let engine: Engine;
let parallel: Parallel;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'berth-parallel-'));
  symlinkSync(resolve('node_modules'), join(out, 'node_modules'));
  await build({
    entryPoints: {
      engine: 'lint/engine.ts',
      parallel: 'lint/parallel.ts',
      worker: 'lint/worker.ts',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: out,
    external: ['web-tree-sitter', 'tree-sitter-ruby'],
    logLevel: 'error',
  });
  engine = await import(pathToFileURL(join(out, 'engine.js')).href);
  parallel = await import(pathToFileURL(join(out, 'parallel.js')).href);
}, 60_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Every fixture, broken ones too, repeated under new names until there are `count` files. */
function corpus(count: number): Source[] {
  const files: { name: string; text: string }[] = [];
  for (const dir of [join(FIXTURES, 'chef'), join(FIXTURES, 'puppet', 'manifests')]) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(rb|pp)$/.test(name))
        files.push({ name, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  return Array.from({ length: count }, (_, i) => {
    const { name, text } = files[i % files.length] as { name: string; text: string };
    const kind = name.endsWith('.rb') ? 'recipe' : 'manifest';
    return { path: `copy-${String(i).padStart(3, '0')}/${name}`, kind, text };
  });
}

describe('linting in worker threads', () => {
  it('gives the findings and inventory of a single thread, byte for byte', async () => {
    const sources = corpus(2 * parallel.MIN_FILES_PER_THREAD);
    const config = emptyConfig(process.cwd());
    const alone = await new engine.LintEngine(config, { threads: 1 }).lint(sources);
    const together = await new engine.LintEngine(config, { threads: 2 }).lint(sources);
    expect(alone.findings.length).toBeGreaterThan(sources.length);
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));

    // As lintPaths does it: the threads and the grammar start before the files are read.
    const prepared = new engine.LintEngine(config, { threads: 2 });
    prepared.prepare(sources.map((source) => source.kind));
    expect(JSON.stringify(await prepared.lint(sources))).toBe(JSON.stringify(alone));
  }, 60_000);

  it('lets a worker take files while this thread is busy, and keeps input order', async () => {
    const sources = corpus(2 * parallel.MIN_FILES_PER_THREAD);
    const config = emptyConfig(process.cwd());
    const real = new engine.LintEngine(config, { threads: 1 });

    // This thread marks the files it takes and is slow at it, so the worker must take some.
    const mine: FileOutcome = { findings: [], inventory: [] };
    const slow = async () => {
      await new Promise((done) => setTimeout(done, 5));
      return mine;
    };
    const kinds = sources.map((source) => source.kind);
    const threads = new parallel.LintThreads(kinds, config, { threads: 2 });
    const outcomes = await threads.run(sources, { lintFile: slow });

    const byWorker = outcomes.flatMap((outcome, i) => (outcome === mine ? [] : [i]));
    expect(byWorker.length).toBeGreaterThan(0);
    expect(byWorker.length).toBeLessThan(sources.length);
    for (const i of byWorker.slice(0, 20)) {
      expect(outcomes[i]).toEqual(await real.lintFile(sources[i] as Source));
    }
  }, 60_000);

  it('stays in this thread for few files', async () => {
    const config = emptyConfig(process.cwd());
    const kinds = (count: number) => corpus(count).map((source) => source.kind);
    const few = new parallel.LintThreads(kinds(2 * parallel.MIN_FILES_PER_THREAD - 1), config, {
      threads: 2,
    });
    expect(few.size).toBe(0);
    const many = new parallel.LintThreads(kinds(2 * parallel.MIN_FILES_PER_THREAD), config, {
      threads: 2,
    });
    expect(many.size).toBe(1);
    few.close();
    many.close();
  });
});
