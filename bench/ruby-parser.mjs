#!/usr/bin/env node
// Measures the Ruby (Chef) parser: how long the wasm grammar takes to initialise in a fresh
// process, and how long parsing 1,000 recipes takes once it is loaded.
//
//   npx tsc -p tsconfig.build.json && node bench/ruby-parser.mjs [--record]
//
// The recipes are the corpus under test/fixtures/lint/chef, repeated with varied names into
// bench/work/ (ignored by git). --record appends the figures to bench/RESULTS.md.

import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine } from './machine.mjs';
import { writeRecipes } from './recipes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/parsers/ruby/index.js');
const work = join(root, 'bench/work/ruby-parser');
const RECIPES = 1000;
const ROUNDS = 5;
const COLD_STARTS = 10;

if (!existsSync(built)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first.');
  process.exit(2);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

/** Each cold start is a new node process that imports the parser and loads the grammar. */
function coldStarts() {
  const script = `
    const t0 = performance.now();
    const { loadRubyParser } = await import(${JSON.stringify(pathToFileURL(built).href)});
    const t1 = performance.now();
    const parser = await loadRubyParser();
    const t2 = performance.now();
    parser.parse('warm.rb', "docker_image 'nginx'\\n");
    const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, initMs: t2 - t1, firstParseMs: t3 - t2 }));
  `;
  const runs = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script]);
    runs.push(JSON.parse(output.toString()));
  }
  return {
    importMs: median(runs.map((run) => run.importMs)),
    initMs: median(runs.map((run) => run.initMs)),
    firstParseMs: median(runs.map((run) => run.firstParseMs)),
  };
}

async function parseAll(files) {
  const { loadRubyParser } = await import(pathToFileURL(built).href);
  const parser = await loadRubyParser();
  const texts = files.map((file) => [file, readFileSync(file, 'utf8')]);
  const rounds = [];
  let resources = 0;
  for (let round = 0; round < ROUNDS; round++) {
    resources = 0;
    const start = performance.now();
    for (const [file, text] of texts) resources += parser.parse(file, text).resources.length;
    rounds.push(performance.now() - start);
  }
  const lines = texts.reduce((sum, [, text]) => sum + text.split('\n').length, 0);
  const bytes = texts.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
  return { rounds, lines, bytes, resources };
}

const cold = coldStarts();
const files = writeRecipes(work, RECIPES, { header: true });
const { rounds, lines, bytes, resources } = await parseAll(files);
const best = median(rounds);

const report = [
  '',
  `### ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${machine()}.`,
  '',
  '| measure | result |',
  '|---|---|',
  `| import of the parser module, fresh process (median of ${COLD_STARTS}) | ${ms(cold.importMs)} |`,
  `| wasm runtime + Ruby grammar initialisation (median of ${COLD_STARTS}) | ${ms(cold.initMs)} |`,
  `| first parse after initialisation | ${ms(cold.firstParseMs)} |`,
  `| parse ${RECIPES} recipes (${lines} lines, ${(bytes / 1024).toFixed(0)} KiB, ${resources} resources), first round | ${ms(rounds[0])} |`,
  `| parse ${RECIPES} recipes, median of ${ROUNDS} rounds | ${ms(best)} |`,
  `| per recipe (median round) | ${(best / RECIPES).toFixed(3)} ms |`,
  `| throughput (median round) | ${Math.round(lines / (best / 1000)).toLocaleString('en')} lines/s |`,
  '',
].join('\n');

console.log(report);
if (process.argv.includes('--record')) {
  const results = join(root, 'bench/RESULTS.md');
  if (!existsSync(results)) writeFileSync(results, '# Benchmark results\n');
  if (!readFileSync(results, 'utf8').includes('## Ruby parser')) {
    appendFileSync(
      results,
      '\n## Ruby parser\n\nRecorded by `node bench/ruby-parser.mjs --record` after ' +
        '`npx tsc -p tsconfig.build.json`.\n',
    );
  }
  appendFileSync(results, report);
}
