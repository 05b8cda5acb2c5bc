// Renders the Puppet module of a 10,000-container berth file in-process and prints the time
// render() takes (model loading excluded). Run `npm run build` first: this reads dist/.
//
//   node bench/puppet-render.mjs [containers] [runs]
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

const model = modelFromText('bench.yaml', berthFile(count));
const times = [];
let result;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  result = puppetTarget.render(model);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const bytes = result.files.reduce((sum, file) => sum + file.content.length, 0);
console.log(
  `puppet render, ${count} containers: median ${times[Math.floor(runs / 2)].toFixed(0)} ms, ` +
    `best ${times[0].toFixed(0)} ms over ${runs} runs; ${result.files.length} files, ` +
    `${(bytes / 1e6).toFixed(1)} MB, ${result.notes.length} notes`,
);
