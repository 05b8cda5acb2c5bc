// Renders the Puppet module of a 10,000-container berth file in-process and prints the time
// render() takes (model loading excluded). Run `npm run build` first: this reads dist/.
//
//   node bench/puppet-render.mjs [containers] [runs]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import yaml from 'js-yaml';

import { puppetTarget } from '../dist/generators/puppet/index.js';
import { modelFromText } from '../dist/model/index.js';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);

/** A berth file whose containers use a spread of fields, so every builder does some work. */
function berthFile(n) {
  const containers = {};
  for (let i = 0; i < n; i++) {
    containers[`app-${i}`] = {
      image: `registry.example.com:5000/team/app-${i % 50}:1.${i % 7}.0`,
      command: ['/usr/bin/app', '--port', String(8000 + (i % 1000)), '--name', `app ${i}`],
      environment: { PORT: 8000 + (i % 1000), MODE: 'production', NAME: `app-${i}` },
      ports: [`${10000 + (i % 50000)}:${8000 + (i % 1000)}`],
      volumes: [`/srv/app-${i}:/data`, 'shared:/shared:ro'],
      networks: i % 3 === 0 ? ['front', 'back'] : ['front'],
      restart: i % 2 === 0 ? 'always' : 'on-failure',
      healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost/'], interval: '30s' },
      mem_limit: '256m',
      cap_drop: ['ALL'],
      labels: { team: 'platform', index: String(i) },
      ...(i > 0 && i % 10 === 0 ? { depends_on: [`app-${i - 1}`] } : {}),
    };
  }
  return yaml.dump({
    name: 'fleet',
    version: '1.0.0',
    author: 'acme',
    networks: { front: {}, back: {} },
    volumes: { shared: {} },
    containers,
  });
}

/**
 * CPU time of the main thread in ms, where Linux reports it. On a busy machine wall time
 * mostly measures the other processes; this is the time render() itself computed.
 */
function mainThreadMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8');
    return Number(stat.split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const model = modelFromText('bench.yaml', berthFile(count));
const wall = [];
const cpu = [];
let result;
for (let run = 0; run < runs; run++) {
  const startCpu = mainThreadMs();
  const start = performance.now();
  result = puppetTarget.render(model);
  wall.push(performance.now() - start);
  cpu.push(mainThreadMs() - startCpu);
}
const bytes = result.files.reduce((sum, file) => sum + file.content.length, 0);
console.log(
  `puppet render, ${count} containers, ${runs} runs: wall median ${median(wall).toFixed(0)} ms ` +
    `(best ${Math.min(...wall).toFixed(0)}), main-thread CPU median ${median(cpu).toFixed(0)} ms; ` +
    `${result.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${result.notes.length} notes`,
);
