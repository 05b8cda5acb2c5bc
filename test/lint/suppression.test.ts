import { describe, expect, it } from 'vitest';

import { lintFiles } from '../../lint/index.js';
import type { Finding } from '../../lint/types.js';
import { QUIET } from './table.js';

async function lint(path: string, text: string): Promise<Finding[]> {
  const result = await lintFiles([{ path, text }], { config: false, rules: QUIET });
  return result.findings;
}

function note(finding: Finding): string {
  const suppression = finding.suppression;
  return suppression ? ` [${suppression.kind}: ${suppression.reason}]` : '';
}

/** `line rule-id suppressed-reason` for each finding, for compact expectations. */
function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line} ${f.ruleId}${note(f)}`);
}

describe('inline suppression in recipes', () => {
  it('a trailing directive covers its own line only', async () => {
    const text =
      `docker_container 'a' do\n` +
      `  privileged true # berth:disable privileged-container -- lab host\n` +
      `  network_mode 'host'\n` +
      `end\n`;
    expect(summary(await lint('r.rb', text))).toEqual([
      '2 privileged-container [inline: lab host]',
      '3 host-namespace',
    ]);
  });

  it('a directive alone covers the next line of code, past comments and blank lines', async () => {
    const text =
      `docker_container 'a' do\n` +
      `  # berth:disable host-namespace, privileged-container -- monitoring agent\n` +
      `  # (it needs the host's counters)\n\n` +
      `  network_mode 'host'\n` +
      `  privileged true\n` +
      `end\n`;
    expect(summary(await lint('r.rb', text))).toEqual([
      '5 host-namespace [inline: monitoring agent]',
      '6 privileged-container',
    ]);
  });

  it('a directive before a resource covers the whole resource', async () => {
    const text =
      `# berth:disable privileged-container -- docker-in-docker for CI\n` +
      `docker_container 'dind' do\n  privileged true\nend\n` +
      `docker_container 'other' do\n  privileged true\nend\n`;
    expect(summary(await lint('r.rb', text))).toEqual([
      '3 privileged-container [inline: docker-in-docker for CI]',
      '6 privileged-container',
    ]);
  });

  it('a block covers the lines up to its end', async () => {
    const text =
      `# berth:disable-start docker-socket-mount -- build agents\n` +
      `docker_container 'a' do\n  volumes ['/var/run/docker.sock:/var/run/docker.sock']\nend\n` +
      `# berth:disable-end\n` +
      `docker_container 'b' do\n  volumes ['/var/run/docker.sock:/var/run/docker.sock']\nend\n`;
    expect(summary(await lint('r.rb', text))).toEqual([
      '3 docker-socket-mount [inline: build agents]',
      '7 docker-socket-mount',
    ]);
  });

  it('a directive without a reason suppresses nothing and is reported', async () => {
    const text =
      `docker_container 'a' do\n` + `  privileged true # berth:disable privileged-container\nend\n`;
    expect(summary(await lint('r.rb', text))).toEqual([
      '2 privileged-container',
      '2 invalid-suppression',
    ]);
  });

  it('a directive names only the rules it names', async () => {
    const text =
      `docker_container 'a' do\n` +
      `  privileged true # berth:disable host-namespace -- wrong rule\nend\n`;
    expect(summary(await lint('r.rb', text))).toEqual(['2 privileged-container']);
  });
});

describe('inline suppression in manifests', () => {
  it("takes puppet-lint's trailing form, with the words after it as the reason", async () => {
    const text =
      `docker::run { 'a':\n` +
      `  privileged => true, # lint:ignore:berth-privileged-container dind\n` +
      `}\n`;
    expect(summary(await lint('m.pp', text))).toEqual(['2 privileged-container [inline: dind]']);
  });

  it("takes puppet-lint's block form, alone on a line, up to lint:endignore", async () => {
    const text =
      `# lint:ignore:berth-host-namespace lint:ignore:140chars agents share the host\n` +
      `docker::run { 'a':\n  net => 'host',\n}\n` +
      `# lint:endignore\n` +
      `docker::run { 'b':\n  net => 'host',\n}\n`;
    expect(summary(await lint('m.pp', text))).toEqual([
      '3 host-namespace [inline: agents share the host]',
      '7 host-namespace',
    ]);
  });

  it('takes the berth form too', async () => {
    const text =
      `# berth:disable host-namespace -- consul\ndocker::run { 'consul':\n` +
      `  net => 'host',\n}\n`;
    expect(summary(await lint('m.pp', text))).toEqual(['3 host-namespace [inline: consul]']);
  });
});

describe('inline suppression in Hiera data', () => {
  it('covers a resource entry from the comment above its title', async () => {
    const text =
      `docker::runs:\n  # berth:disable privileged-container -- dind runner\n` +
      `  runner:\n    privileged: true\n` +
      `  other:\n    privileged: true\n`;
    expect(summary(await lint('data/common.yaml', text))).toEqual([
      '4 privileged-container [inline: dind runner]',
      '6 privileged-container',
    ]);
  });

  it('does not mistake a # inside a quoted value for a comment', async () => {
    const text =
      `docker::runs:\n  a:\n` +
      `    command: "echo '# berth:disable privileged-container -- no'"\n` +
      `    privileged: true\n`;
    expect(summary(await lint('data/common.yaml', text))).toEqual(['4 privileged-container']);
  });
});

describe('configured suppression', () => {
  it('suppresses by rule, path and resource title, with the reason given', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { scratchFolder } = await import('../support/scratch.js');
    const { lintPaths } = await import('../../lint/index.js');
    const folder = scratchFolder('berth-suppress-');
    mkdirSync(join(folder, 'ci'));
    const manifest =
      `docker::run { 'runner':\n  privileged => true,\n}\n` +
      `docker::run { 'web':\n  privileged => true,\n}\n`;
    writeFileSync(join(folder, 'ci', 'runner.pp'), manifest);
    writeFileSync(join(folder, 'other.pp'), manifest);
    writeFileSync(
      join(folder, '.berth-lint.yaml'),
      `suppress:\n  - rule: privileged-container\n    paths: [ci/**]\n    resources: [runner]\n` +
        `    reason: the CI runner builds images\n`,
    );
    const result = await lintPaths([], { cwd: folder, rules: QUIET });
    expect(
      result.findings.map((f) => `${f.file}:${f.line} ${f.suppression?.reason ?? 'open'}`),
    ).toEqual([
      'ci/runner.pp:2 the CI runner builds images',
      'ci/runner.pp:5 open',
      'other.pp:2 open',
      'other.pp:5 open',
    ]);
    expect(result.findings[0]?.suppression?.kind).toBe('config');
  });
});
