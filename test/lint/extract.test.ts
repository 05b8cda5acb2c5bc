import { describe, expect, it } from 'vitest';

import { LineIndex, type Span } from '../../diagnostics/position.js';
import { parsePuppet } from '../../parsers/puppet/index.js';
import { loadRubyParser } from '../../parsers/ruby/index.js';
import {
  extractResources,
  parseHiera,
  type DockerResource,
  type Fact,
} from '../../lint/extract/index.js';

async function extract(
  dialect: 'chef' | 'puppet' | 'hiera',
  text: string,
): Promise<DockerResource[]> {
  const lines = new LineIndex(text);
  if (dialect === 'chef') {
    const parse = (await loadRubyParser()).parse('r.rb', text);
    return extractResources({ parse, source: 'recipe', text, lines });
  }
  if (dialect === 'puppet')
    return extractResources({ parse: parsePuppet('m.pp', text), source: 'manifest', text, lines });
  return extractResources({
    parse: parseHiera('d.yaml', text, lines),
    source: 'hiera',
    text,
    lines,
  });
}

function at(span: Span): string {
  return `${span.start.line}:${span.start.column}`;
}

/** A fact as `value@line:column`, or `?text@line:column` when unknown. */
function show<T>(fact: Fact<T> | undefined): string {
  if (!fact) return 'none';
  const at = `@${fact.span.start.line}:${fact.span.start.column}`;
  return fact.known ? `${JSON.stringify(fact.value)}${at}` : `?${fact.text}${at}`;
}

describe('Chef docker_container', () => {
  it('takes the image from the title, with the cookbook default tag', async () => {
    const [web] = await extract('chef', `docker_container 'nginx'\n`);
    expect(show(web?.container?.image)).toBe(
      '{"repository":"nginx","tag":"latest","defaultTag":true}@1:18',
    );
  });

  it('reads the image method, last writer winning, and a registry port is not a tag', async () => {
    const text = `docker_container 'app' do\n  tag '1.0'\n  image 'host:5000/team/app:1.2'\nend\n`;
    const [app] = await extract('chef', text);
    expect(show(app?.container?.image)).toBe('{"repository":"host:5000/team/app","tag":"1.2"}@3:3');
  });

  it('reads a sha256 tag as a digest, and an unknown tag as unknown', async () => {
    const text =
      `docker_container 'a' do\n  repo 'alpine'\n  tag 'sha256:abc'\nend\n` +
      `docker_container 'b' do\n  repo 'alpine'\n  tag node['tag']\nend\n`;
    const [a, b] = await extract('chef', text);
    expect(show(a?.container?.image)).toBe('{"repository":"alpine","digest":"sha256:abc"}@3:3');
    expect(show(b?.container?.image)).toBe("?node['tag']@7:3");
  });

  it('resolves aliases and keeps 2015 names visible', async () => {
    const text = `docker_container 'a' do\n  volume '/a:/b'\n  net 'host'\n  cmd 'sleep 1'\nend\n`;
    const [a] = await extract('chef', text);
    expect(a?.attributes.map((r) => [r.attribute.name, r.meaning])).toEqual([
      ['volume', { status: 'alias', property: 'volumes' }],
      [
        'net',
        {
          status: 'legacy',
          legacy: { name: 'net', replacement: 'network_mode', removedIn: '1.0.0' },
        },
      ],
      ['cmd', { status: 'alias', property: 'command' }],
    ]);
    expect(a?.container?.mounts.map(show)).toEqual([
      '{"type":"bind","source":"/a","readOnly":false,"target":"/b"}@2:3',
    ]);
    // The removed `net` is not read as a network mode: Chef would stop before using it.
    expect(a?.container?.network).toEqual([]);
  });

  it('reads memory by the cookbook rules, env hashes, devices and health checks', async () => {
    const text =
      `docker_container 'a' do\n  memory '64mb'\n  env 'A' => 'b'\n` +
      `  devices [{ 'PathOnHost' => '/dev/fuse' }]\n` +
      `  health_check('Test' => ['CMD-SHELL', 'curl -f localhost'])\nend\n`;
    const facts = (await extract('chef', text))[0]?.container;
    expect(facts?.memory.map(show)).toEqual(['{"raw":"64mb","bytes":64}@2:3']);
    expect(facts?.environment.map(show)).toEqual(['{"name":"A","value":"b"}@3:7']);
    expect(facts?.devices.map(show)).toEqual(['"/dev/fuse"@4:12']);
    expect(facts?.healthcheck.map(show)).toEqual([
      '{"command":"curl -f localhost","disabled":false}@5:3',
    ]);
    expect(facts?.restart.supervisor).toBe('docker');
  });

  it('classifies the other docker resources and leaves other cookbooks alone', async () => {
    const text =
      `docker_service 'default' do\n  action [:create, :start]\nend\n` +
      `docker_registry 'https://r.example.com' do\n  password 'x'\nend\n` +
      `my_app 'x' do\n  privileged true\nend\n`;
    const resources = await extract('chef', text);
    expect(resources.map((r) => `${r.kind} ${r.type} ${r.name}`)).toEqual([
      'engine docker_service default',
      'registry docker_registry https://r.example.com',
    ]);
    expect(show(resources[1]?.registry?.server)).toBe('"https://r.example.com"@4:17');
  });
});

