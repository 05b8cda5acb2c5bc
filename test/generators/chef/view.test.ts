import { describe, expect, it } from 'vitest';

import { containerContext, containerView } from '../../../generators/chef/containers.js';
import { markdownCode } from '../../../generators/chef/helpers.js';
import { chefTarget } from '../../../generators/chef/index.js';
import { portPatterns, portProperties, portString } from '../../../generators/chef/ports.js';
import { Notes } from '../../../generators/chef/notes.js';
import { cookbookView } from '../../../generators/chef/view.js';
import { modelFromText } from '../../../model/index.js';
import type { PortMapping } from '../../../model/types.js';

/** A model from the `containers:` (and anything else) of a berth file written inline. */
const model = (body: string) =>
  modelFromText('berth.yaml', `name: demo\nversion: 1.0.0\nauthor: acme\n${body}`).model;

const view = (body: string) => cookbookView(model(body)).view;

/** The containers' views, before they become text. */
const containers = (body: string) => {
  const parsed = model(body);
  const context = containerContext(parsed, new Notes());
  return parsed.containers.map((container) => containerView(container, context));
};
const recipe = (body: string) =>
  chefTarget.render(model(body)).files.find((f) => f.path === 'recipes/default.rb')!.content;

const port = (fields: Partial<PortMapping>): PortMapping => ({
  target: { start: 80, end: 80 },
  protocol: 'tcp',
  path: [],
  ...fields,
});

describe('ports', () => {
  it('writes the port syntax of the cookbook', () => {
    expect(portString(port({ published: { start: 8080, end: 8080 } }))).toBe('8080:80');
    expect(portString(port({ hostIp: '127.0.0.1' }))).toBe('127.0.0.1::80');
    expect(portString(port({ protocol: 'udp' }))).toBe('80/udp');
    expect(
      portString(
        port({
          hostIp: '10.0.0.1',
          target: { start: 8000, end: 8002 },
          published: { start: 7000, end: 7002 },
        }),
      ),
    ).toBe('10.0.0.1:7000-7002:8000-8002');
  });

  it('writes port_bindings when a host address is IPv6, which the port syntax cannot hold', () => {
    const { containers } = model(`containers:
  web:
    image: nginx:1.27
    ports: ["[::1]:8080:80", "443:443", "9000"]
    expose: [9999]
`);
    expect(portProperties(containers[0]!)).toEqual([
      {
        name: 'exposed_ports',
        value: { '80/tcp': {}, '443/tcp': {}, '9000/tcp': {}, '9999/tcp': {} },
      },
      {
        name: 'port_bindings',
        value: {
          '80/tcp': [{ HostIp: '::1', HostPort: '8080' }],
          '443/tcp': [{ HostIp: '0.0.0.0', HostPort: '443' }],
          '9000/tcp': [{ HostIp: '', HostPort: '' }],
        },
      },
    ]);
  });

  it('matches docker ps output, where same-number runs merge and random ports vary', () => {
    const patterns = portPatterns([
      port({ published: { start: 80, end: 80 } }),
      port({ target: { start: 81, end: 81 }, published: { start: 81, end: 81 } }),
      port({ target: { start: 8000, end: 8000 }, published: { start: 9000, end: 9000 } }),
      port({ target: { start: 53, end: 53 }, protocol: 'udp' }),
      port({ hostIp: '::1', published: { start: 8080, end: 8080 } }),
    ]);
    const matches = (text: string) =>
      patterns.map((source) =>
        new RegExp(source.replace(/\\A/g, '^').replace(/\\z/g, '$')).test(text),
      );

    const ports =
      '0.0.0.0:80-81->80-81/tcp, 0.0.0.0:9000->8000/tcp, 0.0.0.0:32768->53/udp, ' +
      '[::]:32768->53/udp, [::1]:8080->80/tcp';
    expect(matches(ports)).toEqual([true, true, true, true]);
    expect(matches('0.0.0.0:80->80/tcp, 0.0.0.0:81->81/tcp')).toContain(false);
    expect(matches('10.0.0.0:9000->8000/tcp')[1]).toBe(false);
  });
});

