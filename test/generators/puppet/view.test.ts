import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { hieraString } from '../../../generators/puppet/hiera.js';
import { puppetTarget } from '../../../generators/puppet/index.js';
import { moduleView } from '../../../generators/puppet/module-view.js';
import { runParameters } from '../../../generators/puppet/run-parameters.js';
import { insideSingleQuotes, registryUsername } from '../../../generators/puppet/shell.js';
import {
  deviceSpec,
  dockerSize,
  goDuration,
  mountSpec,
  portSpec,
  ulimitSpec,
} from '../../../generators/puppet/values.js';
import { modelFromText as loadFromText } from '../../../model/index.js';

const modelFromText = (file: string, text: string) => loadFromText(file, text).model;

/** A berth file with one container `app`, its fields given as YAML lines. */
function model(containerYaml: string, topYaml = '') {
  const indented = containerYaml
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return modelFromText(
    'berth.yaml',
    `name: demo\nversion: 1.0.0\nauthor: acme\n${topYaml}\ncontainers:\n  app:\n${indented}\n`,
  );
}

/** A laid-out resource body as parameter name to Puppet code, continuation lines unindented. */
function parameters(body: string): Record<string, string> {
  const result: Record<string, string> = {};
  let current = '';
  for (const line of body.split('\n')) {
    const match = /^ {6}(\w+) +=> (.*)$/.exec(line);
    if (match) {
      current = match[1]!;
      result[current] = match[2]!;
    } else {
      result[current] += `\n${line.slice(6)}`;
    }
  }
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v.replace(/,$/, '')]));
}

/** The docker::run parameters of `app` when enabled, as Puppet code per parameter. */
function runOf(containerYaml: string, topYaml = ''): Record<string, string> {
  const { view } = moduleView(model(containerYaml, topYaml));
  return parameters(view.containers[0]!.run);
}

describe('docker values', () => {
  it.each([
    [0, '0b'],
    [512, '512b'],
    [1536, '1536b'],
    [2048, '2k'],
    [1610612736, '1536m'],
    [2 * 1024 ** 3, '2g'],
  ])('writes %d bytes as %s', (bytes, text) => expect(dockerSize(bytes)).toBe(text));

  it('writes durations as Go durations', () => {
    expect(goDuration(90_000)).toBe('90s');
    expect(goDuration(1500)).toBe('1500ms');
  });

  it('writes ports, mounts, devices and ulimits as docker run takes them', () => {
    const target = { start: 80, end: 80 };
    expect(portSpec({ target, protocol: 'tcp', path: [] })).toBe('80');
    expect(portSpec({ target, hostIp: '127.0.0.1', protocol: 'udp', path: [] })).toBe(
      '127.0.0.1::80/udp',
    );
    expect(
      portSpec({
        target,
        published: { start: 8080, end: 8081 },
        hostIp: '::1',
        protocol: 'tcp',
        path: [],
      }),
    ).toBe('[::1]:8080-8081:80');
    expect(mountSpec({ type: 'anonymous', target: '/data', path: [] })).toBe('/data');
    expect(mountSpec({ type: 'volume', source: 'v', target: '/v', readOnly: true, path: [] })).toBe(
      'v:/v:ro',
    );
    expect(deviceSpec({ host: '/dev/a', container: '/dev/a', permissions: 'rwm', path: [] })).toBe(
      '/dev/a',
    );
    expect(deviceSpec({ host: '/dev/a', container: '/dev/b', permissions: 'r', path: [] })).toBe(
      '/dev/a:/dev/b:r',
    );
    expect(ulimitSpec({ name: 'nofile', soft: 1, hard: 2, path: [] })).toBe('nofile=1:2');
  });
});

describe('values the module writes into shell commands unescaped', () => {
  it('survives the module wrapping health_check_cmd in single quotes', () => {
    expect(`'${insideSingleQuotes("echo 'hi'")}'`).toBe(`'echo '\\''hi'\\'''`);
  });

  it('doubles % in a registry user name, which the module passes through sprintf', () => {
    expect(registryUsername("a'b%c")).toBe("a'\\''b%%c");
  });
});

describe('Hiera strings', () => {
  it.each([
    'plain',
    "it's",
    '%{facts.os.family}',
    '%{literal("%")}',
    'tab\there',
    'line\nbreak',
    'del\u007f and c1\u0085',
    'rtl\u202e',
    '😀',
    '',
  ])('reads %j back unchanged (before Hiera interpolation)', (value) => {
    const parsed = yaml.load(`key: ${hieraString(value)}`) as { key: string };
    // What YAML holds is what Hiera then interpolates: %{literal('%')} yields a lone %.
    expect(parsed.key.replace(/%\{literal\('%'\)\}/g, '%')).toBe(value);
  });
});

describe('the docker::run parameters table', () => {
  it('lists the 62 parameters of puppetlabs-docker 10.x', () => {
    expect(Object.keys(runParameters)).toHaveLength(62);
  });
});

