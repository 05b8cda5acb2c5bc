import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chefSecretSources } from '../support/secrets.js';
import { requireTool } from '../support/toolchain.js';
import {
  type ChefEvaluateOptions,
  type ChefResult,
  evaluateChefBatch,
  type RecordedResource,
} from './chef.js';
import { type Generated, renderGolden } from './generated.js';
import { type Edit, mutatedCopy } from './mutate.js';
import { inOrder } from './text.js';
import { awkwardSecret, awkwardText } from './values.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chef', 'codeit');
const recipe = 'recipes/default.rb';
const imageName = 'registry.example.test:5000/shrikrishna/code.it';

const dataBags = { codeit: { registry: { username: 'deploy', password: awkwardSecret } } };

interface Case {
  edits?: Edit[];
  /** Extra cookbooks written from scratch: cookbook → file → content. */
  cookbooks?: Record<string, Record<string, string>>;
  runList?: string[];
  dataBags?: ChefEvaluateOptions['dataBags'];
  attributes?: Record<string, unknown>;
  /**
   * Edits to the cookbook berth generates for the golden case `every-field` instead of the
   * fixture, run with data bags and attributes that serve its secrets.
   */
  generated?: Edit[];
}

/** The golden case whose generated cookbook the `generated` cases corrupt. */
const goldenCase = 'every-field';

/** The ports of the generated container `app`, as the recipe lists them. */
const appPorts =
  "['8080', '127.0.0.1:9090:9090', '5353:53/udp', " + "'7000-7002:8000-8002', '0.0.0.0:443:9443']";

/** An edit of the generated recipe: `find` must occur exactly once in it. */
function inGenerated(find: string, replace: string): Edit[] {
  return [edit(find, replace)];
}

function edit(find: string, replace: string): Edit {
  return { file: recipe, find, replace };
}

const metadata = (name: string, ...depends: string[]): string =>
  [`name '${name}'`, "version '0.1.0'", ...depends.map((d) => `depends ${d}`)].join('\n');

