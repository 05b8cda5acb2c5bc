import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { loadModel } from '../model/index.js';
import { evaluateChef } from './interfaces/chef.js';
import { compilePuppet } from './interfaces/puppet.js';
import { runBerth } from './support/cli.js';
import { goldenRoot } from './support/golden.js';
import { chefSecretSources, puppetSecretData, secretValue } from './support/secrets.js';
import { requireTool } from './support/toolchain.js';
import { snapshotTree } from './support/tree.js';

/**
 * Secrets stay secret: a value referenced as a secret reaches the container at run time, and
 * never appears in a generated file, in what berth prints (also under --debug), or in an
 * error message, even when a secret is written where a reference belongs.
 */
const dir = mkdtempSync(join(tmpdir(), 'berth-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = loadModel(join(goldenRoot, 'shop', 'berth.yaml'));
const secrets = model.secrets.map((s) => secretValue(s.name));

/**
 * berth is never given a secret's value, only where to find it at converge time. The values
 * are put where a careless change could pick them up all the same: environment variables
 * named after the secrets, and a data bag and Hiera data beside the berth file, in the folder
 * berth runs in. None of them may reach anything berth writes or prints.
 */
function seedSecrets(project: string): Record<string, string> {
  mkdirSync(project, { recursive: true });
  copyFileSync(join(goldenRoot, 'shop', 'berth.yaml'), join(project, 'berth.yaml'));
  const { dataBags } = chefSecretSources(model);
  for (const [bag, items] of Object.entries(dataBags)) {
    mkdirSync(join(project, 'data_bags', bag), { recursive: true });
    for (const [item, content] of Object.entries(items)) {
      writeFileSync(join(project, 'data_bags', bag, `${item}.json`), JSON.stringify(content));
    }
  }
  mkdirSync(join(project, 'data'), { recursive: true });
  writeFileSync(join(project, 'data', 'common.yaml'), JSON.stringify(puppetSecretData(model)));
  return Object.fromEntries(
    model.secrets.flatMap((s) => [
      [s.name, secretValue(s.name)],
      [s.name.toUpperCase(), secretValue(s.name)],
    ]),
  );
}

const project = join(dir, 'project');
const secretEnvironment = seedSecrets(project);
const shopFile = join(project, 'berth.yaml');
const out = join(dir, 'out');
const run = runBerth(['generate', shopFile, '--out', out, '--debug', '--target', 'chef,puppet'], {
  cwd: project,
  env: { DEBUG: 'berth:*', ...secretEnvironment },
});

function generatedText(): string {
  return Object.keys(snapshotTree(out))
    .filter((path) => !path.endsWith('/'))
    .map((path) => readFileSync(join(out, path), 'utf8'))
    .join('\n');
}

describe('secrets', () => {
  it('are not in generated files, nor in the output of a --debug run', () => {
    expect(run.status).toBe(0);
    // The values were within reach of the run: in its environment and beside the berth file.
    for (const secret of secrets) expect(Object.values(secretEnvironment)).toContain(secret);
    expect(readFileSync(join(project, 'data', 'common.yaml'), 'utf8')).toContain(
      JSON.stringify(secretValue('db_password')).slice(1, -1),
    );
    const text = generatedText();
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
    expect(run.stderr).toContain('berth:compile');
  });

  it.runIf(requireTool('ruby', 'Chef secrets'))(
    'reach the containers when Chef runs the recipe',
    async () => {
      const result = await evaluateChef({
        cookbooks: [join(out, 'chef', 'shop')],
        runList: ['shop::default'],
        ...chefSecretSources(model),
      });
      expect(result.errors).toEqual([]);
      const db = result.resources.find((r) => r.type === 'docker_container' && r.title === 'db')!;
      expect(JSON.stringify(db.params.env)).toContain(
        JSON.stringify(`POSTGRES_PASSWORD=${secretValue('db_password')}`).slice(1, -1),
      );
      expect(db.params.sensitive).toBe(true);
    },
  );

  it.runIf(requireTool('puppet', 'Puppet secrets'))(
    'reach the containers when Puppet compiles the catalog',
    async () => {
      const result = await compilePuppet({
        modules: [join(out, 'puppet', 'shop')],
        classes: ['shop'],
        hieraData: puppetSecretData(model),
      });
      expect(result.errors).toEqual([]);
      const db = result.resources.find((r) => r.type === 'docker::run' && r.title === 'db')!;
      expect(db.params.env).toContain(`POSTGRES_PASSWORD=${secretValue('db_password')}`);
    },
  );

  it('are not repeated by an error about a password written in clear', () => {
    const leaked = 'hunter2-Do-Not-Print';
    const file = join(dir, 'clear.yaml');
    writeFileSync(
      file,
      [
        'name: shop',
        'version: 1.0.0',
        'author: acme',
        'registries:',
        '  acme:',
        '    server: registry.acme.example',
        `    password: ${leaked}`,
        'containers: {}',
        '',
      ].join('\n'),
    );
    const result = runBerth(['generate', file, '--out', join(dir, 'clear-out'), '--debug']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('BERTH-SCHEMA-TYPE');
    expect(result.stderr).toContain(':7:15');
    expect(result.stdout + result.stderr).not.toContain(leaked);
  });

  it('are not repeated by the linter that finds them written in clear', () => {
    const leaked = 'Sup3r-S3cret-Token';
    const recipe = join(dir, 'recipe.rb');
    writeFileSync(
      recipe,
      [
        "docker_registry 'registry.acme.example' do",
        "  username 'deploy'",
        `  password '${leaked}'`,
        'end',
        '',
        "docker_container 'api' do",
        "  repo 'acme/api'",
        "  tag '1.0'",
        `  env ['API_TOKEN=${leaked}']`,
        'end',
        '',
      ].join('\n'),
    );
    for (const format of ['text', 'json', 'sarif', 'github', 'checkstyle']) {
      const result = runBerth(['lint', recipe, '--no-config', '--format', format]);
      expect(result.status, format).toBe(1);
      expect(result.stdout, format).toMatch(/literal-secret/);
      expect(result.stdout + result.stderr, format).not.toContain(leaked);
    }
  });
});
