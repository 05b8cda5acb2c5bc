import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { puppetTarget } from '../../../generators/puppet/index.js';
import { shellJoin } from '../../../generators/quote/shell.js';
import { loadModel, modelFromText as loadFromText } from '../../../model/index.js';
import type { Model } from '../../../model/types.js';
import { compilePuppetBatch, type PuppetCompileOptions } from '../../interfaces/puppet.js';
import type { InterpreterResult, RecordedResource } from '../../interfaces/recorded.js';
import { goldenCases, goldenRoot } from '../../support/golden.js';
import { puppetSecretData, secretValue } from '../../support/secrets.js';
import { requireTool } from '../../support/toolchain.js';

const modelFromText = (file: string, text: string) => loadFromText(file, text).model;

/**
 * Every golden case rendered into a scratch module path, then proved with Puppet's own tools:
 * the parser, puppet-lint with all default checks, and a catalog compile against the stand-in
 * of puppetlabs-docker with the real parameter types (test/interfaces/puppet.ts).
 */
const work = mkdtempSync(join(tmpdir(), 'berth-puppet-'));
afterAll(() => execFileSync('rm', ['-rf', work]));

interface RenderedCase {
  name: string;
  model: Model;
  /** The folder holding the module folder: a module path of its own. */
  modulepath: string;
  moduleDir: string;
  files: string[];
  hasErrors: boolean;
}

/**
 * A berth file whose values try every way out of a string: Puppet quotes and interpolation,
 * Hiera interpolation, shell metacharacters, control characters, lines past 140 columns.
 */
const hostileArgv = [
  'puppet://x/y',
  "it's",
  '$HOME',
  '${x}',
  'a"b',
  'back\\slash\\',
  'tab\tcr\r',
  '%{facts.os}',
  '$(reboot)',
  'long '.repeat(40),
];
const hostileEnvironment = {
  A: '%{facts.os.family}',
  B: 'line\nbreak\ttab',
  C: 'rtl\u202e $(reboot) `id` ; rm -rf / \'q\' "dq" \\',
  D: { secret: 'tok' },
};
const hostileHealth = `echo 'it''s' "$HOME" \\ %s`;
const hostile = yaml.dump({
  name: 'hostile',
  version: '1.0.0',
  author: 'acme',
  secrets: { tok: {} },
  containers: {
    app: {
      image: 'acme/app:1.0.0',
      command: hostileArgv,
      environment: hostileEnvironment,
      labels: { l: 'cr\rvalue' },
      working_dir: '/srv/it is',
      healthcheck: { test: hostileHealth },
    },
  },
});

const sources: [string, () => Model][] = [
  ...goldenCases().map((name): [string, () => Model] => [
    name,
    () => loadModel(join(goldenRoot, name, 'berth.yaml')),
  ]),
  ['hostile', () => modelFromText('hostile.yaml', hostile)],
];

const rendered: RenderedCase[] = sources.map(([name, load]) => {
  const model = load();
  const result = puppetTarget.render(model);
  const modulepath = join(work, 'cases', name);
  const moduleDir = join(modulepath, model.puppet.moduleName);
  for (const file of result.files) {
    mkdirSync(dirname(join(moduleDir, file.path)), { recursive: true });
    writeFileSync(join(moduleDir, file.path), file.content);
  }
  return {
    name,
    model,
    modulepath,
    moduleDir,
    files: result.files.map((f) => join(moduleDir, f.path)),
    hasErrors: result.notes.some((note) => note.severity === 'error'),
  };
});

const manifests = rendered.flatMap((c) => c.files.filter((file) => file.endsWith('.pp')));
/** One compile of a case's module, with made-up secrets and extra environment-level data. */
function job(c: RenderedCase, extra: Record<string, unknown> = {}): PuppetCompileOptions {
  return {
    modules: [c.moduleDir],
    classes: [c.model.puppet.moduleName],
    hieraData: { ...puppetSecretData(c.model), ...extra },
  };
}

function find(resources: RecordedResource[], type: string, title: string): RecordedResource {
  const resource = resources.find((r) => r.type === type && r.title === title);
  if (!resource) throw new Error(`${type}[${title}] is not in the catalog`);
  return resource;
}

