import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { targets } from '../../generators/index.js';
import { writeOutput } from '../../generators/writer.js';
import { driftSources } from '../../lint/drift/index.js';
import { lintFiles, lintPaths } from '../../lint/index.js';
import type { Finding } from '../../lint/types.js';
import { readModel } from '../../model/index.js';
import { goldenCases, goldenRoot } from '../support/golden.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A golden case's berth.yaml, generated into `generated/` beside it as `berth generate` does. */
function generateCase(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'berth-drift-'));
  folders.push(folder);
  const spec = join(folder, 'berth.yaml');
  writeFileSync(spec, readFileSync(join(goldenRoot, name, 'berth.yaml')));
  const { model } = readModel(spec);
  for (const target of targets) {
    const result = target.render(model);
    for (const file of result.files) {
      const path = join(folder, 'generated', result.root, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  }
  return folder;
}

/** Replaces text in a file; the edit must be there to replace. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text, `${path} has ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** `[line, column]` of the first line holding `text`, at its first non-blank character. */
function positionOf(path: string, text: string): [number, number] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `${path} has ${text}`).toBeGreaterThanOrEqual(0);
  return [index + 1, lines[index]!.search(/\S/) + 1];
}

async function drift(folder: string, paths = ['generated'], spec?: string): Promise<Finding[]> {
  const options = { cwd: folder, config: false as const, only: ['drift'] };
  const result = await lintPaths(paths, spec === undefined ? options : { ...options, spec });
  return result.findings;
}

const brief = (findings: Finding[]) => findings.map((f) => [f.file, f.line, f.column, f.message]);

const RECIPE = 'generated/chef/codeit/recipes/default.rb';
const ATTRIBUTES = 'generated/chef/codeit/attributes/default.rb';
const MANIFEST = 'generated/puppet/codeit/manifests/init.pp';
const HIERA = 'generated/puppet/codeit/data/common.yaml';

describe('drift', () => {
  it.each(goldenCases().map((name) => [name]))('finds none in %s as generated', async (name) => {
    const folder = generateCase(name);
    expect(brief(await drift(folder))).toEqual([]);
  });

  it('reports an edited recipe and manifest at the attribute, with both values', async () => {
    const folder = generateCase('code-it');
    edit(join(folder, RECIPE), "port ['80:8000']", "port ['8080:8000']");
    edit(join(folder, MANIFEST), "'node /srv/app.js'", "'node /srv/main.js'");
    const port = positionOf(join(folder, RECIPE), "port ['8080:8000']");
    const command = positionOf(join(folder, MANIFEST), "'node /srv/main.js'");
    expect(brief(await drift(folder))).toEqual([
      [
        RECIPE,
        ...port,
        "container code.it: port is ['8080:8000'] here but berth.yaml says ['80:8000']",
      ],
      [
        MANIFEST,
        ...command,
        "container code.it: command is 'node /srv/main.js' here but berth.yaml says 'node /srv/app.js'",
      ],
    ]);
  });

  it('reports a changed berth.yaml where the generated values are written', async () => {
    const folder = generateCase('code-it');
    edit(
      join(folder, 'berth.yaml'),
      'image: shrikrishna/code.it',
      'image: shrikrishna/code.it:1.1',
    );
    const attribute = positionOf(join(folder, ATTRIBUTES), "['tag'] = 'latest'");
    const hiera = positionOf(join(folder, HIERA), "tag: 'latest'");
    const findings = brief(await drift(folder));
    expect(findings).toContainEqual([
      ATTRIBUTES,
      ...attribute,
      "container code.it: tag is 'latest' here but berth.yaml says '1.1'",
    ]);
    expect(findings).toContainEqual([
      HIERA,
      ...hiera,
      "container code.it: tag is 'latest' here but berth.yaml says '1.1'",
    ]);
  });

  it('reports an added and a missing attribute, and a resource berth.yaml no longer has', async () => {
    const folder = generateCase('code-it');
    edit(join(folder, RECIPE), '    oom_score_adj 0\n', "    memory '1g'\n");
    edit(
      join(folder, MANIFEST),
      "docker::run { 'code.it':\n      ensure          => 'present',",
      "docker::run { 'other':\n      ensure          => 'present',",
    );
    const memory = positionOf(join(folder, RECIPE), "memory '1g'");
    const container = positionOf(join(folder, RECIPE), "docker_container 'code.it'");
    const other = positionOf(join(folder, MANIFEST), "docker::run { 'other':");
    expect(brief(await drift(folder))).toEqual([
      [
        RECIPE,
        ...container,
        'container code.it: berth.yaml sets oom_score_adj 0, which is missing here',
      ],
      [RECIPE, ...memory, "container code.it: memory '1g' is set here but not in berth.yaml"],
      [MANIFEST, 1, 1, 'berth.yaml declares container code.it, which is missing here'],
      [MANIFEST, ...other, 'container other is not in berth.yaml'],
    ]);
  });

  it('reports a hand edit outside resources when no resource differs', async () => {
    const folder = generateCase('code-it');
    edit(
      join(folder, MANIFEST),
      '  # Container code.it\n',
      '  # Container code.it (patched by hand)\n',
    );
    const comment = positionOf(join(folder, MANIFEST), 'patched by hand');
    expect(brief(await drift(folder))).toEqual([
      [
        MANIFEST,
        ...comment,
        'this line differs from what berth.yaml generates, which has `# Container code.it`',
      ],
    ]);
  });

  it('says so when berth.yaml is missing or invalid, on the first line of each file', async () => {
    const folder = generateCase('code-it');
    writeFileSync(join(folder, 'berth.yaml'), 'name: [\n');
    const invalid = await drift(folder, [RECIPE]);
    expect(brief(invalid)).toEqual([
      [
        RECIPE,
        1,
        1,
        expect.stringMatching(
          /^berth\.yaml is invalid \(BERTH-YAML-SYNTAX at line 2:1: .*\): drift was not checked$/,
        ),
      ],
    ]);
    rmSync(join(folder, 'berth.yaml'));
    const missing = await drift(folder, [RECIPE]);
    expect(missing.map((f) => f.message)).toEqual([
      "berth.yaml was not found in this file's folder or above it, and no .berth-manifest.json there names a berth file that exists, so drift was not checked; give its path with --spec",
    ]);
  });

  it('takes the berth file that generated the output from its manifest', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'berth-drift-'));
    folders.push(folder);
    const spec = join(folder, 'apps', 'code-it', 'berth.yaml');
    mkdirSync(dirname(spec), { recursive: true });
    writeFileSync(spec, readFileSync(join(goldenRoot, 'code-it', 'berth.yaml')));
    const { model } = readModel(spec);
    const files = targets.flatMap((target) => {
      const result = target.render(model);
      return result.files.map((file) => ({
        path: `${result.root}/${file.path}`,
        content: file.content,
      }));
    });
    writeOutput(join(folder, 'generated'), files, { force: false, source: spec });
    expect(await drift(folder)).toEqual([]);

    edit(spec, 'ports: ["80:8000"]', 'ports: ["81:8000"]');
    const port = positionOf(join(folder, RECIPE), "port ['80:8000']");
    expect(brief(await drift(folder, [RECIPE]))).toEqual([
      [
        RECIPE,
        ...port,
        "container code.it: port is ['80:8000'] here but apps/code-it/berth.yaml says ['81:8000']",
      ],
    ]);

    rmSync(spec);
    expect((await drift(folder, [RECIPE])).map((f) => f.message)).toEqual([
      expect.stringMatching(/^berth\.yaml was not found in this file's folder or above it, and no/),
    ]);
  });

  it('takes the berth file from --spec and from the configuration', async () => {
    const folder = generateCase('code-it');
    mkdirSync(join(folder, 'spec'));
    writeFileSync(join(folder, 'spec/app.yaml'), readFileSync(join(folder, 'berth.yaml')));
    edit(join(folder, 'berth.yaml'), 'ports: ["80:8000"]', 'ports: ["81:8000"]');
    expect(await drift(folder, [RECIPE])).toHaveLength(1);
    expect(await drift(folder, [RECIPE], 'spec/app.yaml')).toEqual([]);
    writeFileSync(join(folder, '.berth-lint.yaml'), 'spec: spec/app.yaml\n');
    const configured = await lintPaths([RECIPE], { cwd: folder, only: ['drift'] });
    expect(configured.findings).toEqual([]);
  });

  it("leaves files without berth's header alone, and finds the tree where it was moved", async () => {
    const folder = generateCase('code-it');
    const recipe = readFileSync(join(folder, RECIPE), 'utf8');
    mkdirSync(join(folder, 'cookbooks/codeit/recipes'), { recursive: true });
    writeFileSync(
      join(folder, 'cookbooks/codeit/recipes/default.rb'),
      recipe.replace("'80:8000'", "'1:1'"),
    );
    writeFileSync(
      join(folder, 'cookbooks/codeit/recipes/own.rb'),
      recipe.split('\n').slice(2).join('\n'),
    );
    const findings = await drift(folder, ['cookbooks']);
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      [
        'cookbooks/codeit/recipes/default.rb',
        positionOf(join(folder, RECIPE), "port ['80:8000']")[0],
      ],
    ]);
  });
});

