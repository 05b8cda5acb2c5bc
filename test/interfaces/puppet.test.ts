import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { puppetSecretData } from '../support/secrets.js';
import { requireTool } from '../support/toolchain.js';
import { type Generated, renderGolden } from './generated.js';
import { type Edit, mutatedCopy } from './mutate.js';
import {
  compilePuppetBatch,
  type InterpreterResult,
  type PuppetCompileOptions,
  type RecordedResource,
} from './puppet.js';
import { inOrder } from './text.js';
import { awkwardSecret, awkwardText } from './values.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'puppet', 'codeit');
const init = 'manifests/init.pp';

const secretData = {
  'codeit::registry_password': awkwardSecret,
};

/** A fixture case: edits to the module, and the environment-level Hiera data. */
interface Case {
  edits?: Edit[];
  hieraData?: Record<string, unknown>;
  /** A module written from scratch instead of the fixture: file name → content. */
  files?: Record<string, string>;
  /**
   * Edits to the module berth generates for the golden case `every-field` instead of the
   * fixture; its Hiera data serves the module's secrets.
   */
  generated?: Edit[];
}

/** The golden case whose generated module the `generated` cases corrupt. */
const goldenCase = 'every-field';

/** An edit of the generated class: `find` must occur exactly once in it. */
function inGenerated(find: string, replace: string): Edit[] {
  return [{ file: init, find, replace }];
}

const appImage = "ensure_resource('docker::image', $app_image, { 'ensure' => 'present' })";

const cases = {
  pristine: { hieraData: secretData },
  misspelledRunParameter: {
    edits: [{ file: init, find: 'stop_wait_time        =>', replace: 'stop_wiat_time        =>' }],
    hieraData: secretData,
  },
  stringStopWaitTime: {
    edits: [
      {
        file: init,
        find: 'stop_wait_time        => 30,',
        replace: "stop_wait_time        => '30',",
      },
    ],
    hieraData: secretData,
  },
  restartSometimes: {
    edits: [
      {
        file: init,
        find: "restart               => 'always',",
        replace: "restart               => 'sometimes',",
      },
    ],
    hieraData: secretData,
  },
  fractionalMemoryLimit: {
    edits: [
      {
        file: init,
        find: "memory_limit          => '512m',",
        replace: "memory_limit          => '1.5G',",
      },
    ],
    hieraData: secretData,
  },
  misspelledNetworkAttribute: {
    edits: [{ file: init, find: "gateway => '172.28.0.1',", replace: "gatway  => '172.28.0.1'," }],
    hieraData: secretData,
  },
  mountpointSet: {
    edits: [
      {
        file: init,
        find: "driver  => 'local',",
        replace: "driver  => 'local',\n    mountpoint => '/srv/logs',",
      },
    ],
    hieraData: secretData,
  },
  secretMissing: {},
  secretNotUnwrapped: {
    edits: [{ file: init, find: '$registry_password.unwrap', replace: '$registry_password' }],
    hieraData: secretData,
  },
  secretWrappedByEnvironmentOnly: {
    edits: [
      {
        file: 'data/common.yaml',
        find: "    convert_to: 'Sensitive'",
        replace: '    merge: first',
      },
    ],
    hieraData: {
      ...secretData,
      lookup_options: { 'codeit::registry_password': { convert_to: 'Sensitive' } },
    },
  },
  secretNeverWrapped: {
    edits: [
      {
        file: 'data/common.yaml',
        find: "    convert_to: 'Sensitive'",
        replace: '    merge: first',
      },
    ],
    hieraData: secretData,
  },
  classDockerMissing: {
    edits: [
      {
        file: init,
        find: [
          "  class { 'docker':",
          '    manage_package => $manage_engine,',
          '    manage_service => $manage_engine,',
          '  }\n',
        ].join('\n'),
        replace: '',
      },
    ],
    hieraData: secretData,
  },
  handWritten: {
    files: {
      'manifests/init.pp': [
        'class probe {',
        "  class { 'docker': }",
        "  docker::run { 'secretive':",
        "    image                    => 'alpine:3.19',",
        "    env                      => [Sensitive('TOKEN=abc')],",
        "    extra_systemd_parameters => { 'Service' => { 'Environment' => Sensitive('X=1') } },",
        '  }',
        '}',
      ].join('\n'),
    },
    hieraData: { 'docker::runs': { 'from-hiera': { image: 'nginx:1.25', ports: ['80:80'] } } },
  },
  dependencyCycle: {
    files: {
      'manifests/init.pp': [
        'class probe {',
        "  class { 'docker': }",
        "  docker_network { 'a': ensure => present, require => Docker_volume['b'] }",
        "  docker_volume { 'b': ensure => present, require => Docker_network['a'] }",
        '}',
      ].join('\n'),
    },
  },
  duplicateImageReference: {
    files: {
      'manifests/init.pp': [
        'class probe {',
        "  class { 'docker': }",
        "  docker::image { 'nginx': image_tag => '1.25' }",
        "  docker::image { 'nginx-again': image => 'nginx', image_tag => '1.25' }",
        '}',
      ].join('\n'),
    },
  },
  overriddenByEnvironment: {
    hieraData: { ...secretData, 'codeit::web_image_tag': '2.0.0' },
  },

  // The module generated for every-field, as berth writes it and then corrupted once each.
  generatedPristine: { generated: [] },
  generatedRunMisspelled: {
    generated: inGenerated(
      '      health_check_interval => 15,',
      '      health_check_intervl  => 15,',
    ),
  },
  generatedRunWrongType: {
    generated: inGenerated(
      '      read_only             => true,',
      "      read_only             => 'true',",
    ),
  },
  generatedImageMisspelled: {
    generated: inGenerated(appImage, appImage.replace("'ensure'", "'ensur'")),
  },
  generatedImageWrongType: {
    generated: inGenerated(appImage, appImage.replace("'present'", 'true')),
  },
  generatedRegistryMisspelled: {
    generated: inGenerated("    username => 'acme-bot',", "    usernme  => 'acme-bot',"),
  },
  generatedRegistryWrongType: {
    generated: inGenerated("    server   => 'ghcr.io',", '    server   => 443,'),
  },
  generatedClassMisspelled: {
    generated: inGenerated("    version => '27.3.1',", "    verison => '27.3.1',"),
  },
  generatedClassWrongType: {
    generated: inGenerated("    version => '27.3.1',", '    version => 27.3,'),
  },
  generatedNetworkMisspelled: {
    generated: inGenerated(
      "    ip_range         => '10.20.0.128/25',",
      "    ip_rnage         => '10.20.0.128/25',",
    ),
  },
  generatedNetworkWrongType: {
    generated: inGenerated(
      "  docker_network { 'edge':\n    ensure           => 'present',",
      "  docker_network { 'edge':\n    ensure           => true,",
    ),
  },
  generatedVolumeMisspelled: {
    generated: inGenerated("    driver  => 'local',", "    drivr   => 'local',"),
  },
  generatedVolumeWrongType: {
    generated: inGenerated(
      "  docker_volume { 'data':\n    ensure  => 'present',",
      "  docker_volume { 'data':\n    ensure  => 1,",
    ),
  },
} satisfies Record<string, Case>;

