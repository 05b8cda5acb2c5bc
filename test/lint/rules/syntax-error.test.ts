import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { lintFiles, lintPaths } from '../../../lint/index.js';
import { scratchFolder } from '../../support/scratch.js';
import { ruleTable } from '../table.js';

/** Lints files written as bytes, as a text file would hide what they are made of. */
async function lintBytes(files: Record<string, Buffer | string>, only?: string[]) {
  const folder = scratchFolder('berth-lint-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return lintPaths(['.'], { cwd: folder, config: false, ...(only ? { only } : {}) });
}

describe('syntax-error', () => {
  ruleTable('syntax-error', [
    {
      name: 'a do without end',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\n`,
      hits: [[1, 24]],
      message: 'no matching "end"',
    },
    {
      name: 'valid Ruby',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\nend\n`,
      hits: [],
    },
    {
      name: 'a missing comma between attributes',
      dialect: 'puppet',
      code: `docker::run { 'web':\n  image => 'nginx'\n  ports => ['80:80'],\n}\n`,
      // Where Puppet itself says: "Syntax error at 'ports' (line: 3, column: 3)".
      hits: [[3, 3]],
    },
    {
      name: 'valid Puppet',
      dialect: 'puppet',
      code: `docker::run { 'web':\n  image => 'nginx',\n}\n`,
      hits: [],
    },
    {
      name: 'bad indentation',
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    image: nginx\n   ports: ['80:80']\n`,
      hits: [[4, 4]],
      message: 'malformed YAML',
    },
    {
      name: 'a duplicate key, which Hiera would resolve silently',
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    image: nginx\n    image: httpd\n`,
      hits: [[4, 5]],
      message: 'duplicated mapping key',
    },
  ]);

  it('checks resources after a syntax error', async () => {
    const text =
      `docker::run { 'a':\n  image => 'x'\n  ports => [],\n}\n` +
      `docker::run { 'b':\n  privileged => true,\n}\n`;
    const result = await lintFiles([{ path: 'm.pp', text }], { config: false });
    expect(result.findings.map((f) => f.ruleId)).toContain('privileged-container');
  });

  it('reports a file that is not UTF-8 at its first bad byte, without parsing it', async () => {
    const result = await lintBytes({
      'latin1.pp': Buffer.from('# caf\xe9 docker\nclass a {}\n', 'latin1'),
    });
    expect(result.findings).toMatchObject([
      {
        ruleId: 'syntax-error',
        line: 1,
        column: 6,
        message: 'the file is not valid UTF-8 text (byte 5)',
      },
    ]);
  });

  it("reports a manifest's byte order mark, which Puppet refuses, and reads the rest", async () => {
    const result = await lintBytes(
      {
        'bom.pp': "\ufeffdocker::run { 'a':\n  privileged => true,\n}\n",
        'bom.rb': "\ufeffdocker_container 'a' do\n  privileged true\nend\n",
      },
      ['syntax-error', 'privileged-container'],
    );
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'bom.pp:1:1 the manifest starts with a UTF-8 byte order mark, which Puppet refuses',
      'bom.pp:2:3 container runs privileged, with root access to the host',
      'bom.rb:2:3 container runs privileged, with root access to the host',
    ]);
  });

  it('reads a recipe in the encoding its magic comment declares, as Ruby does', async () => {
    const recipe = (magic: string) =>
      Buffer.from(
        `${magic}# Jos\xe9\ndocker_container 'caf\xe9' do\n  privileged true\nend\n`,
        'latin1',
      );
    const result = await lintBytes(
      { 'declared.rb': recipe('# -*- coding: iso-8859-1 -*-\n'), 'undeclared.rb': recipe('') },
      ['syntax-error', 'privileged-container'],
    );
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'declared.rb:4:3 privileged-container',
      'undeclared.rb:1:6 syntax-error',
    ]);
    expect(result.inventory.map((entry) => entry.title)).toEqual(['café']);
  });

  it('does not parse files that never mention docker, unless asked to', async () => {
    const files = [{ path: 'manifests/other.pp', text: "file { '/tmp/x'\n" }];
    const quick = await lintFiles(files, { config: false });
    const full = await lintFiles(files, { config: false, parseAll: true });
    expect(quick.findings).toEqual([]);
    expect(full.findings.map((f) => f.ruleId)).toEqual(['syntax-error']);
  });
});
