import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { dockerContainerProperties } from '../../../generators/chef/passthrough.js';
import type { GeneratedFile } from '../../../generators/types.js';

const stub = join(dirname(fileURLToPath(import.meta.url)), 'chef-stub.rb');

/** What each resource type accepts in docker cookbook 11.x, as far as the generator uses it. */
const accepted: Record<string, string[]> = {
  docker_service: ['version', 'action'],
  docker_registry: ['username', 'password', 'sensitive'],
  docker_network: [
    'driver', 'driver_opts', 'subnet', 'gateway', 'ip_range', 'ipam_driver', 'enable_ipv6',
    'internal', 'network_name', 'container', 'ip', 'ip6', 'action', 'subscribes',
  ],
  docker_volume: ['driver', 'opts'],
  docker_image: ['repo', 'tag', 'action', 'notifies'],
  docker_container: [...dockerContainerProperties, 'repo', 'tag', 'env', 'notifies', 'subscribes'],
}; // prettier-ignore

export interface StubResource {
  type: string;
  name: string;
  properties: Record<string, unknown>;
}

export interface StubResult {
  metadata: unknown[][];
  node: Record<string, any>;
  resources: StubResource[];
}

export interface StubOptions {
  dataBags?: Record<string, Record<string, Record<string, unknown>>>;
  overrides?: Record<string, unknown>;
}

/** Writes the cookbook to a temporary directory and evaluates it with chef-stub.rb. */
export function evaluateCookbook(files: GeneratedFile[], options: StubOptions = {}): StubResult {
  const dir = mkdtempSync(join(tmpdir(), 'berth-cookbook-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const input = join(dir, 'input.json');
    writeFileSync(
      input,
      JSON.stringify({
        cookbook: dir,
        dataBags: options.dataBags ?? {},
        overrides: options.overrides ?? {},
        accepted,
      }),
    );
    const run = spawnSync('ruby', ['-w', stub, input], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0 || run.stderr !== '') {
      throw new Error(`chef-stub failed (${run.status}):\n${run.stderr}`);
    }
    return JSON.parse(run.stdout) as StubResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The resources of one type and name. */
export function findResource(result: StubResult, type: string, name: string): StubResource {
  const found = result.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type}[${name}] in the recipe`);
  return found;
}
