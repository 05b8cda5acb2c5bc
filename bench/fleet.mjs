// Writes a berth file with N containers, deterministic, for the generation benchmarks.
// Usage: node bench/fleet.mjs N > fleet.yaml
const count = Number(process.argv[2] ?? 10000);
const lines = [
  'name: fleet',
  'version: 1.0.0',
  'author: acme',
  'networks:',
  '  backend: {}',
  'volumes:',
  '  shared: {}',
  'containers:',
];
for (let i = 0; i < count; i++) {
  const name = `svc-${String(i).padStart(6, '0')}`;
  lines.push(
    `  ${name}:`,
    `    image: registry.acme.example/team${i % 50}/app${i % 500}:1.${i % 20}.${i % 7}`,
    `    command: ["/usr/bin/app", "--port", "${8000 + (i % 1000)}"]`,
    `    ports: ["${10000 + (i % 50000)}:${8000 + (i % 1000)}"]`,
    `    environment: { APP_ID: "${i}", APP_MODE: production, LOG_LEVEL: info }`,
    `    volumes: ["/srv/${name}:/data", "shared:/shared:ro"]`,
    '    networks: [backend]',
    '    restart: unless-stopped',
    `    healthcheck: { test: ["CMD", "/usr/bin/app", "health"], interval: 30s, retries: 3 }`,
    `    labels: { com.acme.index: "${i}" }`,
    '    mem_limit: 256m',
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
