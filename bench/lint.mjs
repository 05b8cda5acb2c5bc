#!/usr/bin/env node
// Measures `berth lint`'s engine on two corpora: Debian's Puppet modules (the corpus
// puppet-lint takes about 15 s on) and 1,000 Chef recipes (the corpus for rubocop).
//
//   npx tsc -p tsconfig.build.json && node bench/lint.mjs [--record]
//
// "Fresh process" is a new node process that imports the built engine, lints, formats the text
// report and exits, timed from spawn to exit: what a `berth lint` run costs without the CLI's
// argument parsing. "In process" repeats the lint in one process, first round (cold JIT) and
// median. The recipes are test/fixtures/lint/chef repeated with varied names into bench/work/
// (ignored by git). --record appends the figures to bench/RESULTS.md under "Lint".

import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine } from './machine.mjs';
import { writeRecipes } from './recipes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/lint/index.js');
const work = join(root, 'bench/work/lint');
const DEBIAN = '/usr/share/puppet/modules';
const RECIPES = 1000;
const ROUNDS = 5;
const FRESH = 5;

if (!existsSync(built)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first.');
  process.exit(2);
}
if (!existsSync(DEBIAN)) {
  console.error(`${DEBIAN} is missing: install test/parsers/puppet/corpus-packages.txt.`);
  process.exit(2);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

/** Spawns a node process that lints `paths` and prints the text report to nowhere. */
function freshRun(paths, options) {
  const script = `
    const { lintPaths, formatResult } = await import(${JSON.stringify(pathToFileURL(built).href)});
    const result = await lintPaths(${JSON.stringify(paths)}, ${JSON.stringify(options)});
    formatResult(result, 'text');
    console.log(JSON.stringify({ files: result.files.length, findings: result.findings.length }));
  `;
  const times = [];
  let counts;
  for (let i = 0; i < FRESH; i++) {
    const start = performance.now();
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script]);
    times.push(performance.now() - start);
    counts = JSON.parse(output.toString());
  }
  return { ms: median(times), ...counts };
}

async function inProcess(paths, options) {
  const { lintPaths } = await import(pathToFileURL(built).href);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await lintPaths(paths, options);
    rounds.push(performance.now() - start);
  }
  return { first: rounds[0], median: median(rounds) };
}

/** The Debian corpus as puppet-lint reads it: the `*.pp` files only. */
function debianManifests() {
  const output = execFileSync('find', ['-L', DEBIAN, '-name', '*.pp', '-type', 'f']);
  return output.toString().trim().split('\n').sort();
}

const manifests = debianManifests();
writeRecipes(work, RECIPES);
const recipes = [work];
const quiet = { config: false };
const all = { config: false, parseAll: true };
const cases = [
  [`Debian modules, ${manifests.length} \`*.pp\` files`, manifests, quiet],
  [`Debian modules, ${manifests.length} \`*.pp\` files, --parse-all`, manifests, all],
  [`Debian modules folder (\`*.pp\`, \`*.rb\`, Hiera), --parse-all`, [DEBIAN], all],
  [`${RECIPES} recipes`, recipes, quiet],
];

const rows = [];
const nodeAlone = median(
  Array.from({ length: FRESH }, () => {
    const start = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    return performance.now() - start;
  }),
);
for (const [name, paths, options] of cases) {
  const fresh = freshRun(paths, options);
  const warm = await inProcess(paths, options);
  rows.push(
    `| ${name} | ${fresh.files} | ${fresh.findings} | ${ms(fresh.ms)} | ${ms(warm.first)} | ${ms(warm.median)} |`,
  );
}

const report = [
  '',
  `### ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${machine()}. \`node -e 0\` alone: ${ms(nodeAlone)} (median of ${FRESH}).`,
  '',
  `| corpus | files | findings | fresh process (median of ${FRESH}) | in process, first round | in process, median of ${ROUNDS} |`,
  '|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');

console.log(report);
if (process.argv.includes('--record')) {
  const results = join(root, 'bench/RESULTS.md');
  if (!existsSync(results)) writeFileSync(results, '# Benchmark results\n');
  if (!readFileSync(results, 'utf8').includes('## Lint')) {
    appendFileSync(
      results,
      '\n## Lint\n\nRecorded by `node bench/lint.mjs --record` after ' +
        '`npx tsc -p tsconfig.build.json`. Without `--parse-all`, only files that mention ' +
        '`docker` are parsed (none of the Debian modules does), so that row measures finding ' +
        'and reading the files; `--parse-all` parses every file, as puppet-lint does. The ' +
        'CLI-level comparison with puppet-lint and rubocop is not here yet.\n',
    );
  }
  appendFileSync(results, report);
}