/** How a POSIX shell splits a command line into words, asked of the shell itself. */
function shellWords(line: string): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('the generated module files', () => {
  it.each(rendered.map((c) => [c.name, c] as const))('%s: metadata.json and YAML parse', (_, c) => {
    const metadata = JSON.parse(readFileSync(join(c.moduleDir, 'metadata.json'), 'utf8'));
    expect(Object.keys(metadata)).toEqual(
      expect.arrayContaining(['name', 'version', 'author', 'license', 'summary', 'source']),
    );
    expect(metadata.name).toMatch(/^\w+-[a-z][a-z0-9_]*$/);
    for (const file of c.files.filter((f) => f.endsWith('.yaml'))) {
      expect(() => yaml.load(readFileSync(file, 'utf8'))).not.toThrow();
    }
  });

  it('starts every manifest with the generated-file header', () => {
    for (const file of manifests) {
      expect(readFileSync(file, 'utf8')).toMatch(/^# Generated by berth from /);
    }
  });
});

describe.runIf(requireTool('puppet', 'puppet parser validate'))('puppet parser validate', () => {
  it('accepts every manifest of every golden case', () => {
    const run = spawnSync('puppet', ['parser', 'validate', '--color=false', ...manifests], {
      encoding: 'utf8',
    });
    const errors = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('Error:') && !/Facter/.test(line));
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe.runIf(requireTool('puppet-lint', 'puppet-lint'))('puppet-lint', () => {
  it('finds nothing in any manifest with all default checks and --fail-on-warnings', () => {
    const run = spawnSync(
      'puppet-lint',
      ['--no-config', '--fail-on-warnings', '--json', ...manifests],
      { encoding: 'utf8' },
    );
    const problems = (JSON.parse(run.stdout) as unknown[][]).flat();
    expect(problems).toEqual([]);
    expect(run.status).toBe(0);
  });
});

const canCompile = (suite: string) => requireTool('puppet', suite);

describe.runIf(canCompile('Puppet catalog compile'))('catalog compile', () => {
  const compilable = rendered.filter((c) => !c.hasErrors);
  let results: InterpreterResult[] = [];
  beforeAll(async () => {
    results = await compilePuppetBatch(
      compilable.map((c) => job(c)),
      { isolate: true },
    );
  });
  const catalog = (name: string): RecordedResource[] => {
    const result = results[compilable.findIndex((c) => c.name === name)]!;
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return result.resources;
  };

  it.each(compilable.map((c) => [c.name, c] as const))('%s compiles', (name, c) => {
    const resources = catalog(name);
    for (const container of c.model.containers) {
      expect(find(resources, 'docker::run', container.name).params.ensure).toBe('present');
    }
  });

  it('declares the code.it image and container as the 2015 example did', () => {
    const resources = catalog('code-it');
    expect(find(resources, 'docker::image', 'shrikrishna/code.it:latest').params).toMatchObject({
      ensure: 'present',
    });
    expect(find(resources, 'docker::run', 'code.it').params).toMatchObject({
      image: 'shrikrishna/code.it:latest',
      command: 'node /srv/app.js',
      ports: ['80:8000'],
      env: ['NODE_PORT=8000'],
      volumes: ['/var/log/code.it:/var/log/code.it'],
    });
  });

  it('passes secrets and quoted values through unchanged', () => {
    const run = find(catalog('every-field'), 'docker::run', 'sidecar').params;
    expect(run.env).toEqual([
      'EMPTY=',
      'QUOTED=it\'s "quoted" $HOME `backticks` \\n #{not} ${interp}',
      `API_KEY=${secretValue('api_key')}`,
    ]);
    expect(run.command).toBe("sh -c 'while true; do date; sleep 60; done'");
  });

  it('carries hostile values through Puppet, Hiera and the shell unchanged', () => {
    const run = find(catalog('hostile'), 'docker::run', 'app').params;
    expect(run.env).toEqual([
      'A=%{facts.os.family}',
      'B=line\nbreak\ttab',
      `C=${hostileEnvironment.C}`,
      `D=${secretValue('tok')}`,
    ]);
    expect(run.labels).toEqual(['l=cr\rvalue']);
    // The module writes these into a shell script as they are; the shell must read back the
    // exact words berth meant.
    expect(shellWords(run.command as string)).toEqual(hostileArgv);
    expect(shellWords(`--health-cmd='${run.health_check_cmd as string}'`)).toEqual([
      `--health-cmd=${hostileHealth}`,
    ]);
    expect(shellWords((run.extra_parameters as string[]).join(' '))).toEqual([
      '--workdir=/srv/it is',
    ]);
  });
});

describe.runIf(canCompile('Puppet Hiera overrides'))('Hiera overrides', () => {
  it('lets an environment change one tag, one variable and disable a container', async () => {
    const shop = rendered.find((c) => c.name === 'shop')!;
    const [result] = await compilePuppetBatch([
      job(shop, {
        'shop::containers': {
          api: { tag: '2.4.0', environment: { RAILS_ENV: 'staging' } },
          web: { enabled: false },
        },
      }),
    ]);
    if (!result?.ok) throw new Error(result?.errors.join('\n'));
    const api = find(result.resources, 'docker::run', 'api').params;
    expect(api.image).toBe('registry.acme.example:5000/shop/api:2.4.0');
    expect(api.env).toEqual([
      'DATABASE_HOST=db',
      'DATABASE_USER=shop',
      'RAILS_ENV=staging',
      'RAILS_MAX_THREADS=5',
      `DATABASE_PASSWORD=${secretValue('db_password')}`,
    ]);
    expect(find(result.resources, 'docker::image', 'registry.acme.example:5000/shop/api:2.4.0'));
    expect(find(result.resources, 'docker::run', 'web').params.ensure).toBe('absent');
  });

  it('refuses a value that is not safe in a shell command', async () => {
    const shop = rendered.find((c) => c.name === 'shop')!;
    const [result] = await compilePuppetBatch([
      job(shop, { 'shop::containers': { web: { tag: '1;rm' } } }),
    ]);
    expect(result?.errors.join('\n')).toMatch(/entry 'tag' expects a match for Pattern/);
  });
});
