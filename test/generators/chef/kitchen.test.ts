import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { chefTarget } from '../../../generators/chef/index.js';
import { loadModel } from '../../../model/index.js';
import { goldenRoot } from '../../support/golden.js';
import { requireTool } from '../../support/toolchain.js';

const hasRuby = requireTool('ruby', 'InSpec checks');
const stub = join(dirname(fileURLToPath(import.meta.url)), 'inspec-stub.rb');

const fileOf = (name: string, path: string) =>
  chefTarget
    .render(loadModel(join(goldenRoot, name, 'berth.yaml')))
    .files.find((file) => file.path === path)!.content;

interface Node {
  containers: Record<string, { running: boolean; ports: string }>;
  images: string[];
  commands: Record<string, number>;
}

/** Runs the generated InSpec file against a described node; one PASS/FAIL line per check. */
function verify(test: string, node: Node): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'berth-inspec-'));
  try {
    writeFileSync(join(dir, 'default_test.rb'), test);
    writeFileSync(join(dir, 'node.json'), JSON.stringify(node));
    const run = spawnSync(
      'ruby',
      ['-w', stub, join(dir, 'default_test.rb'), join(dir, 'node.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    return run.stdout.trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(hasRuby)('the InSpec checks', () => {
  const test = fileOf('every-field', 'test/integration/default/default_test.rb');
  const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

  /** What `docker ps` shows for the every-field containers once they run as berth.yaml says. */
  const healthy: Node = {
    containers: {
      app: {
        running: true,
        ports:
          '4000/udp, 127.0.0.1:9090->9090/tcp, 9999/tcp, 0.0.0.0:5353->53/udp, ' +
          '0.0.0.0:7000->8000/tcp, 0.0.0.0:7001->8001/tcp, 0.0.0.0:7002->8002/tcp, ' +
          '0.0.0.0:32768->8080/tcp, [::]:32768->8080/tcp, 0.0.0.0:443->9443/tcp',
      },
      sidecar: { running: true, ports: '' },
      'host-agent': { running: true, ports: '' },
    },
    images: ['ghcr.io/acme/everything-app:1.4.2', 'prom/node-exporter:latest'],
    commands: { [`docker image inspect busybox@${digest}`]: 0 },
  };

  it('pass on a node that runs the containers as described', () => {
    const results = verify(test, healthy);
    expect(results.filter((line) => !line.startsWith('PASS'))).toEqual([]);
    expect(results).toHaveLength(16);
  });

  it('fail when a port is published elsewhere or a container is stopped', () => {
    const broken = structuredClone(healthy);
    broken.containers.app!.ports = healthy.containers.app!.ports.replace(
      '0.0.0.0:443',
      '0.0.0.0:8443',
    );
    broken.containers.sidecar!.running = false;
    const failures = verify(test, broken).filter((line) => line.startsWith('FAIL'));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('9443');
    expect(failures[1]).toContain('sidecar it running');
  });

  it('do not accept an address that merely ends like the expected one', () => {
    const broken = structuredClone(healthy);
    broken.containers.app!.ports = healthy.containers.app!.ports.replace(
      '127.0.0.1:9090',
      '227.0.0.1:9090',
    );
    expect(verify(test, broken).filter((line) => line.startsWith('FAIL'))).toHaveLength(1);
  });
});

describe('kitchen.yml', () => {
  const kitchen = yaml.load(fileOf('shop', 'kitchen.yml')) as Record<string, any>;

  it('converges twice in privileged dokken containers and enforces idempotency', () => {
    expect(kitchen.driver).toMatchObject({ name: 'dokken', privileged: true });
    expect(kitchen.provisioner).toMatchObject({
      name: 'dokken',
      enforce_idempotency: true,
      multiple_converge: 2,
      data_bags_path: 'test/integration/data_bags',
    });
    expect(kitchen.verifier).toEqual({ name: 'inspec' });
  });

  it('runs the default recipe on one systemd image per supported platform family', () => {
    expect(kitchen.suites).toEqual([{ name: 'default', run_list: ['recipe[shop::default]'] }]);
    for (const platform of kitchen.platforms) {
      expect(platform.driver.image).toBe(`dokken/${platform.name}`);
      expect(platform.driver.pid_one_command).toMatch(/systemd$/);
    }
  });
});

describe('the code.it recipe', () => {
  const recipe = fileOf('code-it', 'recipes/default.rb');

  it('declares the image and the container of the 2015 example', () => {
    expect(recipe).toContain("docker_image 'code.it' do");
    expect(recipe).toContain("docker_container 'code.it' do");
    expect(recipe).toContain("command ['node', '/srv/app.js']");
    expect(recipe).toContain("port ['80:8000']");
    expect(recipe).toContain("volumes ['/var/log/code.it:/var/log/code.it']");
    const attributes = fileOf('code-it', 'attributes/default.rb');
    expect(attributes).toContain("['code.it']['repo'] = 'shrikrishna/code.it'");
    expect(attributes).toContain("['code.it']['env'] = { 'NODE_PORT' => '8000' }");
  });
});
