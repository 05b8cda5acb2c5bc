import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { chefTarget } from '../../lint/targets/index.js';
import { formatResult, lintFiles, lintPaths } from '../../lint/index.js';
import { QUIET } from './table.js';

const FIXTURES = 'test/fixtures/lint';
const CHEF = join(FIXTURES, 'chef');

/** Debian's puppet-module-* packages install here (test/parsers/puppet/corpus-packages.txt). */
const DEBIAN_CORPUS = '/usr/share/puppet/modules';

interface ExpectedResource {
  type: string;
  title: string | { text: string };
  line: number;
}

describe('the lint fixtures', () => {
  it('find, in each Chef fixture, the docker resources its parse expectation lists', async () => {
    const names = readdirSync(CHEF).filter((name) => name.endsWith('.rb'));
    const result = await lintPaths([CHEF], { config: false });
    for (const name of names) {
      const expected = JSON.parse(
        readFileSync(join(CHEF, name.replace(/\.rb$/, '.expected.json')), 'utf8'),
      );
      const docker = (expected.resources as ExpectedResource[])
        .filter((resource) => chefTarget(resource.type))
        .map((resource) => {
          const title = typeof resource.title === 'string' ? resource.title : resource.title.text;
          return `${resource.type} ${title} ${resource.line}`;
        });
      const seen = result.inventory
        .filter((entry) => entry.file === `${CHEF}/${name}`)
        .map((entry) => `${entry.type} ${entry.title} ${entry.line}`);
      expect(seen, name).toEqual(docker);
    }
  });

  it('give the recorded findings', async () => {
    const result = await lintPaths([FIXTURES], { config: false });
    const text = formatResult(result, 'text', { showSuppressed: true });
    await expect(text).toMatchFileSnapshot('__golden__/fixtures.txt');
  });

  it('keep every fingerprint when lines move, and make each one unique', async () => {
    const text = readFileSync(join(FIXTURES, 'puppet/manifests/17-mounts.pp'), 'utf8');
    const before = await lintFiles([{ path: 'm.pp', text }], { config: false });
    const after = await lintFiles([{ path: 'm.pp', text: `\n\n# moved\n${text}` }], {
      config: false,
    });
    const fingerprints = before.findings.map((finding) => finding.fingerprint);
    expect(after.findings.map((finding) => finding.fingerprint)).toEqual(fingerprints);
    expect(after.findings.map((finding) => finding.line)).not.toEqual(
      before.findings.map((f) => f.line),
    );
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('number repeated findings of the same thing', async () => {
    const text =
      `docker::run { 'a':\n` +
      `  extra_parameters => ['--cap-add=SYS_ADMIN', '--cap-add=SYS_ADMIN'],\n` +
      `}\n`;
    const result = await lintFiles([{ path: 'm.pp', text }], { config: false, rules: QUIET });
    const [first, second] = result.findings.map((finding) => finding.fingerprint);
    expect(second).toBe(`${first}:2`);
  });
});

describe('corpora', () => {
  it('lint every Chef fixture, parsing everything, without an internal error', async () => {
    const result = await lintPaths([CHEF], { config: false, parseAll: true });
    expect(result.findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
    expect(result.files.length).toBeGreaterThan(60);
  });

  it("lint Debian's Puppet modules, parsing everything, without an internal error", async () => {
    if (!existsSync(DEBIAN_CORPUS)) {
      const packages = 'test/parsers/puppet/corpus-packages.txt';
      const message = `${DEBIAN_CORPUS} is missing: install the packages of ${packages}`;
      if (process.env.CI) throw new Error(message);
      process.stderr.write(`\n*** corpus test SKIPPED: ${message} ***\n\n`);
      return;
    }
    const result = await lintPaths([DEBIAN_CORPUS], { config: false, parseAll: true });
    const manifests = result.files.filter((file) => file.endsWith('.pp'));
    expect(manifests.length).toBeGreaterThan(500);
    expect(result.findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
  });
});
