// Renders the Chef cookbook of a generated model with 10,000 containers, in-process, and
// prints the time per render. Run `npm run build` first: this reads the compiled dist/.
//
//   node bench/chef-render.mjs [containers] [rounds]
//   BENCH_SPLIT=1 node bench/chef-render.mjs      # also: the view model and each template
import { performance } from 'node:perf_hooks';

import { chefTarget } from '../dist/generators/chef/index.js';

const count = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);

const path = (...segments) => segments;

/** One container using most fields, so that every mapper and template branch runs. */
function container(i) {
  const name = `svc-${i}`;
  const at = (field) => path('containers', name, field);
  const image = { repository: `registry.acme.example/team/app-${i % 50}`, tag: `1.${i % 7}` };
  return {
    name,
    image: {
      ...image,
      registry: 'registry.acme.example',
      reference: `${image.repository}:${image.tag}`,
    },
    imageKey: `${image.repository}:${image.tag}`,
    pullPolicy: i % 3 === 0 ? 'always' : 'missing',
    command: ['/usr/local/bin/app', '--port', String(8000 + (i % 1000))],
    environment: [
      { name: 'PORT', value: String(8000 + (i % 1000)), path: at('environment') },
      { name: 'MODE', value: 'production', path: at('environment') },
      ...(i % 10 === 0
        ? [
            {
              name: 'TOKEN',
              value: { secret: 'token', path: at('environment') },
              path: at('environment'),
            },
          ]
        : []),
    ],
    envFiles: [],
    ports: [
      {
        target: { start: 8000, end: 8000 },
        published: { start: 10000 + (i % 50000), end: 10000 + (i % 50000) },
        protocol: 'tcp',
        path: at('ports'),
      },
    ],
    expose: [],
    mounts: [
      {
        type: 'bind',
        source: `/srv/${name}`,
        target: '/data',
        readOnly: false,
        path: at('volumes'),
      },
    ],
    tmpfs: [{ target: '/tmp', options: 'size=64m', path: at('tmpfs') }],
    restart: { policy: 'unless-stopped', path: at('restart') },
    healthcheck: {
      disabled: false,
      test: { kind: 'exec', argv: ['curl', '-f', 'http://localhost:8000/'] },
      intervalMs: 30000,
      timeoutMs: 5000,
      retries: 3,
      path: at('healthcheck'),
    },
    labels: [{ name: 'com.acme.index', value: String(i), path: at('labels') }],
    networks: [
      { name: 'backend', aliases: [], path: at('networks') },
      ...(i % 4 === 0 ? [{ name: 'frontend', aliases: [], path: at('networks') }] : []),
    ],
    dns: [],
    dnsSearch: [],
    extraHosts: [],
    capAdd: [],
    capDrop: ['ALL'],
    privileged: false,
    readOnly: true,
    securityOpt: [],
    devices: [],
    memoryBytes: 268435456,
    ulimits: [{ name: 'nofile', soft: 65536, hard: 65536, path: at('ulimits') }],
    sysctls: [],
    tty: false,
    stdinOpen: false,
    dependsOn:
      i > 0 ? [{ name: `svc-${i - 1}`, condition: 'service_started', path: at('depends_on') }] : [],
    chef: [],
    puppet: [],
    path: path('containers', name),
    fieldPaths: {},
  };
}

const containers = Array.from({ length: count }, (_, i) => container(i));
const images = new Map();
for (const c of containers) {
  const image = images.get(c.imageKey) ?? {
    key: c.imageKey,
    ref: c.image,
    pullPolicy: c.pullPolicy,
    usedBy: [],
    path: c.path,
  };
  image.usedBy.push(c.name);
  images.set(c.imageKey, image);
}

const model = {
  file: 'berth.yaml',
  metadata: {
    name: 'fleet',
    version: '1.0.0',
    author: 'acme',
    maintainer: 'acme',
    summary: 'A large fleet',
  },
  engine: { manage: true, path: ['engine'] },
  registries: [
    {
      name: 'acme',
      server: 'registry.acme.example',
      username: 'deploy',
      password: { secret: 'token', path: ['registries', 'acme', 'password'] },
      path: ['registries', 'acme'],
    },
  ],
  networks: ['backend', 'frontend'].map((name) => ({
    name,
    subnets: [],
    gateways: [],
    ipRanges: [],
    internal: false,
    enableIpv6: false,
    options: [],
    external: false,
    path: ['networks', name],
  })),
  volumes: [],
  images: [...images.values()],
  secrets: [
    {
      name: 'token',
      chef: { kind: 'data_bag', bag: 'fleet', item: 'secrets', key: 'token' },
      puppet: { hiera: 'fleet::token' },
      path: ['secrets', 'token'],
    },
  ],
  containers,
  chef: {
    cookbookName: 'fleet',
    chefVersion: '>= 16.0',
    dockerCookbookVersion: '~> 11.10',
    supports: ['ubuntu', 'debian'],
  },
  puppet: {
    moduleName: 'fleet',
    restartMode: 'systemd',
    puppetVersion: '>= 7.0.0 < 9.0.0',
    dockerModuleVersion: '>= 10.0.0 < 11.0.0',
    stdlibVersion: '>= 9.0.0 < 11.0.0',
    operatingSystems: [],
  },
};

const times = [];
const cpu = [];
let result;
for (let round = 0; round < rounds; round++) {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  result = chefTarget.render(model);
  times.push(performance.now() - start);
  const used = process.cpuUsage(startCpu);
  cpu.push((used.user + used.system) / 1000);
}

const bytes = result.files.reduce((sum, file) => sum + file.content.length, 0);
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(
  `chef render, ${count} containers: first ${times[0].toFixed(0)} ms (compiling templates), ` +
    `median ${median.toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms; ` +
    `${result.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${result.notes.length} notes`,
);
// On a busy machine wall time includes waiting for a core; CPU time (all threads) does not.
console.log(`CPU time per render: ${cpu.map((ms) => ms.toFixed(0)).join(', ')} ms`);

if (process.env.BENCH_SPLIT) {
  // Where the time goes: the view model, then each template.
  const { cookbookView } = await import('../dist/generators/chef/view.js');
  const { TemplateSet } = await import('../dist/generators/templates.js');
  const { chefHelpers } = await import('../dist/generators/chef/helpers.js');
  const set = new TemplateSet('chef', chefHelpers, ['container']);
  const cpuOf = (body) => {
    const start = process.cpuUsage();
    const value = body();
    const used = process.cpuUsage(start);
    return [value, ((used.user + used.system) / 1000).toFixed(0)];
  };
  for (let round = 0; round < 3; round++) {
    const [{ view }, viewMs] = cpuOf(() => cookbookView(model));
    const parts = result.files.map(
      (file) => `${file.path} ${cpuOf(() => set.render(file.path, view))[1]}`,
    );
    console.log(`view ${viewMs} ms; ${parts.join(', ')}`);
  }
}