const cases = {
  pristine: { dataBags },
  unknownProperty: { edits: [edit("  hostname 'codeit'", "  hostnme 'codeit'")], dataBags },
  integerPort: { edits: [edit("  port ['8000:8000']", '  port 8000')], dataBags },
  hashEnv: {
    edits: [
      edit('  env web[\'env\'].map { |name, value| "#{name}=#{value}" }.sort', "  env web['env']"),
    ],
    dataBags,
  },
  stringDns: { edits: [edit("  dns ['10.0.0.2']", "  dns '10.0.0.2'")], dataBags },
  unknownAction: {
    edits: [edit("  restart_policy 'always'", "  restart_policy 'always'\n  action :launch")],
    dataBags,
  },
  notificationToNope: {
    edits: [edit("'docker_container[codeit-web]'", "'docker_container[nope]'")],
    dataBags,
  },
  malformedReference: {
    edits: [edit("'docker_container[codeit-web]'", "'docker_container codeit-web'")],
    dataBags,
  },
  definitionOnlyName: {
    edits: [edit("  hostname 'codeit'", "  hostname 'codeit'\n  description 'the web container'")],
    dataBags,
  },
  restartPolicySometimes: {
    edits: [edit("  restart_policy 'always'", "  restart_policy 'sometimes'")],
    dataBags,
  },
  unmodelledResource: {
    edits: [
      edit(
        "docker_volume 'codeit-logs' do",
        "directory '/var/log/code.it'\n\ndocker_volume 'codeit-logs' do",
      ),
    ],
    dataBags,
  },
  dataBagItemMissing: { dataBags: { codeit: {} } },
  overridden: {
    dataBags,
    attributes: { codeit: { manage_engine: false, containers: { web: { tag: '2.0.0' } } } },
  },
  wrapper: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site', "'codeit'"),
        'attributes/default.rb': "default['codeit']['containers']['web']['tag'] = '3.0.0'\n",
        'recipes/default.rb': [
          "Chef::Log.info('wrapping codeit')",
          "node.run_state['user'] = 'app'",
          "include_recipe 'codeit::default'",
          "include_recipe 'codeit'",
          '',
          "docker_container 'sidecar' do",
          "  image 'registry.example.test:5000/tools/sidecar:4.2'",
          "  user lazy { node.run_state['user'] }",
          "  cmd ['sidecar', '--watch']",
          "  workdir '/srv'",
          "  subscribes :restart, 'docker_network[codeit-net]', :delayed",
          "  only_if 'test -d /srv'",
          'end',
        ].join('\n'),
      },
    },
    runList: ['site::default'],
    dataBags,
  },
  portsAndImages: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site'),
        'recipes/default.rb': [
          "docker_container 'ports' do",
          "  image 'alpine@sha256:0123abcd'",
          "  port ['80', '80:8000', '127.0.0.1:80:8000/udp', '127.0.0.1::80',",
          "        '7000-7002:8000-8002', '2000-2001/udp']",
          'end',
        ].join('\n'),
      },
    },
    runList: ['site'],
  },
  mismatchedPortRange: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site'),
        'recipes/default.rb': "docker_container 'web' do\n  port '7000-7001:8000'\nend",
      },
    },
    runList: ['site'],
  },
  lazyOfWrongType: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site'),
        'recipes/default.rb': "docker_container 'web' do\n  user lazy { 1000 }\nend",
      },
    },
    runList: ['site'],
  },
  subscribesToNothing: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site'),
        'recipes/default.rb':
          "docker_container 'web' do\n  subscribes :redeploy, 'docker_image[gone]'\nend",
      },
    },
    runList: ['site'],
  },
  dockerRecipe: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site', "'docker', '~> 11.10'"),
        'recipes/default.rb': "include_recipe 'docker::default'",
      },
    },
    runList: ['site'],
  },
  undeclaredDependency: {
    cookbooks: {
      site: { 'metadata.rb': metadata('site'), 'recipes/default.rb': "include_recipe 'codeit'" },
    },
    runList: ['site'],
    dataBags,
  },
  otherDockerMajor: {
    cookbooks: {
      site: { 'metadata.rb': metadata('site', "'docker', '~> 10.0'"), 'recipes/default.rb': '' },
    },
    runList: ['site'],
  },
  raisesInRecipe: {
    cookbooks: {
      site: {
        'metadata.rb': metadata('site'),
        'recipes/default.rb': "\n\nraise 'no registry configured'",
      },
    },
    runList: ['site'],
  },

  // The cookbook generated for every-field, as berth writes it and then corrupted once each.
  generatedPristine: { generated: [] },
  generatedContainerUnknownProperty: {
    generated: inGenerated('    kill_after 30\n', '    kill_afterr 30\n'),
  },
  generatedContainerIntegerPort: {
    generated: inGenerated(`    port ${appPorts}\n`, '    port 8080\n'),
  },
  generatedContainerHashEnv: {
    generated: inGenerated(
      "    env(containers['app']['env'].map { |name, value| \"#{name}=#{value}\" })",
      "    env(containers['app']['env'])",
    ),
  },
  generatedContainerUnknownAction: {
    generated: inGenerated('    kill_after 30\n', '    kill_after 30\n    action :launch\n'),
  },
  generatedImageUnknownProperty: {
    generated: inGenerated(
      "  docker_image 'app' do\n    repo containers",
      "  docker_image 'app' do\n    rpo containers",
    ),
  },
  generatedImageWrongType: {
    generated: inGenerated(
      "    repo containers['app']['repo']\n    tag containers['app']['tag']\n    action :pull",
      "    repo containers['app']['repo']\n    tag 142\n    action :pull",
    ),
  },
  generatedImageUnknownAction: {
    generated: inGenerated(
      "    tag containers['app']['tag']\n    action :pull\n",
      "    tag containers['app']['tag']\n    action :fetch\n",
    ),
  },
  generatedNetworkUnknownProperty: {
    generated: inGenerated("  ip_range '10.20.0.128/25'", "  ip_rnage '10.20.0.128/25'"),
  },
  generatedNetworkWrongType: {
    generated: inGenerated('  enable_ipv6 true', "  enable_ipv6 'yes'"),
  },
  generatedNetworkUnknownAction: {
    generated: inGenerated('  enable_ipv6 true\n', '  enable_ipv6 true\n  action :build\n'),
  },
  generatedVolumeUnknownProperty: {
    generated: inGenerated("  driver 'local'", "  drivr 'local'"),
  },
  generatedVolumeWrongType: {
    generated: inGenerated("  driver 'local'", '  driver :local'),
  },
  generatedVolumeUnknownAction: {
    generated: inGenerated(
      "'device' => '/srv/everything/data')\n",
      "'device' => '/srv/everything/data')\n  action :make\n",
    ),
  },
  generatedRegistryUnknownProperty: {
    generated: inGenerated("  username 'acme-bot'", "  user_name 'acme-bot'"),
  },
  generatedRegistryWrongType: {
    generated: inGenerated("  username 'acme-bot'", "  username ['acme-bot']"),
  },
  generatedRegistryUnknownAction: {
    generated: inGenerated("  username 'acme-bot'\n", "  username 'acme-bot'\n  action :signin\n"),
  },
  generatedServiceUnknownProperty: {
    generated: inGenerated("  version '27.3.1'", "  verison '27.3.1'"),
  },
  generatedServiceWrongType: {
    generated: inGenerated("  version '27.3.1'", '  version 27.3'),
  },
  generatedServiceUnknownAction: {
    generated: inGenerated('  action [:create, :start]', '  action [:create, :begin]'),
  },
} satisfies Record<string, Case>;

