import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requireTool } from '../support/toolchain.js';
import { mutatedCopy } from './mutate.js';
import { runProcess } from './process.js';
import { puppetLint, puppetParserValidate, rubySyntaxCheck } from './syntax.js';

const here = dirname(fileURLToPath(import.meta.url));
const chefFixture = join(here, 'fixtures', 'chef', 'codeit');
const puppetFixture = join(here, 'fixtures', 'puppet', 'codeit');

async function filesUnder(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'berth-syntax-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function scratchFile(name: string, text: string): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, text);
  return path;
}

describe.skipIf(!requireTool('ruby', 'Ruby syntax checks'))('rubySyntaxCheck', () => {
  it('passes the fixture cookbook and the stand-in Ruby, warnings included', async () => {
    const files = [
      ...(await filesUnder(chefFixture, '.rb')),
      ...(await filesUnder(join(here, 'chef'), '.rb')),
      ...(await filesUnder(join(here, 'puppet'), '.rb')),
      ...(await filesUnder(join(here, 'syntax'), '.rb')),
    ];
    const result = await rubySyntaxCheck(files);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.byFile)).toHaveLength(files.length);
  });

  it('fails on a syntax error and on a warning, file by file, as ruby -wc does', async () => {
    const clean = await scratchFile('clean.rb', "docker_image 'nginx' do\n  tag '1.25'\nend\n");
    const warned = await scratchFile('warned.rb', 'unused = 1\nputs -1\n');
    const broken = await scratchFile('broken.rb', "docker_image 'nginx' do\n  tag '1.25'\n");
    const result = await rubySyntaxCheck([clean, warned, broken]);

    expect(result.ok).toBe(false);
    expect(result.byFile[clean]).toEqual([]);
    expect(result.byFile[broken]).toEqual([expect.stringMatching(/broken\.rb:\d+: syntax error/)]);

    // The same parser with the same warnings as one `ruby -wc` per file.
    const reference = await runProcess('ruby', ['-wc', warned]);
    const expected = reference.stderr.split('\n').filter(Boolean).sort();
    expect(expected).toHaveLength(2);
    expect([...result.byFile[warned]!].sort()).toEqual(expected);
  });
});

describe.skipIf(!requireTool('puppet', 'Puppet syntax checks'))('puppetParserValidate', () => {
  it('passes the fixture module and the stand-in manifests', async () => {
    const files = [
      ...(await filesUnder(puppetFixture, '.pp')),
      ...(await filesUnder(join(here, 'puppet', 'modules'), '.pp')),
    ];
    expect((await puppetParserValidate(files)).problems).toEqual([]);
  });

  it('reports each broken file in one call', async () => {
    const good = await scratchFile('good.pp', "class good {\n  notify { 'hi': }\n}\n");
    const bad = await scratchFile('bad.pp', "class bad {\n  notify { 'hi':\n}\n");
    const worse = await scratchFile('worse.pp', 'class worse (\n  $x =\n) {}\n');
    const result = await puppetParserValidate([good, bad, worse]);

    expect(result.ok).toBe(false);
    expect(result.byFile[good]).toEqual([]);
    expect(result.byFile[bad]).toEqual([
      expect.stringMatching(/Syntax error at end of input \(file: .*bad\.pp\)/),
    ]);
    expect(result.byFile[worse]).toHaveLength(1);
  });
});

describe.skipIf(!requireTool('puppet-lint', 'puppet-lint checks'))('puppetLint', () => {
  it('passes the fixture module', async () => {
    expect((await puppetLint(await filesUnder(puppetFixture, '.pp'))).problems).toEqual([]);
  });

  it('fails on warnings, with documentation and 140chars checks kept on', async () => {
    const misaligned = await mutatedCopy(puppetFixture, join(scratch, 'misaligned'), [
      {
        file: 'manifests/init.pp',
        find: "    ensure  => present,\n    driver  => 'bridge',",
        replace: "    ensure => present,\n    driver  => 'bridge',",
      },
    ]);
    const undocumented = await scratchFile(
      'undocumented.pp',
      `class undocumented {\n  notify { '${'x'.repeat(140)}': }\n}\n`,
    );
    const result = await puppetLint([join(misaligned, 'manifests', 'init.pp'), undocumented]);

    expect(result.ok).toBe(false);
    expect(result.byFile[join(misaligned, 'manifests', 'init.pp')]).toEqual([
      expect.stringMatching(
        /:\d+:\d+: warning: indentation of => is not properly aligned .*\(arrow_alignment\)$/,
      ),
    ]);
    expect(result.byFile[undocumented]!.map((p) => p.replace(/.*\(/, '('))).toEqual([
      '(documentation)',
      '(140chars)',
    ]);
  });
});