describe('drift on a pull request', () => {
  it('compares the head versions of the changed files, and of the tree when berth.yaml changed', async () => {
    const folder = generateCase('code-it');
    const texts = new Map<string, string>();
    for (const path of [RECIPE, ATTRIBUTES, MANIFEST, HIERA, 'berth.yaml']) {
      texts.set(path, readFileSync(join(folder, path), 'utf8'));
    }
    texts.set('berth.yaml', texts.get('berth.yaml')!.replace('NODE_PORT: 8000', 'NODE_PORT: 9000'));
    const read = async (path: string) => texts.get(path);

    const sources = await driftSources({ changed: ['berth.yaml'], specPath: 'berth.yaml', read });
    expect(sources.files.map((file) => file.path)).toEqual(
      [ATTRIBUTES, RECIPE, HIERA, MANIFEST].sort(),
    );

    const result = await lintFiles(sources.files, {
      cwd: folder,
      config: false,
      only: ['drift'],
      spec: sources.spec,
    });
    expect(result.findings.map((f) => [f.file, f.message])).toEqual([
      [
        ATTRIBUTES,
        "container code.it: env is { 'NODE_PORT' => '8000' } here but berth.yaml says { 'NODE_PORT' => '9000' }",
      ],
      [HIERA, "container code.it: environment.NODE_PORT is '8000' here but berth.yaml says '9000'"],
    ]);
  });

  it('compares only changed generated files when berth.yaml did not change', async () => {
    const read = async (path: string) =>
      path === 'berth.yaml' ? 'name: x\n' : path.endsWith('own.rb') ? 'puts 1\n' : undefined;
    const sources = await driftSources({
      changed: ['cookbooks/x/recipes/own.rb'],
      specPath: 'berth.yaml',
      read,
    });
    expect(sources.files).toEqual([]);
    expect(sources.spec).toEqual({ path: 'berth.yaml', text: 'name: x\n' });
  });
});