describe('the container view', () => {
  it('redeploys every container of an image that is pulled on every run', () => {
    const views = containers(`containers:
  a: { image: "acme/app:1.0", pull_policy: always, networks: [one, two] }
  b: { image: "acme/app:1.0" }
  c: { image: "acme/app:1.0", depends_on: [b], networks: [one, two] }
networks: { one: {}, two: {} }
`);
    expect(views.map((c) => [c.name, c.pullAction, c.subscribesTo])).toEqual([
      ['a', 'pull', undefined],
      ['b', 'pull', 'docker_image[a]'],
      ['c', 'pull', 'docker_image[a]'],
    ]);
    expect(views[0]!.connections[0]!.resubscribe).toBe(false);
    expect(views[2]!.connections[0]!.resubscribe).toBe(true);
  });

  it('pulls nothing for pull_policy never, and says so in the recipe', () => {
    const text = recipe(`containers:
  app: { image: "acme/app:1.0", pull_policy: never }
`);
    expect(text).not.toMatch(/^ *docker_image '/m);
    expect(text).toContain('# pull_policy never: no docker_image');
  });

  it('pulls images no container runs, under their own name', () => {
    const text = recipe(`images:
  tools: { image: "busybox:1.36", pull_policy: always }
  cached: { image: "alpine:3.20", pull_policy: never }
containers:
  app: { image: "acme/app:1.0" }
`);
    expect(text).toContain(
      "docker_image 'busybox:1.36' do\n  repo 'busybox'\n  tag '1.36'\n  action :pull\nend",
    );
    expect(text).toContain('# alpine:3.20: pull_policy never, so there is nothing to pull.');
  });

  it('lets x-chef replace a derived property, under its canonical name', () => {
    const [app] = containers(`containers:
  app:
    image: acme/app:1.0
    stop_grace_period: 20s
    x-chef: { kill_after: 5, workdir: /srv, oom_score_adj: -100 }
`);
    const names = app!.properties.map((p) => p.name);
    expect(names.filter((n) => n === 'kill_after' || n === 'oom_score_adj')).toEqual([
      'kill_after',
      'oom_score_adj',
    ]);
    expect(app!.properties.slice(-3)).toEqual([
      { name: 'kill_after', value: 5 },
      { name: 'working_dir', value: '/srv' },
      { name: 'oom_score_adj', value: -100 },
    ]);
  });

  it('leaves zero health check values to the image, as Docker does', () => {
    const [app] = containers(`containers:
  app:
    image: acme/app:1.0
    healthcheck: { test: "true", retries: 0, interval: 0s }
`);
    expect(app!.properties.find((p) => p.name === 'health_check')!.value).toEqual({
      Test: ['CMD-SHELL', 'true'],
    });
  });
});

describe('the cookbook view', () => {
  it('logs in only where a password is given, and lists the others in the README', () => {
    const result = cookbookView(
      model(`registries:
  mirror: { server: mirror.acme.example }
containers:
  app: { image: "mirror.acme.example/app:1.0" }
`),
    );
    expect(result.view.registries).toEqual([]);
    expect(result.view.readme.anonymousRegistries).toEqual(['mirror.acme.example']);
    expect(result.notes.list).toEqual([]);
  });

  it('always has a kitchen platform', () => {
    const { kitchen } = view(`x-chef: { supports: [scientific] }
containers:
  app: { image: "acme/app:1.0" }
`);
    expect(kitchen.platforms.map((p) => p.name)).toEqual(['ubuntu-24.04']);
  });

  it('names the cookbook after x-chef.cookbook_name and keeps its attributes there', () => {
    const result = chefTarget.render(
      model(`x-chef: { cookbook_name: shop_containers }
containers:
  app: { image: "acme/app:1.0" }
`),
    );
    expect(result.root).toBe('chef/shop_containers');
    const attributes = result.files.find((f) => f.path === 'attributes/default.rb')!.content;
    expect(attributes).toContain("default['shop_containers']['containers']['app']['tag'] = '1.0'");
  });
});

describe('markdownCode', () => {
  it('keeps any text inside one code span', () => {
    expect(markdownCode('plain')).toBe('`plain`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b')).toBe('`a\\|b`');
    expect(markdownCode('line\nbreak')).toBe('`"line\\nbreak"`');
  });
});
