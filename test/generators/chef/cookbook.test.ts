import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { chefTarget } from '../../../generators/chef/index.js';
import { loadModel } from '../../../model/index.js';
import { goldenCases, goldenRoot } from '../../support/golden.js';
import { requireTool } from '../../support/toolchain.js';
import { evaluateCookbook, findResource } from './evaluate.js';
import { checkSyntax } from './ruby.js';

const hasRuby = requireTool('ruby', 'Chef cookbook');
const render = (name: string) => chefTarget.render(loadModel(join(goldenRoot, name, 'berth.yaml')));

describe.runIf(hasRuby)('every generated Ruby file', () => {
  it.each(goldenCases())('passes ruby -wc without a warning (%s)', (name) => {
    const ruby = render(name).files.filter((f) => /\.rb$|^Berksfile$/.test(f.path));
    expect(ruby.map((f) => f.path)).toContain('recipes/default.rb');
    expect(checkSyntax(ruby)).toEqual([]);
  });
});

describe.runIf(hasRuby)('the code.it example', () => {
  const result = evaluateCookbook(render('code-it').files);

  it('pulls the image and redeploys the container when it changes', () => {
    const image = findResource(result, 'docker_image', 'code.it');
    expect(image.properties).toEqual({
      repo: 'shrikrishna/code.it',
      tag: 'latest',
      action: 'pull_if_missing',
      notifies: ['redeploy', 'docker_container[code.it]', 'immediately'],
    });
  });

  it('runs the container as `docker run` would', () => {
    const container = findResource(result, 'docker_container', 'code.it');
    expect(container.properties).toMatchObject({
      repo: 'shrikrishna/code.it',
      tag: 'latest',
      command: ['node', '/srv/app.js'],
      port: ['80:8000'],
      env: ['NODE_PORT=8000'],
      volumes: ['/var/log/code.it:/var/log/code.it'],
      oom_score_adj: 0,
    });
  });

  it('installs the engine first and declares its metadata', () => {
    expect(result.resources[0]).toMatchObject({ type: 'docker_service', name: 'default' });
    expect(result.metadata).toContainEqual(['name', 'codeit']);
    expect(result.metadata).toContainEqual(['license', 'All Rights Reserved']);
    expect(result.metadata).toContainEqual(['depends', 'docker', '~> 11.10']);
  });

  it('follows attribute overrides per environment', () => {
    const staging = evaluateCookbook(render('code-it').files, {
      overrides: { codeit: { containers: { 'code.it': { tag: '2.0', env: { DEBUG: '1' } } } } },
    });
    const container = findResource(staging, 'docker_container', 'code.it');
    expect(container.properties).toMatchObject({ tag: '2.0', env: ['NODE_PORT=8000', 'DEBUG=1'] });
    expect(findResource(staging, 'docker_image', 'code.it').properties.tag).toBe('2.0');
  });

  it('leaves a switched-off container out', () => {
    const off = evaluateCookbook(render('code-it').files, {
      overrides: { codeit: { containers: { 'code.it': { enabled: false } } } },
    });
    expect(off.resources.map((r) => r.type)).toEqual(['docker_service']);
  });
});

describe.runIf(hasRuby)('the shop', () => {
  const dataBags = {
    shop: { registry: { password: 'reg-pass' }, secrets: { db_password: "s3cr'et\n#{x}" } },
  };
  const result = evaluateCookbook(render('shop').files, { dataBags });

  it('logs in to the registry with the data bag password, before any pull', () => {
    const types = result.resources.map((r) => r.type);
    expect(types.indexOf('docker_registry')).toBeLessThan(types.indexOf('docker_image'));
    const login = findResource(result, 'docker_registry', 'registry.acme.example:5000');
    expect(login.properties).toEqual({ username: 'deploy', password: 'reg-pass', sensitive: true });
  });

  it('reads secrets into the environment when converging, and marks the resource sensitive', () => {
    const db = findResource(result, 'docker_container', 'db');
    expect(db.properties.env).toEqual([
      'POSTGRES_DB=shop',
      'POSTGRES_USER=shop',
      "POSTGRES_PASSWORD=s3cr'et\n#{x}",
    ]);
    expect(db.properties.sensitive).toBe(true);
  });

  it('never writes a secret into a generated file', () => {
    const text = render('shop')
      .files.map((f) => f.content)
      .join('\n');
    expect(text).not.toContain('reg-pass');
    expect(result.node.shop.containers.db.env).not.toHaveProperty('POSTGRES_PASSWORD');
  });

  it('creates containers in dependency order and joins further networks after them', () => {
    const order = result.resources.map((r) => `${r.type}[${r.name}]`);
    expect(order.indexOf('docker_container[db]')).toBeLessThan(
      order.indexOf('docker_container[api]'),
    );
    expect(order.indexOf('docker_container[api]')).toBeLessThan(
      order.indexOf('docker_network[connect api to frontend]'),
    );
    expect(findResource(result, 'docker_network', 'connect api to frontend').properties).toEqual({
      network_name: 'frontend',
      container: 'api',
      action: 'connect',
    });
  });

  it('writes sizes, durations and the health check as the Engine API takes them', () => {
    const api = findResource(result, 'docker_container', 'api');
    expect(api.properties).toMatchObject({
      memory: 536870912,
      cpus: 1.5,
      restart_policy: 'on-failure',
      restart_maximum_retry_count: 5,
      health_check: {
        Test: ['CMD', 'curl', '-fsS', 'http://localhost:3000/health'],
        Interval: 30_000_000_000,
        Timeout: 3_000_000_000,
        Retries: 3,
        StartPeriod: 20_000_000_000,
      },
      network_mode: 'backend',
      network_aliases: ['api.internal'],
      log_opts: { 'max-size': '10m', 'max-file': '3' },
    });
  });
});

describe.runIf(hasRuby)('every field', () => {
  const result = evaluateCookbook(render('every-field').files, {
    dataBags: { everything: { ghcr: { token: 't' } } },
    overrides: { everything: { secrets: { api_key: 'k' } } },
  });

  it('reads an attribute secret and keeps hostile values intact', () => {
    const sidecar = findResource(result, 'docker_container', 'sidecar');
    expect(sidecar.properties.env).toEqual([
      'EMPTY=',
      'QUOTED=it\'s "quoted" $HOME `backticks` \\n #{not} ${interp}',
      'API_KEY=k',
    ]);
  });

  it('pins the digest through the tag attribute', () => {
    expect(result.node.everything.containers.sidecar.tag).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('lets x-chef replace what berth derives', () => {
    const app = findResource(result, 'docker_container', 'app');
    expect(app.properties).toMatchObject({ kill_after: 30, oom_score_adj: 0 });
  });

  it('exposes the expose ports together with the published ones', () => {
    const app = findResource(result, 'docker_container', 'app');
    expect(Object.keys(app.properties.exposed_ports as object)).toEqual([
      '8080/tcp', '9090/tcp', '53/udp', '8000/tcp', '8001/tcp', '8002/tcp', '9443/tcp',
      '9999/tcp', '4000/udp',
    ]); // prettier-ignore
  });
});
