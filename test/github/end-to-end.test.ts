import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { main } from '../../cli/main.js';
import { goldenRoot, listFiles } from '../support/golden.js';
import {
  markedFingerprints,
  openWorkspace,
  patchFor,
  runnerEnvironment,
  TOKEN,
  writeEvent,
  type Workspace,
} from './harness.js';

/**
 * `berth lint --github` as GitHub Actions runs it: the command line, the real linter and the
 * real drift check, against the fake GitHub. Nothing of the reporter is stubbed; only the
 * environment and the working folder are those of a runner.
 */

const RECIPE = 'cookbooks/web/recipes/default.rb';
const MANIFEST = 'modules/app/manifests/init.pp';
const ATTRIBUTES = 'generated/chef/codeit/attributes/default.rb';
const HIERA = 'generated/puppet/codeit/data/common.yaml';

/** Lines 8, 13 and 14 are new: a privileged flag, an untagged image, the host's network. */
const recipe = [
  "docker_image 'nginx' do",
  "  tag '1.27'",
  'end',
  '',
  "docker_container 'web' do",
  "  repo 'nginx'",
  "  tag '1.27'",
  '  privileged true',
  "  port '80:80'",
  'end',
  '',
  "docker_container 'cache' do",
  "  repo 'redis'",
  "  network_mode 'host'",
  'end',
  '',
].join('\n');

/** A new manifest that mounts the engine socket (line 4). */
const manifest = [
  'class app {',
  "  docker::run { 'app':",
  "    image   => 'acme/app:2.1',",
  "    volumes => ['/var/run/docker.sock:/var/run/docker.sock'],",
  '  }',
  '}',
  '',
].join('\n');

/** The repository's own settings: rules that would report every container here are off. */
const config = [
  'rules:',
  '  no-healthcheck: off',
  '  no-memory-limit: off',
  '  no-restart-policy: off',
  '',
].join('\n');

let ws: Workspace;
let checkout: string;
let stdout: string;
let stderr: string;
const startedIn = process.cwd();

beforeEach(async () => {
  ws = await openWorkspace();
  checkout = join(ws.dir, 'checkout');
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.chdir(startedIn);
  await ws.close();
});