describe('Puppet docker::run', () => {
  it('restarts through systemd by default, on-failure unless systemd_restart says', async () => {
    const text =
      `docker::run { 'a':\n  image => 'redis:7',\n}\ndocker::run { 'b':\n` +
      `  systemd_restart => 'always',\n}\n`;
    const [a, b] = await extract('puppet', text);
    expect(a?.container?.restart.supervisor).toBe('systemd');
    expect(show(a?.container?.restart.systemd)).toBe('"on-failure"@1:1');
    expect(a?.container?.restart.systemd?.origin).toEqual({
      attribute: 'systemd_restart',
      defaulted: true,
    });
    expect(show(b?.container?.restart.systemd)).toBe('"always"@5:3');
  });

  it("switches to Docker's policy with restart, and does not know with a variable", async () => {
    const text =
      `docker::run { 'a':\n  restart => 'always',\n}\ndocker::run { 'b':\n` +
      `  restart => $policy,\n}\n` +
      `docker::run { 'c':\n  extra_parameters => ['--restart=always'],\n}\n`;
    const [a, b, c] = await extract('puppet', text);
    expect([a, b, c].map((r) => r?.container?.restart.supervisor)).toEqual([
      'docker',
      'unknown',
      'systemd',
    ]);
    expect(c?.container?.restart.policy.map(show)).toEqual(['"always"@8:25']);
  });

  it('reads flags like docker does: clusters, attached values, quotes, next items', async () => {
    const text =
      `docker::run { 'a':\n  extra_parameters => [\n    '-it -p8080:80 --memory 512m',\n` +
      `    "--health-cmd 'curl -f localhost' --no-healthcheck",\n    '-u', $user,\n  ],\n}\n`;
    const facts = (await extract('puppet', text))[0]?.container;
    expect(
      facts?.flags.map((f) => `${f.written}=${f.value === true ? 'true' : show(f.value)}`),
    ).toEqual([
      '-i=true',
      '-t=true',
      '-p="8080:80"@3:10',
      '--memory="512m"@3:29',
      '--health-cmd="curl -f localhost"@4:20',
      '--no-healthcheck=true',
      '-u=?$user@5:11',
    ]);
    expect(facts?.ports.map(show)).toEqual(['"8080:80"@3:10']);
    expect(facts?.memory.map(show)).toEqual(['{"raw":"512m","bytes":536870912}@3:20']);
    expect(facts?.healthcheck.map(show)).toEqual([
      '{"command":"curl -f localhost","disabled":false}@4:6',
      '{"disabled":true}@4:39',
    ]);
    expect(facts?.user.map(show)).toEqual(['?$user@5:6']);
  });

  it('reads username => false as no user, and the image with its tag', async () => {
    const text =
      `docker::run { 'a':\n` +
      `  image    => 'registry.example.com/team/app@sha256:abc',\n` +
      `  username => false,\n}\n`;
    const facts = (await extract('puppet', text))[0]?.container;
    expect(show(facts?.image)).toBe(
      '{"repository":"registry.example.com/team/app","digest":"sha256:abc"}@2:3',
    );
    expect(facts?.user).toEqual([]);
  });
});

