import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { targets } from '../../generators/index.js';
import { readModel } from '../../model/index.js';
import { runBerth, stackTrace } from '../support/cli.js';
import { goldenRoot } from '../support/golden.js';

/**
 * `berth lint` as users run it: the built command (`npm run build`, which `npm test` runs
 * first), its output and its exit codes.
 */
const folder = mkdtempSync(join(tmpdir(), 'berth-lint-cli-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

const CLEAN = `docker::run { 'web':
  image            => 'nginx:1.25.4',
  memory_limit     => '512m',
  health_check_cmd => 'curl -fs http://localhost/',
}
`;

describe('berth lint on the command line', () => {
  it('exits 1 on the fixtures, which have errors', () => {
    const result = runBerth(['lint', '--no-config', 'test/fixtures/lint']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/ error .* unknown-attribute$/m);
    expect(result.stdout).toMatch(/ warning .* unpinned-image$/m);
    expect(result.stderr).not.toMatch(stackTrace);
  });

  it('exits 0 on a clean manifest, and 1 once warnings fail the run', () => {
    write('clean/manifests/init.pp', CLEAN);
    expect(runBerth(['lint', '--no-config', 'clean'], { cwd: folder }).status).toBe(0);
    write('warned/manifests/init.pp', CLEAN.replace("'nginx:1.25.4'", "'nginx'"));
    const warned = runBerth(['lint', '--no-config', 'warned'], { cwd: folder });
    expect(warned.status).toBe(0);
    const failing = runBerth(['lint', '--no-config', '--fail-on', 'warning', 'warned'], {
      cwd: folder,
    });
    expect(failing.status).toBe(1);
  });

  it('exits 2 for a path that does not exist, without a stack trace', () => {
    const result = runBerth(['lint', '--no-config', 'nowhere'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('BERTH-LINT-INPUT');
    expect(result.stderr).not.toMatch(stackTrace);
  });

  it("reads a generated cookbook's InSpec checks as checks, not as containers", () => {
    const cookbook = join(goldenRoot, 'code-it', 'expected', 'chef');
    const result = runBerth(['lint', '--no-config', '--format', 'json', cookbook]);
    const report = JSON.parse(result.stdout) as {
      inventory: { file: string; type: string }[];
      findings: { file: string }[];
    };
    const checks = (entry: { file: string }) => entry.file.endsWith('default_test.rb');

    expect(report.inventory.map((entry) => `${entry.file.split('/').pop()} ${entry.type}`)).toEqual(
      ['default.rb docker_service', 'default.rb docker_image', 'default.rb docker_container'],
    );
    expect(report.findings.filter(checks)).toEqual([]);
  });

  it('reports drift in a generated tree, from the header or --spec', () => {
    write('app/berth.yaml', readFileSync(join(goldenRoot, 'code-it', 'berth.yaml'), 'utf8'));
    const { model } = readModel(join(folder, 'app/berth.yaml'));
    for (const target of targets) {
      const rendered = target.render(model);
      for (const file of rendered.files)
        write(`app/out/${rendered.root}/${file.path}`, file.content);
    }
    const args = ['lint', '--no-config', '--only', 'drift', 'out'];
    expect(runBerth(args, { cwd: join(folder, 'app') }).status).toBe(0);

    const recipe = 'app/out/chef/codeit/recipes/default.rb';
    write(recipe, readFileSync(join(folder, recipe), 'utf8').replace("'80:8000'", "'81:8000'"));
    const drifted = runBerth(args, { cwd: join(folder, 'app') });
    expect(drifted.status).toBe(1);
    expect(drifted.stdout).toContain(
      "out/chef/codeit/recipes/default.rb:29:5 error container code.it: port is ['81:8000'] " +
        "here but berth.yaml says ['80:8000'] drift",
    );

    write('elsewhere/spec.yaml', readFileSync(join(folder, 'app/berth.yaml'), 'utf8'));
    const withSpec = runBerth([...args, '--spec', '../elsewhere/spec.yaml'], {
      cwd: join(folder, 'app'),
    });
    expect(withSpec.status).toBe(1);
    expect(withSpec.stdout).toContain("but ../elsewhere/spec.yaml says ['80:8000'] drift");
  });
});