describe('container view', () => {
  it('moves all but the first entrypoint word in front of the command', () => {
    const run = runOf('image: app:1\nentrypoint: ["/sbin/tini", "--"]\ncommand: echo "a b"');
    expect(run.command).toBe(`"-- echo 'a b'"`);
    expect(run.extra_parameters).toBe("['--entrypoint=/sbin/tini']");
  });

  it('joins extra networks after creation in systemd mode', () => {
    const run = runOf(
      'image: app:1\nnetworks:\n  a: {aliases: [x]}\n  b: {ipv4_address: 10.0.0.2}',
      'networks:\n  a: {}\n  b: {}',
    );
    expect(run.net).toBe("'a'");
    expect(run.after_create).toBe("'docker network connect --ip 10.0.0.2 b app'");
    expect(run.extra_parameters).toBe("['--network-alias=x']");
    expect(run.require).toBe("[Docker_network['a'], Docker_network['b']]");
  });

  it('maps restart policies per restart mode', () => {
    expect(runOf('image: app:1\nrestart: unless-stopped').systemd_restart).toBe("'always'");
    expect(runOf('image: app:1').systemd_restart).toBe("'no'");
    const docker = runOf('image: app:1\nrestart: on-failure:4', 'x-puppet: {restart_mode: docker}');
    expect(docker.restart).toBe("'on-failure:4'");
    expect(docker.systemd_restart).toBeUndefined();
  });

  it('keeps restart on a disabled container in restart mode, so the module can remove it', () => {
    const { view } = moduleView(
      model('image: app:1\nrestart: always', 'x-puppet: {restart_mode: docker}'),
    );
    expect(parameters(view.containers[0]!.absent)).toEqual({
      ensure: "'absent'",
      restart: "'always'",
    });
  });

  it('uses whole seconds where the module wants them and docker flags otherwise', () => {
    const run = runOf(
      'image: app:1\nhealthcheck: {test: "true", interval: 10s, timeout: 500ms}\n' +
        'stop_grace_period: 1500ms',
    );
    expect(run.health_check_interval).toBe('10');
    expect(run.stop_wait_time).toBe('2');
    expect(run.extra_parameters).toContain("'--health-timeout=500ms'");
    expect(run.extra_parameters).toContain("'--stop-timeout=2'");
  });

  it('quotes every extra parameter as one shell word, x-puppet ones included', () => {
    const run = runOf(
      'image: app:1\nlabels: {a: b}\nlogging: {driver: syslog, options: {tag: "x y"}}\n' +
        'x-puppet: {extra_parameters: ["--label=c=d e"]}',
    );
    expect(run.extra_parameters).toBe(
      [
        '[',
        "  '--log-driver=syslog',",
        `  "'--log-opt=tag=x y'",`,
        `  "'--label=c=d e'",`,
        ']',
      ].join('\n'),
    );
  });

  it('declares no image for pull_policy never and tells docker not to pull', () => {
    const { view } = moduleView(model('image: app:1\npull_policy: never'));
    expect(view.containers[0]!.pullImage).toBe(false);
    expect(runOf('image: app:1\npull_policy: never').extra_parameters).toBe("['--pull=never']");
  });

  it('writes the Hiera entry with the digest beside the tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const { view } = moduleView(model(`image: app:1@${digest}`));
    expect(view.hiera[0]).toMatchObject({ image: "'app'", tag: "'1'", digest: `'${digest}'` });
  });
});

describe('lint exemptions', () => {
  it('wraps the class body in lint:ignore only for the checks exact literals trip', () => {
    const plain = puppetTarget.render(model('image: app:1\nlabels: {a: b}'));
    const init = (r: typeof plain) => r.files.find((f) => f.path === 'manifests/init.pp')!.content;
    expect(init(plain)).not.toContain('lint:ignore');

    const tripping = puppetTarget.render(model('image: app:1\nlabels: {a: "b\\rc"}'));
    expect(init(tripping)).toContain('  # lint:ignore:double_quoted_strings\n');
    expect(init(tripping)).toContain('  # lint:endignore\n}\n');
  });
});

describe('the module as a whole', () => {
  const many = (count: number) =>
    modelFromText(
      'berth.yaml',
      yaml.dump({
        name: 'fleet',
        version: '1.0.0',
        author: 'acme',
        containers: Object.fromEntries(
          Array.from({ length: count }, (_, i) => [`app-${i}`, { image: `app:${i}` }]),
        ),
      }),
    );

  it('writes the same files whatever the number of containers', () => {
    const paths = (count: number) => puppetTarget.render(many(count)).files.map((f) => f.path);
    expect(paths(50)).toEqual(paths(1));
  });

  it('renders the same bytes twice', () => {
    const model = many(20);
    expect(puppetTarget.render(model)).toEqual(puppetTarget.render(model));
  });

  it('declares every container by name in the manifest', () => {
    const init = puppetTarget.render(many(3)).files.find((f) => f.path === 'manifests/init.pp')!;
    for (const name of ['app-0', 'app-1', 'app-2']) {
      expect(init.content).toContain(`    docker::run { '${name}':\n      ensure `);
    }
  });
});

describe('the README', () => {
  it('explains a note shared by many containers once, with its first places', () => {
    const containers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `app-${i}`,
        { image: 'app:1', restart: 'on-failure:2' },
      ]),
    );
    const model = modelFromText(
      'berth.yaml',
      yaml.dump({ name: 'fleet', version: '1.0.0', author: 'acme', containers }),
    );
    const readme = puppetTarget.render(model).files.find((f) => f.path === 'README.md')!.content;
    expect(readme.match(/restart: on-failure:2 only approximately/g)).toHaveLength(1);
    expect(readme).toContain('`containers.app-7.restart` and 2 more.');
  });
});