type CaseName = keyof typeof cases;

const toolchain = requireTool('ruby', 'Chef interface proofs');

describe.skipIf(!toolchain)('Chef DSL stand-in and evaluation', () => {
  let workdir: string;
  let generated: Generated;
  const results = new Map<CaseName, ChefResult>();

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'berth-chef-proof-'));
    generated = await renderGolden(goldenCase, 'chef', join(workdir, 'rendered'));
    const names = Object.keys(cases) as CaseName[];
    const specs = await Promise.all(names.map((name) => prepare(name, cases[name])));

    const evaluated = await evaluateChefBatch(specs);
    names.forEach((name, i) => results.set(name, evaluated[i]!));
  });

  afterAll(async () => {
    await rm(workdir, { recursive: true, force: true });
  });

  async function prepare(name: string, spec: Case): Promise<ChefEvaluateOptions> {
    if (spec.generated) {
      const { model } = generated;
      const cookbook = model.chef.cookbookName;
      const dir = await mutatedCopy(generated.dir, join(workdir, name, cookbook), spec.generated);
      return { cookbooks: [dir], runList: [`${cookbook}::default`], ...chefSecretSources(model) };
    }
    const codeit = await mutatedCopy(fixture, join(workdir, name, 'codeit'), spec.edits ?? []);
    const extra = await writeCookbooks(join(workdir, name), spec.cookbooks ?? {});
    return {
      cookbooks: [codeit, ...extra],
      runList: spec.runList ?? ['codeit::default'],
      dataBags: spec.dataBags,
      attributes: spec.attributes,
    };
  }

  async function writeCookbooks(
    base: string,
    cookbooks: Record<string, Record<string, string>>,
  ): Promise<string[]> {
    const dirs: string[] = [];
    for (const [name, files] of Object.entries(cookbooks)) {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(base, name, file)), { recursive: true });
        await writeFile(join(base, name, file), `${text}\n`);
      }
      dirs.push(join(base, name));
    }
    return dirs;
  }

  function result(name: CaseName): ChefResult {
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
    it('evaluates without errors or warnings', () => {
      expect(result('pristine')).toMatchObject({ ok: true, errors: [], warnings: [] });
    });

    it('declares the resources in recipe order with their actions', () => {
      const declared = result('pristine').resources.map(
        (r) => `${r.type}[${r.title}] ${r.actions?.join(',')}`,
      );
      expect(declared).toEqual([
        'docker_service[default] create,start',
        'docker_registry[registry.example.test:5000] login',
        'docker_network[codeit-net] create',
        'docker_volume[codeit-logs] create',
        `docker_image[${imageName}] pull`,
        'docker_container[codeit-web] run',
      ]);
    });

    it('records the container properties exactly as the recipe and attributes set them', () => {
      expect(recorded('pristine', 'docker_container', 'codeit-web')?.params).toStrictEqual({
        cap_add: ['NET_ADMIN'],
        command: ['node', '/srv/app.js', '--banner', 'code.it'],
        dns: ['10.0.0.2'],
        env: [`GREETING=${awkwardText}`, 'NODE_ENV=production', 'NODE_PORT=8000'],
        health_check: {
          Test: ['CMD-SHELL', 'curl -f http://localhost:8000/ || exit 1'],
          Interval: 30_000_000_000,
          Timeout: 5_000_000_000,
          Retries: 3,
          StartPeriod: 10_000_000_000,
        },
        hostname: 'codeit',
        kill_after: 30,
        labels: { 'com.example.team': 'dev', 'com.example.motto': awkwardText },
        log_driver: 'json-file',
        log_opts: { 'max-size': '10m', 'max-file': '3' },
        memory: '512m',
        network_mode: 'codeit-net',
        port: ['8000:8000'],
        repo: imageName,
        restart_policy: 'always',
        tag: '1.0.0',
        ulimits: ['nofile=1024:2048'],
        volumes: ['codeit-logs:/var/log/code.it'],
      });
    });

    it('logs in with the data bag password, byte for byte', () => {
      expect(
        recorded('pristine', 'docker_registry', 'registry.example.test:5000')?.params,
      ).toStrictEqual({ password: awkwardSecret, sensitive: true, username: 'deploy' });
    });

    it('notifies the container to redeploy when the image changes', () => {
      expect(recorded('pristine', 'docker_image', imageName)?.notifications).toEqual([
        { action: 'redeploy', target: 'docker_container[codeit-web]', timing: 'immediate' },
      ]);
    });
  });

  describe('a mutation fails for its own reason', () => {
    it('an unknown property', () => {
      expectOneError(
        'unknownProperty',
        'default.rb:',
        "docker_container[codeit-web]: undefined property or method 'hostnme'",
      );
    });

    it('an Integer port', () => {
      expectOneError(
        'integerPort',
        'docker_container[codeit-web]: port must be a String or an Array of Strings',
        'you passed 8000 (Integer)',
      );
    });

    it('a Hash env', () => {
      expectOneError(
        'hashEnv',
        'docker_container[codeit-web]: property env must be one of: String, Array of String, nil',
        'you passed {',
        '(Hash)',
      );
    });

    it('a String dns', () => {
      expectOneError(
        'stringDns',
        'docker_container[codeit-web]: property dns must be one of: Array of String',
        'you passed "10.0.0.2" (String)',
      );
    });

    it('an unknown action', () => {
      expectOneError(
        'unknownAction',
        'docker_container[codeit-web]: action :launch is not one of :nothing, :run, :create',
      );
    });

    it('a notification to docker_container[nope]', () => {
      expectOneError(
        'notificationToNope',
        'default.rb:',
        'resource docker_image[',
        'is configured to notify resource docker_container[nope] with action redeploy',
        'but docker_container[nope] cannot be found',
      );
    });

    it('a notification to a malformed reference', () => {
      expectOneError(
        'malformedReference',
        'docker_image[',
        ']: "docker_container codeit-web" is not a resource reference',
      );
    });

    it('a name Chef knows only on resource definitions', () => {
      expectOneError(
        'definitionOnlyName',
        "undefined property or method 'description'",
        '(in Chef, description belongs to a resource definition',
      );
    });

    it('a restart policy the cookbook refuses when it creates the container', () => {
      expectOneError(
        'restartPolicySometimes',
        'docker_container[codeit-web]: restart_policy must be either',
        'no, always, unless-stopped, or on-failure',
      );
    });

    it('a resource the stand-in does not model', () => {
      expectOneError(
        'unmodelledResource',
        "codeit::default: no resource or method named 'directory'",
      );
    });

    it('a data bag item the test did not supply', () => {
      expectOneError('dataBagItemMissing', "data bag item 'codeit/registry' not found");
    });
  });

  const generatedTitle = `a mutation of the cookbook generated for ${goldenCase}`;
  describe(`${generatedTitle} fails for its own reason`, () => {
    it('evaluates unmodified, so that each failure below is the mutation', () => {
      expect(result('generatedPristine')).toMatchObject({ ok: true, errors: [], warnings: [] });
      const declared = new Set(result('generatedPristine').resources.map((r) => r.type));
      expect([...declared].sort()).toEqual([
        'docker_container',
        'docker_image',
        'docker_network',
        'docker_registry',
        'docker_service',
        'docker_volume',
      ]);
    });

    const noProperty = (resource: string, name: string) => [
      `${resource}: undefined property or method '${name}'`,
      `(${resource.replace(/\[.*/, '')} of the docker cookbook 11.x has no such property)`,
    ];
    it.each<[string, CaseName, ...string[]]>([
      [
        'docker_container: an unknown property',
        'generatedContainerUnknownProperty',
        ...noProperty('docker_container[app]', 'kill_afterr'),
      ],
      [
        'docker_container: an Integer port',
        'generatedContainerIntegerPort',
        'docker_container[app]: port must be a String or an Array of Strings',
        'you passed 8080 (Integer)',
      ],
      [
        'docker_container: a Hash env',
        'generatedContainerHashEnv',
        'docker_container[app]: property env must be one of: String, Array of String, nil;',
        'you passed {"APP_MODE"=>"production", "APP_GREETING"=>"hello, world"} (Hash)',
      ],
      [
        'docker_container: an unknown action',
        'generatedContainerUnknownAction',
        'docker_container[app]: action :launch is not one of :nothing, :run, :create,',
      ],
      [
        'docker_image: an unknown property',
        'generatedImageUnknownProperty',
        ...noProperty('docker_image[app]', 'rpo'),
      ],
      [
        'docker_image: an Integer tag',
        'generatedImageWrongType',
        'docker_image[app]: property tag must be one of: String; you passed 142 (Integer)',
      ],
      [
        'docker_image: an unknown action',
        'generatedImageUnknownAction',
        'docker_image[app]: action :fetch is not one of :nothing, :pull, :build,',
      ],
      [
        'docker_network: an unknown property',
        'generatedNetworkUnknownProperty',
        ...noProperty('docker_network[edge]', 'ip_rnage'),
      ],
      [
        'docker_network: a String for a Boolean',
        'generatedNetworkWrongType',
        'docker_network[edge]: property enable_ipv6 must be one of: true, false;',
        'you passed "yes" (String)',
      ],
      [
        'docker_network: an unknown action',
        'generatedNetworkUnknownAction',
        'docker_network[edge]: action :build is not one of :nothing, :create, :delete,',
      ],
      [
        'docker_volume: an unknown property',
        'generatedVolumeUnknownProperty',
        ...noProperty('docker_volume[data]', 'drivr'),
      ],
      [
        'docker_volume: a Symbol driver',
        'generatedVolumeWrongType',
        'docker_volume[data]: property driver must be one of: String; you passed :local (Symbol)',
      ],
      [
        'docker_volume: an unknown action',
        'generatedVolumeUnknownAction',
        'docker_volume[data]: action :make is not one of :nothing, :create, :remove',
      ],
      [
        'docker_registry: an unknown property',
        'generatedRegistryUnknownProperty',
        ...noProperty('docker_registry[ghcr.io]', 'user_name'),
      ],
      [
        'docker_registry: an Array username',
        'generatedRegistryWrongType',
        'docker_registry[ghcr.io]: property username must be one of: String;',
        'you passed ["acme-bot"] (Array)',
      ],
      [
        'docker_registry: an unknown action',
        'generatedRegistryUnknownAction',
        'docker_registry[ghcr.io]: action :signin is not one of :nothing, :login',
      ],
      [
        'docker_service: an unknown property',
        'generatedServiceUnknownProperty',
        ...noProperty('docker_service[default]', 'verison'),
      ],
      [
        'docker_service: a Float version',
        'generatedServiceWrongType',
        'docker_service[default]: property version must be one of: String;',
        'you passed 27.3 (Float)',
      ],
      [
        'docker_service: an unknown action',
        'generatedServiceUnknownAction',
        'docker_service[default]: action :begin is not one of :nothing, :create, :delete,',
      ],
    ])('%s', async (_, name, ...fragments) => {
      // Each error points into the generated recipe, at the line the mutation changed.
      const [before, after] = await Promise.all(
        [generated.dir, join(workdir, name, 'everything')].map((dir) =>
          readFile(join(dir, recipe), 'utf8'),
        ),
      );
      const lines = after!.split('\n');
      const changed = lines.findIndex((line, i) => line !== before!.split('\n')[i]) + 1;
      expectOneError(name, `/${name}/everything/${recipe}:${changed}: `, ...fragments);
    });
  });

  describe('the recipe world', () => {
    it('lets override attributes beat the attribute file, per case', () => {
      const overridden = result('overridden');
      expect(overridden.resources.map((r) => r.type)).not.toContain('docker_service');
      expect(recorded('overridden', 'docker_image', imageName)?.params).toEqual({ tag: '2.0.0' });
      expect(overridden.node).toMatchObject({ codeit: { manage_engine: false } });
      expect(recorded('pristine', 'docker_image', imageName)?.params).toEqual({ tag: '1.0.0' });
    });

    it('loads dependencies first, includes recipes once, resolves lazy and subscribes', () => {
      const wrapper = result('wrapper');
      expect(wrapper).toMatchObject({ ok: true, errors: [] });
      expect(recorded('wrapper', 'docker_image', imageName)?.params).toEqual({ tag: '3.0.0' });
      expect(wrapper.resources.filter((r) => r.type === 'docker_container')).toHaveLength(2);
      expect(recorded('wrapper', 'docker_container', 'sidecar')).toMatchObject({
        params: {
          repo: 'registry.example.test:5000/tools/sidecar',
          tag: '4.2',
          user: { lazy: 'app' },
          command: ['sidecar', '--watch'],
          working_dir: '/srv',
        },
        guards: { only_if: ['test -d /srv'] },
      });
      expect(recorded('wrapper', 'docker_network', 'codeit-net')?.notifications).toEqual([
        { action: 'restart', target: 'docker_container[sidecar]', timing: 'delayed' },
      ]);
    });

    it('reads the port forms and image references the cookbook reads', () => {
      expect(recorded('portsAndImages', 'docker_container', 'ports')?.params).toStrictEqual({
        port: [
          '80',
          '80:8000',
          '127.0.0.1:80:8000/udp',
          '127.0.0.1::80',
          '7000-7002:8000-8002',
          '2000-2001/udp',
        ],
        repo: 'alpine',
        tag: 'sha256:0123abcd',
      });
    });

    it('refuses a port whose host and container ranges differ in length', () => {
      expectOneError(
        'mismatchedPortRange',
        'docker_container[web]: port must be a String',
        'you passed "7000-7001:8000" (String)',
      );
    });

    it('checks a lazy value once it is computed', () => {
      expectOneError(
        'lazyOfWrongType',
        'docker_container[web]: property user must be one of: String',
        'you passed 1000 (Integer)',
      );
    });

    it('refuses a subscription to a resource declared nowhere', () => {
      expectOneError(
        'subscribesToNothing',
        'subscribes to docker_image[gone], which is declared nowhere',
      );
    });

    it('knows the docker cookbook has no recipes', () => {
      expectOneError('dockerRecipe', 'the docker cookbook 11.x has no recipes (docker::default)');
    });

    it('includes only recipes of cookbooks the metadata depends on', () => {
      expectOneError('undeclaredDependency', 'cookbook codeit is not in the run list expansion');
    });

    it('refuses a docker dependency that excludes 11.10', () => {
      expectOneError('otherDockerMajor', 'site depends on docker ~> 10.0');
    });

    it('reports raise with the recipe line', () => {
      expectOneError(
        'raisesInRecipe',
        'site/recipes/default.rb:3: no registry configured (RuntimeError)',
      );
    });
  });
});