/** Writes a file of the checkout and serves it as the head commit's version. */
function commit(path: string, text: string): void {
  const absolute = join(checkout, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  ws.fake.contents.set(path, text);
}

/**
 * The checkout: the recipe and manifest above, the code-it example's berth.yaml with a new
 * NODE_PORT, and the cookbook and module generated from the old one, left unchanged.
 */
async function pullRequest(): Promise<void> {
  commit('.berth-lint.yaml', config);
  commit(RECIPE, recipe);
  commit(MANIFEST, manifest);
  const spec = readFileSync(join(goldenRoot, 'code-it', 'berth.yaml'), 'utf8');
  const changedSpec = spec.replace('NODE_PORT: 8000', 'NODE_PORT: 9000');
  expect(changedSpec).not.toBe(spec);
  commit('berth.yaml', changedSpec);
  for (const target of ['chef', 'puppet']) {
    const expected = join(goldenRoot, 'code-it', 'expected', target);
    for (const path of listFiles(expected)) {
      commit(`generated/${target}/${path}`, readFileSync(join(expected, path), 'utf8'));
    }
  }

  ws.fake.files = [];
  ws.fake.setFile(RECIPE, recipe, patchFor(recipe, [8, 13, 14]));
  ws.fake.setFile(MANIFEST, manifest, patchFor(manifest, 'all'), 'added');
  const specLine = lineOf(changedSpec, 'NODE_PORT');
  ws.fake.setFile('berth.yaml', changedSpec, patchFor(changedSpec, [specLine]));
  await writeEvent(ws);
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  expect(index, `${needle} is in the text`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Runs the command line in the checkout with a runner's environment. */
async function berth(...args: string[]): Promise<number> {
  const env = { ...runnerEnvironment(ws), GITHUB_WORKSPACE: checkout };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  process.chdir(checkout);
  return main(args);
}

describe('berth lint --github, end to end', () => {
  it('reports the real findings of the changed files and the drift, at their lines', async () => {
    await pullRequest();

    const code = await berth(
      'lint',
      '--github',
      '--github-report',
      'both',
      '--rule',
      'host-namespace=error',
    );

    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('berth: 5 errors, 1 warning on this pull request');

    // The files were read through the API, at the head commit.
    const reads = ws.fake.requestsTo('GET', /\/contents\//);
    expect(new Set(reads.map((r) => r.query.ref))).toEqual(new Set([ws.fake.headSha]));

    const attributesLine = lineOf(ws.fake.contents.get(ATTRIBUTES)!, 'NODE_PORT');
    const hieraLine = lineOf(ws.fake.contents.get(HIERA)!, 'NODE_PORT');
    const [checkRun] = ws.fake.checkRuns;
    expect(checkRun).toMatchObject({ name: 'berth', status: 'completed', conclusion: 'failure' });
    expect(
      checkRun!.annotations.map((a) => [a.path, a.start_line, a.title, a.annotation_level]),
    ).toEqual([
      [RECIPE, 8, 'privileged-container', 'failure'],
      [RECIPE, 13, 'unpinned-image', 'warning'],
      // --rule on the command line wins over the configuration.
      [RECIPE, 14, 'host-namespace', 'failure'],
      [ATTRIBUTES, attributesLine, 'drift', 'failure'],
      [HIERA, hieraLine, 'drift', 'failure'],
      [MANIFEST, 4, 'docker-socket-mount', 'failure'],
    ]);
    const socket = checkRun!.annotations.find((a) => a.title === 'docker-socket-mount');
    expect(socket).toMatchObject({
      start_column: 17,
      message: expect.stringContaining('/var/run/docker.sock'),
    });

    // Findings on lines of the diff become review comments; the drift, in files the pull
    // request leaves alone, goes to the summary comment.
    expect(ws.fake.reviewComments.map((c) => [c.path, c.line, c.side])).toEqual([
      [RECIPE, 8, 'RIGHT'],
      [RECIPE, 13, 'RIGHT'],
      [RECIPE, 14, 'RIGHT'],
      [MANIFEST, 4, 'RIGHT'],
    ]);
    const fingerprints = markedFingerprints(ws.fake.reviewComments.map((c) => c.body));
    expect(new Set(fingerprints).size).toBe(4);
    expect(ws.fake.issueComments).toHaveLength(1);
    const summary = ws.fake.issueComments[0]!.body;
    expect(summary).toContain(`\`${ATTRIBUTES}:${attributesLine}\``);
    expect(summary).toContain(`\`${HIERA}:${hieraLine}\``);
    expect(summary).toContain('9000');

    const jobSummary = readFileSync(ws.summaryPath, 'utf8');
    expect(jobSummary).toContain(`\`${RECIPE}:8\``);
    for (const text of [stdout, stderr, jobSummary, summary]) expect(text).not.toContain(TOKEN);
  });

  it('applies --ignore and --only, the drift check included', async () => {
    await pullRequest();

    const code = await berth(
      'lint',
      '--github',
      '--github-report',
      'check',
      '--ignore',
      'modules/**',
      '--only',
      'privileged-container',
    );

    expect(stderr).toBe('');
    expect(code).toBe(1);
    const annotations = ws.fake.checkRuns[0]!.annotations.map((a) => [a.path, a.title]);
    expect(annotations).toEqual([[RECIPE, 'privileged-container']]);
    // --only leaves the drift rule out, so no generated file was even read.
    const reads = ws.fake.requestsTo('GET', /\/contents\//).map((r) => r.path);
    expect(reads.some((path) => path.includes('/generated/'))).toBe(false);
  });

  it('refuses --max-warnings, which a pull request run does not count', async () => {
    await pullRequest();

    const code = await berth('lint', '--github', '--max-warnings', '3');

    expect(code).toBe(2);
    expect(stderr).toContain('--max-warnings does not apply with --github');
    expect(ws.fake.checkRuns).toEqual([]);
  });

  it('passes a clean pull request, and skips drift when nothing generated changed', async () => {
    await pullRequest();
    const clean = "docker_container 'web' do\n  repo 'nginx'\n  tag '1.27'\nend\n";
    ws.fake.files = [];
    commit(RECIPE, clean);
    ws.fake.setFile(RECIPE, clean, patchFor(clean, [3]));
    await writeEvent(ws);

    const code = await berth('lint', '--github', '--github-report', 'check');

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(ws.fake.checkRuns[0]).toMatchObject({ conclusion: 'success', annotations: [] });
    const reads = ws.fake.requestsTo('GET', /\/contents\//).map((r) => r.path);
    expect(reads).toEqual([`/repos/acme/fleet/contents/${RECIPE}`]);
  });
});
