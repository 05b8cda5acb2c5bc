import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BerthError } from '../../diagnostics/diagnostic.js';
import { findConfig } from '../../lint/config.js';
import { compileGlob } from '../../lint/glob.js';
import { exitCode, lintPaths } from '../../lint/index.js';
import { scratchFolder } from '../support/scratch.js';
import { QUIET } from './table.js';

function folderWith(files: Record<string, string>): string {
  const folder = scratchFolder('berth-config-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** The diagnostic a bad configuration throws, as `line:column code message`. */
function configError(text: string): string {
  const folder = folderWith({ '.berth-lint.yaml': text });
  try {
    findConfig(folder);
  } catch (error) {
    if (!(error instanceof BerthError)) throw error;
    const d = error.diagnostics[0]!;
    return `${d.line}:${d.column} ${d.code} ${d.message}`;
  }
  throw new Error('no error');
}

const PRIVILEGED = `docker::run { 'a':\n  privileged => true,\n  net        => 'host',\n}\n`;

describe('.berth-lint.yaml', () => {
  it('turns rules off, overrides severities and sets the fail level', async () => {
    const folder = folderWith({
      '.berth-lint.yaml':
        `rules:\n  privileged-container: warning\n  host-namespace: off\n` + `fail-on: warning\n`,
      'site.pp': PRIVILEGED,
    });
    const result = await lintPaths([], { cwd: folder, rules: QUIET });
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([
      'privileged-container warning',
    ]);
    expect(result.failOn).toBe('warning');
    expect(exitCode(result)).toBe(1);
    expect(exitCode(result, { failOn: 'error' })).toBe(0);
  });

  it('takes the same settings under a lint: key', async () => {
    const folder = folderWith({
      '.berth-lint.yaml': `lint:\n  rules:\n    host-namespace: off\n`,
      'site.pp': PRIVILEGED,
    });
    const result = await lintPaths([], { cwd: folder, rules: QUIET });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['privileged-container']);
  });

  it('leaves ignored paths out, and reads configured Hiera files', async () => {
    const folder = folderWith({
      '.berth-lint.yaml':
        `ignore:\n  - vendored/\n  - '*.generated.pp'\nhiera:\n` +
        `  - environments/*/nodes/*.yaml\n`,
      'vendored/mod/init.pp': PRIVILEGED,
      'site.generated.pp': PRIVILEGED,
      'environments/prod/nodes/web.yaml': `docker::runs:\n  a:\n    privileged: true\n`,
      'environments/prod/compose.yaml': `services:\n  docker:\n    privileged: true\n`,
    });
    const result = await lintPaths([], { cwd: folder, rules: QUIET });
    expect(result.files).toEqual(['environments/prod/nodes/web.yaml']);
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual([
      'environments/prod/nodes/web.yaml:3',
    ]);
  });

  it('reads the data folders a hiera.yaml names, below it', async () => {
    const run = `docker::runs:\n  a:\n    privileged: true\n`;
    const folder = folderWith({
      'control/hiera.yaml':
        `---\nversion: 5\ndefaults:\n  datadir: hiera\nhierarchy:\n` +
        `  - name: nodes\n    datadir: nodes-data\n    path: '%{trusted.certname}.yaml'\n` +
        `  - name: env\n    datadir: '%{environment}'\n    path: common.yaml\n`,
      'control/hiera/common.yaml': run,
      'control/nodes-data/web.yaml': run,
      'control/other/settings.yaml': run,
      'elsewhere/hiera/common.yaml': run,
      'old/hiera.yaml': `---\n:backends:\n  - yaml\n:yaml:\n  :datadir: legacy\n`,
      'old/legacy/common.yaml': run,
    });
    const result = await lintPaths([], { cwd: folder, config: false, rules: QUIET });
    expect(result.files).toEqual(['control/hiera/common.yaml', 'control/nodes-data/web.yaml']);
  });

  it("leaves a site's own class docker alone, but not a copy of puppetlabs-docker's", async () => {
    const declaration = `class { 'docker': package_name => 'docker.io' }\n`;
    const hiera = `docker::registry: registry.example.org\n`;
    const lint = async (init: string) => {
      const folder = folderWith({
        'modules/docker/manifests/init.pp': init,
        'modules/profile/manifests/engine.pp': declaration,
        'hieradata/common.yaml': hiera,
      });
      const result = await lintPaths([], { cwd: folder, config: false, rules: QUIET });
      return result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    };
    const site = `class docker (\n  Optional[String] $package_name = undef,\n) {\n}\n`;
    expect(await lint(site)).toEqual([]);
    const module =
      `class docker (\n  Optional[String] $version = undef,\n  String $ensure = 'present',\n` +
      `  Boolean $use_upstream_package_source = true,\n) {\n}\n`;
    expect(await lint(module)).toEqual([
      'hieradata/common.yaml:1 unknown-attribute',
      'modules/profile/manifests/engine.pp:1 deprecated-puppet-parameter',
    ]);
  });

  it('lets the command line win over the file', async () => {
    const folder = folderWith({
      '.berth-lint.yaml': `rules:\n  host-namespace: off\n`,
      'site.pp': PRIVILEGED,
    });
    const result = await lintPaths([], {
      cwd: folder,
      rules: { ...QUIET, 'host-namespace': 'info' },
      failOn: 'none',
    });
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([
      'privileged-container error',
      'host-namespace info',
    ]);
    expect(exitCode(result)).toBe(0);
  });

  it('is skipped with config: false, and read from another name with config', async () => {
    const folder = folderWith({
      '.berth-lint.yaml': `rules:\n  privileged-container: off\n`,
      'ci/lint.yaml': `rules:\n  host-namespace: off\n`,
      'site.pp': PRIVILEGED,
    });
    const none = await lintPaths([], { cwd: folder, config: false, rules: QUIET });
    const other = await lintPaths([], { cwd: folder, config: 'ci/lint.yaml', rules: QUIET });
    expect(none.findings).toHaveLength(2);
    expect(other.findings.map((f) => f.ruleId)).toEqual(['privileged-container']);
    expect(other.configFile).toBe('ci/lint.yaml');
  });

  it.each([
    [
      `rules:\n  privileged-containr: off\n`,
      '2:3 BERTH-LINT-CONFIG unknown rule "privileged-containr"; ' +
        'did you mean "privileged-container"',
    ],
    [
      `rules:\n  host-namespace: high\n`,
      '2:19 BERTH-LINT-CONFIG "host-namespace" must be one of off, error, warning, info, ' +
        'not "high"',
    ],
    [`fail_on: error\n`, '1:1 BERTH-LINT-CONFIG unknown setting "fail_on"; did you mean "fail-on"'],
    [
      `max-warnings: -1\n`,
      '1:15 BERTH-LINT-CONFIG "max-warnings" must be a whole number of 0 or more',
    ],
    [`ignore: 3\n`, '1:9 BERTH-LINT-CONFIG "ignore" must be a list of path patterns'],
    [
      `suppress:\n  - rule: privileged-container\n`,
      '2:5 BERTH-LINT-CONFIG suppression of privileged-container needs a "reason"',
    ],
    [
      `rules: [a\n`,
      '2:1 BERTH-YAML-SYNTAX malformed YAML: unexpected end of the stream within a flow collection',
    ],
  ])('refuses %j', (text, expected) => {
    expect(configError(text)).toBe(expected);
  });

  it('treats an empty file as no settings', async () => {
    const folder = folderWith({ '.berth-lint.yaml': '\n', 'site.pp': PRIVILEGED });
    expect((await lintPaths([], { cwd: folder, rules: QUIET })).findings).toHaveLength(2);
  });

  it('refuses an unknown rule on the command line, and a path that does not exist', async () => {
    const folder = folderWith({ 'site.pp': PRIVILEGED });
    await expect(lintPaths([], { cwd: folder, only: ['privileged'] })).rejects.toThrow(BerthError);
    await expect(lintPaths(['nowhere'], { cwd: folder })).rejects.toThrow(
      'no such file or folder "nowhere"',
    );
  });
});

describe('path patterns', () => {
  it.each([
    ['vendor/**', 'vendor/a/b.pp', true],
    ['vendor/', 'vendor/a/b.pp', true],
    ['vendor', 'modules/vendor/x.pp', true],
    ['*.rb', 'a/b/c.rb', true],
    ['manifests/*.pp', 'manifests/a/b.pp', false],
    ['manifests/**/*.pp', 'manifests/a/b.pp', true],
    ['data/{common,nodes}/*.yaml', 'data/nodes/x.yaml', true],
    ['a?.pp', 'ab.pp', true],
    ['a.pp', 'ab.pp', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
  });
});