type CaseName = keyof typeof cases;

const toolchain = requireTool('puppet', 'Puppet interface proofs');

describe.skipIf(!toolchain)('Puppet stand-in module and catalog compile', () => {
  let workdir: string;
  let generated: Generated;
  const results = new Map<CaseName, InterpreterResult>();

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'berth-puppet-proof-'));
    generated = await renderGolden(goldenCase, 'puppet', join(workdir, 'rendered'));
    const names = Object.keys(cases) as CaseName[];
    const specs = await Promise.all(names.map((name) => prepare(name, cases[name])));

    // Every case in one Puppet start: that start is most of the cost.
    const compiled = await compilePuppetBatch(specs);
    names.forEach((name, i) => results.set(name, compiled[i]!));
  });

  afterAll(async () => {
    await rm(workdir, { recursive: true, force: true });
  });

  async function prepare(name: string, spec: Case): Promise<PuppetCompileOptions> {
    if (spec.generated) {
      const { model } = generated;
      const dir = join(workdir, name, model.puppet.moduleName);
      await mkdir(dirname(dir), { recursive: true });
      await mutatedCopy(generated.dir, dir, spec.generated);
      const hieraData = puppetSecretData(model);
      return { modules: [dir], classes: [model.puppet.moduleName], hieraData };
    }
    if (spec.files) {
      const dir = join(workdir, name, 'probe');
      for (const [file, text] of Object.entries(spec.files)) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), `${text}\n`);
      }
      return { modules: [dir], classes: ['probe'], hieraData: spec.hieraData };
    }
    const dir = join(workdir, name, 'codeit');
    await mkdir(dirname(dir), { recursive: true });
    await mutatedCopy(fixture, dir, spec.edits ?? []);
    return { modules: [dir], classes: ['codeit'], hieraData: spec.hieraData };
  }

  function result(name: CaseName): InterpreterResult {
    return results.get(name)!;
  }

  function recorded(name: CaseName, type: string, title: string): RecordedResource | undefined {
    return result(name).resources.find((r) => r.type === type && r.title === title);
  }

  /** The case failed with exactly one error, which contains each fragment in order. */
  function expectOneError(name: CaseName, ...fragments: string[]): void {
    const { ok, errors } = result(name);
    expect(ok).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(inOrder(...fragments));
  }

  describe('the unmodified fixture', () => {
    it('compiles without errors or warnings', () => {
      expect(result('pristine')).toMatchObject({ ok: true, errors: [], warnings: [] });
    });

    it('records every stand-in resource in evaluation order', () => {
      const declared = result('pristine').resources.map((r) => `${r.type}[${r.title}]`);
      expect(declared).toEqual([
        'class[docker]',
        'docker::registry[registry.example.test:5000]',
        'docker::image[registry.example.test:5000/shrikrishna/code.it]',
        'docker::run[codeit-web]',
        'docker_network[codeit-net]',
        'docker_volume[codeit-logs]',
      ]);
    });

    it('hands docker::run exactly the values the manifest and module data set', () => {
      expect(recorded('pristine', 'docker::run', 'codeit-web')?.params).toStrictEqual({
        command: 'node /srv/app.js --banner "code.it"',
        dns: ['10.0.0.2'],
        env: ['NODE_PORT=8000', 'NODE_ENV=production', `GREETING=${awkwardText}`],
        extra_parameters: [
          '--cap-add=NET_ADMIN',
          '--log-opt max-size=10m',
          '--ulimit nofile=1024:2048',
        ],
        health_check_cmd: 'curl -f http://localhost:8000/ || exit 1',
        health_check_interval: 30,
        hostname: 'codeit',
        image: 'registry.example.test:5000/shrikrishna/code.it:1.0.0',
        labels: ['com.example.team=dev', `com.example.motto=${awkwardText}`],
        memory_limit: '512m',
        net: 'codeit-net',
        ports: ['8000:8000'],
        restart: 'always',
        stop_wait_time: 30,
        volumes: ['codeit-logs:/var/log/code.it'],
      });
    });

    it('hands the environment-level secret, through Sensitive, to docker::registry intact', () => {
      expect(
        recorded('pristine', 'docker::registry', 'registry.example.test:5000')?.params,
      ).toStrictEqual({
        password: awkwardSecret,
        username: 'deploy',
      });
    });

    it('records the class parameters set, the types and the image deduplicated by stdlib', () => {
      expect(recorded('pristine', 'class', 'docker')?.params).toStrictEqual({
        manage_package: true,
        manage_service: true,
      });
      expect(recorded('pristine', 'docker_network', 'codeit-net')?.params).toStrictEqual({
        driver: 'bridge',
        ensure: 'present',
        gateway: '172.28.0.1',
        subnet: ['172.28.0.0/16'],
      });
      expect(recorded('pristine', 'docker_volume', 'codeit-logs')?.params).toStrictEqual({
        driver: 'local',
        ensure: 'present',
      });
      expect(
        recorded('pristine', 'docker::image', 'registry.example.test:5000/shrikrishna/code.it')
          ?.params,
      ).toStrictEqual({ image_tag: '1.0.0' });
    });
  });

  describe('a mutation fails for its own reason', () => {
    it('a misspelled docker::run parameter', () => {
      expectOneError(
        'misspelledRunParameter',
        "Docker::Run[codeit-web]: has no parameter named 'stop_wiat_time'",
      );
    });

    it('a String where stop_wait_time wants an Integer', () => {
      expectOneError(
        'stringStopWaitTime',
        "Docker::Run[codeit-web]: parameter 'stop_wait_time'",
        'expects an Integer value, got String',
      );
    });

    it("restart => 'sometimes'", () => {
      expectOneError(
        'restartSometimes',
        "docker::run[codeit-web]: parameter 'restart' expects a match for Pattern[",
        "], got 'sometimes'",
      );
    });

    it("memory_limit => '1.5G'", () => {
      expectOneError(
        'fractionalMemoryLimit',
        "Docker::Run[codeit-web]: parameter 'memory_limit'",
        "expects a match for Pattern[/^[\\d]*(b|k|m|g)$/], got '1.5G'",
      );
    });

    it('a misspelled docker_network attribute', () => {
      expectOneError(
        'misspelledNetworkAttribute',
        "no parameter named 'gatway'",
        'on Docker_network[codeit-net]',
      );
    });

    it('setting the read-only mountpoint of a docker_volume', () => {
      expectOneError(
        'mountpointSet',
        'Parameter mountpoint failed on Docker_volume[codeit-logs]:',
        '/srv/logs is read-only',
      );
    });
  });

  describe(`a mutation of the module generated for ${goldenCase} fails for its own reason`, () => {
    it('compiles unmodified, so that each failure below is the mutation', () => {
      expect(result('generatedPristine')).toMatchObject({ ok: true, errors: [], warnings: [] });
      const declared = new Set(result('generatedPristine').resources.map((r) => r.type));
      expect([...declared].sort()).toEqual([
        'class',
        'docker::image',
        'docker::registry',
        'docker::run',
        'docker_network',
        'docker_volume',
      ]);
    });

    const image = 'Docker::Image[ghcr.io/acme/everything-app:1.4.2]';
    it.each<[string, CaseName, ...string[]]>([
      [
        'docker::run: a misspelled parameter',
        'generatedRunMisspelled',
        "Docker::Run[app]: has no parameter named 'health_check_intervl'",
      ],
      [
        'docker::run: a String for a Boolean',
        'generatedRunWrongType',
        "Docker::Run[app]: parameter 'read_only' expects a Boolean value, got String",
      ],
      [
        'docker::image: a misspelled parameter',
        'generatedImageMisspelled',
        `${image}: has no parameter named 'ensur'`,
      ],
      [
        'docker::image: a Boolean for an Enum',
        'generatedImageWrongType',
        `${image}: parameter 'ensure' expects a match for Enum['absent', 'latest', 'present'],`,
        'got Boolean',
      ],
      [
        'docker::registry: a misspelled parameter',
        'generatedRegistryMisspelled',
        "Docker::Registry[ghcr]: has no parameter named 'usernme'",
      ],
      [
        'docker::registry: an Integer for a String',
        'generatedRegistryWrongType',
        "Docker::Registry[ghcr]: parameter 'server' expects a value of type Undef or String,",
        'got Integer',
      ],
      [
        'class docker: a misspelled parameter',
        'generatedClassMisspelled',
        "Class[Docker]: has no parameter named 'verison'",
      ],
      [
        'class docker: a Float for a String',
        'generatedClassWrongType',
        "Class[Docker]: parameter 'version' expects a value of type Undef or String, got Float",
      ],
      [
        'docker_network: a misspelled attribute',
        'generatedNetworkMisspelled',
        "no parameter named 'ip_rnage'",
        'on Docker_network[edge]',
      ],
      [
        'docker_network: a Boolean for ensure',
        'generatedNetworkWrongType',
        'Parameter ensure failed on Docker_network[edge]: Invalid value true.',
        'Valid values are present, absent.',
      ],
      [
        'docker_volume: a misspelled attribute',
        'generatedVolumeMisspelled',
        "no parameter named 'drivr'",
        'on Docker_volume[data]',
      ],
      [
        'docker_volume: an Integer for ensure',
        'generatedVolumeWrongType',
        'Parameter ensure failed on Docker_volume[data]: Invalid value 1.',
        'Valid values are present, absent.',
      ],
    ])('%s', (_, name, ...fragments) => {
      // Each error names the generated manifest, at the resource the mutation changed.
      expectOneError(name, ...fragments, '/everything/manifests/init.pp, line: ');
    });
  });

  describe('Hiera and Sensitive', () => {
    it('fails to compile when the secret is in no Hiera layer', () => {
      expectOneError(
        'secretMissing',
        "Class[Codeit]: expects a value for parameter 'registry_password'",
      );
    });

    it('refuses a Sensitive password that the module forgot to unwrap', () => {
      expectOneError(
        'secretNotUnwrapped',
        "Docker::Registry[registry.example.test:5000]: parameter 'password'",
        'expects a value of type Undef or String, got Sensitive[String]',
      );
    });

    it('wraps the secret when only the environment layer asks for Sensitive', () => {
      expect(result('secretWrappedByEnvironmentOnly')).toMatchObject({ ok: true, errors: [] });
    });

    it('fails when no layer wraps the secret in Sensitive', () => {
      expectOneError(
        'secretNeverWrapped',
        "Class[Codeit]: parameter 'registry_password'",
        'expects a Sensitive[String] value, got String',
      );
    });

    it('lets environment data override module data, per case', () => {
      const image = 'registry.example.test:5000/shrikrishna/code.it';
      expect(recorded('overriddenByEnvironment', 'docker::image', image)?.params).toEqual({
        image_tag: '2.0.0',
      });
      expect(recorded('pristine', 'docker::image', image)?.params).toEqual({ image_tag: '1.0.0' });
    });
  });

  describe('what the stand-ins model beyond data types', () => {
    it('needs class docker in the catalog, as the real defines do', () => {
      expectOneError('classDockerMissing', "Unknown variable: '", "docker::version'");
    });

    it('records Sensitive values inside untyped Arrays and Hashes as {sensitive: value}', () => {
      expect(recorded('handWritten', 'docker::run', 'secretive')?.params).toStrictEqual({
        env: [{ sensitive: 'TOKEN=abc' }],
        extra_systemd_parameters: { Service: { Environment: { sensitive: 'X=1' } } },
        image: 'alpine:3.19',
      });
    });

    it('declares docker::run from the docker::runs Hiera key, as class docker does', () => {
      expect(recorded('handWritten', 'docker::run', 'from-hiera')?.params).toStrictEqual({
        image: 'nginx:1.25',
        ports: ['80:80'],
      });
    });

    it('reports a dependency cycle, as an apply would before changing anything', () => {
      expectOneError(
        'dependencyCycle',
        'Found 1 dependency cycle:\n',
        '(Docker_network[a] => Docker_volume[b] => Docker_network[a])',
      );
    });

    it('makes two docker::image for one reference collide, as the real pull execs do', () => {
      expectOneError(
        'duplicateImageReference',
        'Duplicate declaration: Berth_probe::Claim[docker::image exec for nginx:1.25]',
        'is already declared',
      );
    });
  });

  describe('batches', () => {
    /** A module `probe<n>` whose image tag comes from environment-level Hiera data. */
    async function probeModule(base: string, n: number): Promise<string> {
      const dir = join(base, `probe${n}`);
      await mkdir(join(dir, 'manifests'), { recursive: true });
      const body = [
        `class probe${n} {`,
        "  class { 'docker': }",
        `  docker::image { 'app': image_tag => lookup('probe${n}::tag') }`,
        '}',
      ];
      await writeFile(join(dir, 'manifests', 'init.pp'), `${body.join('\n')}\n`);
      return dir;
    }

    it('gives each case its own classes and Hiera data, shared environment or not', async () => {
      const base = join(workdir, 'batches');
      const dirs = await Promise.all([0, 1, 2, 3].map((n) => probeModule(base, n)));
      const specs: PuppetCompileOptions[] = dirs.map((dir, n) => ({
        modules: [dir],
        classes: [`probe${n}`],
        hieraData: { [`probe${n}::tag`]: `v${n}` },
      }));
      // The same module twice with different data, and a class that exists in no module.
      specs.push({ ...specs[0]!, hieraData: { 'probe0::tag': 'again' } });
      specs.push({ modules: [dirs[1]!], classes: ['probe2'], hieraData: { 'probe2::tag': 'x' } });

      const [shared, isolated] = await Promise.all([
        compilePuppetBatch(specs),
        compilePuppetBatch(specs, { isolate: true, processes: 2 }),
      ]);

      for (const results of [shared, isolated]) {
        const tags = results
          .slice(0, 5)
          .map((r) => r.resources.find((x) => x.title === 'app')?.params);
        expect(tags).toEqual([
          { image_tag: 'v0' },
          { image_tag: 'v1' },
          { image_tag: 'v2' },
          { image_tag: 'v3' },
          { image_tag: 'again' },
        ]);
      }
      // Isolated, a class from a module the case did not list is missing, as it should be; in a
      // shared environment the neighbour's module supplies it (the documented trade-off).
      expect(isolated[5]).toMatchObject({
        ok: false,
        errors: [expect.stringMatching(/Could not find class probe2 /)],
      });
      expect(shared[5]).toMatchObject({ ok: true });
    });
  });
});
