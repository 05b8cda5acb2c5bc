#!/usr/bin/env node
// Parses every manifest of the Puppet module corpus in one process and prints how long it
// takes: files, bytes, and the median of several timed runs after warm-up runs.
//
//   npm run build && node bench/puppet-parser.mjs [corpus-root] [runs]
//
// The corpus is the one of the differential test (test/parsers/puppet/corpus-packages.txt).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePuppet } from '../dist/parsers/puppet/index.js';

const root = process.argv[2] ?? '/usr/share/puppet/modules';
const runs = Number(process.argv[3] ?? 15);
const warmups = 5;

function manifests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) found.push(...manifests(path));
    else if (stats?.isFile() && entry.endsWith('.pp')) found.push(path);
  }
  return found.sort();
}

function parseAll(files) {
  let resources = 0;
  let problems = 0;
  for (const { path, text } of files) {
    const result = parsePuppet(path, text);
    resources += result.resources.length;
    problems += result.problems.length;
  }
  return { resources, problems };
}

const files = manifests(root).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
if (files.length === 0) {
  console.error(`no .pp files under ${root}; install the packages of corpus-packages.txt`);
  process.exit(2);
}
const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);

const firstStart = performance.now();
const counts = parseAll(files);
const first = performance.now() - firstStart;
for (let i = 1; i < warmups; i++) parseAll(files);

const times = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  parseAll(files);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

console.log(`files      ${files.length}`);
console.log(`bytes      ${bytes}`);
console.log(`resources  ${counts.resources}`);
console.log(`problems   ${counts.problems}`);
console.log(`first run  ${first.toFixed(1)} ms (cold)`);
console.log(`median     ${median.toFixed(1)} ms over ${runs} runs after ${warmups} warm-up runs`);
console.log(`min/max    ${times[0].toFixed(1)} / ${times[times.length - 1].toFixed(1)} ms`);
