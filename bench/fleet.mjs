// Writes a berth file with N containers, deterministic, for the generation benchmarks.
// Usage: node bench/fleet.mjs N [example|rich] > fleet.yaml
//
// - example: containers shaped like the code.it example (image, command, one port, one
//   environment variable, one bind mount);
// - rich: ten fields each (two volumes, a network, restart policy, an exec-form healthcheck,
//   a label and a memory limit as well), which also makes every container raise the same two
//   Puppet warnings, reported once.
const count = Number(process.argv[2] ?? 10000);
const shape = process.argv[3] ?? 'rich';

const head = ['name: fleet', 'version: 1.0.0', 'author: acme'];
const lines =
  shape === 'rich'
    ? [...head, 'networks:', '  backend: {}', 'volumes:', '  shared: {}', 'containers:']
    : [...head, 'containers:'];

for (let i = 0; i < count; i++) {
  const name = `svc-${String(i).padStart(6, '0')}`;
  const port = 8000 + (i % 1000);
  lines.push(
    `  ${name}:`,
    `    image: registry.acme.example/team${i % 50}/app${i % 500}:1.${i % 20}.${i % 7}`,
    `    command: ["/usr/bin/app", "--port", "${port}"]`,
    `    ports: ["${10000 + (i % 50000)}:${port}"]`,
  );
  if (shape === 'rich') {
    lines.push(
      `    environment: { APP_ID: "${i}", APP_MODE: production, LOG_LEVEL: info }`,
      `    volumes: ["/srv/${name}:/data", "shared:/shared:ro"]`,
      '    networks: [backend]',
      '    restart: unless-stopped',
      '    healthcheck: { test: ["CMD", "/usr/bin/app", "health"], interval: 30s, retries: 3 }',
      `    labels: { com.acme.index: "${i}" }`,
      '    mem_limit: 256m',
    );
  } else {
    lines.push(
      `    environment: { APP_PORT: ${port} }`,
      `    volumes: ["/var/log/${name}:/var/log/app"]`,
    );
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