describe('other Puppet resources', () => {
  it('finds include docker outside comments, and class docker declared as a resource', async () => {
    const text =
      `# include docker\ninclude ::docker\ncontain 'docker'\ninclude docker::compose\n` +
      `class { 'docker': version => '24.0' }\n`;
    const resources = await extract('puppet', text);
    expect(
      resources.map(
        (r) => `${r.type} ${r.name} ${r.form ?? 'declared'} ${r.declaration.span.start.line}`,
      ),
    ).toEqual(['class docker include 2', 'class docker include 3', 'class docker declared 5']);
  });

  it('declares one resource per title of an array, each found at its title', async () => {
    const text =
      `docker::run { ['a', ['b']]: image => 'nginx:1.25' }
` +
      `class { ['::docker', 'docker::compose']: }
docker::image { ['redis']: }
`;
    const resources = await extract('puppet', text);
    expect(resources.map((r) => `${r.type} ${r.name} ${at(r.headSpan)}`)).toEqual([
      'docker::run a 1:16',
      'docker::run b 1:22',
      'class docker 2:10',
      'class docker::compose 2:22',
      'docker::image redis 3:18',
    ]);
    expect(show(resources[4]?.image?.reference)).toBe('{"repository":"redis"}@3:18');
  });

  it('applies a default: body to the other bodies of its expression, and declares none', async () => {
    const text =
      `docker::run {
  default: memory_limit => '512m', privileged => true;
` +
      `  'a': image => 'nginx:1.25';
  'b': image => 'redis:7', memory_limit => '1g';
}
` +
      `docker::run { 'c': image => 'nginx:1.25' }
`;
    const resources = await extract('puppet', text);
    expect(
      resources.map((r) => `${r.name}@${at(r.headSpan)} ${r.container?.memory.map(show)}`),
    ).toEqual([
      `a@3:3 {"raw":"512m","bytes":536870912}@2:12`,
      `b@4:3 {"raw":"1g","bytes":1073741824}@4:28`,
      'c@6:1 ',
    ]);
    expect(resources.map((r) => r.container?.privileged.length)).toEqual([1, 1, 0]);
  });

  it('expands the hash of a helper class into resources', async () => {
    const text =
      `class { 'docker::run_instance':\n  instance => {\n` +
      `    'web' => { 'image' => 'nginx', 'privileged' => true },\n  },\n}\n`;
    const resources = await extract('puppet', text);
    expect(resources.map((r) => `${r.type} ${r.name}`)).toEqual([
      'class docker::run_instance',
      'docker::run web',
    ]);
    expect(resources[1]?.container?.privileged.map(show)).toEqual(['true@3:36']);
  });

  it('reads docker::image references and registry passwords', async () => {
    const text =
      `docker::image { 'nginx':\n  image_tag => '1.25',\n}\n` +
      `docker::registry { 'r.example.com':\n  password => Sensitive('x'),\n}\n`;
    const [image, registry] = await extract('puppet', text);
    expect(show(image?.image?.reference)).toBe('{"repository":"nginx","tag":"1.25"}@2:3');
    expect(registry?.registry?.password.map(show)).toEqual(['"x"@5:3']);
  });
});

describe('Hiera data', () => {
  it('reads resource hashes and class parameters with their positions', async () => {
    const text =
      `---\ndocker::version: '24.0'\ndocker::runs:\n  web:\n` +
      `    image: 'nginx:1.25'\n    env:\n      - TZ=UTC\n` +
      `docker::networks::networks:\n  backend:\n    ensure: present\nother::key: 1\n`;
    const resources = await extract('hiera', text);
    expect(resources.map((r) => `${r.type} ${r.name} ${at(r.declaration.typeSpan)}`)).toEqual([
      'class docker 2:1',
      'docker::run web 4:3',
      'docker_network backend 9:3',
    ]);
    expect(resources[1]?.container?.environment.map(show)).toEqual([
      '{"name":"TZ","value":"UTC"}@7:9',
    ]);
    expect(resources[0]?.attributes.map((r) => r.attribute.name)).toEqual(['version']);
  });

  it('takes interpolations and eyaml values as unknown', async () => {
    const text = `docker::runs:\n  a:\n    image: "%{lookup('img')}"\n    env: ENC[PKCS7,abc]\n`;
    const facts = (await extract('hiera', text))[0]?.container;
    expect(show(facts?.image)).toBe(`?%{lookup('img')}@3:5`);
    expect(facts?.environment.map(show)).toEqual(['?ENC[PKCS7,abc]@4:5']);
  });
});
