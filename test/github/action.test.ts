import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Step {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

let action: Action;
let dir: string;

beforeAll(async () => {
  action = yaml.load(
    await readFile(new URL('../../action.yml', import.meta.url), 'utf8'),
  ) as Action;
  dir = await mkdtemp(join(tmpdir(), 'berth-action-'));
  // A stand-in for the CLI that prints the arguments and token it was given, as JSON.
  await mkdir(join(dir, 'bin'));
  const echo = '{ argv: process.argv.slice(2), token: process.env.GITHUB_TOKEN }';
  await writeFile(join(dir, 'bin', 'berth.js'), `console.log(JSON.stringify(${echo}));\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const reportStep = () =>
  action.runs.steps.find((step) => step.name === 'Report on the pull request')!;

function runStep(inputs: Record<string, string>) {
  const step = reportStep();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: dir };
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression)![1]!;
    env[name] = inputs[input] ?? action.inputs[input]!.default ?? '';
  }
  // GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
  const out = execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
    env,
    cwd: dir,
  });
  return JSON.parse(out.toString()) as { argv: string[]; token: string };
}

describe('action.yml', () => {
  it('is a composite action whose token defaults to the workflow token', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.token!.default).toBe('${{ github.token }}');
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['debug', 'fail-on', 'filter-mode', 'paths', 'report', 'token'].sort(),
    );
  });

  it('never splices an input into a script', () => {
    for (const step of action.runs.steps) expect(step.run).not.toContain('${{');
  });

  it('runs `berth lint --github` with the defaults', () => {
    expect(runStep({ token: 'ghs_x' })).toEqual({
      argv: [
        'lint',
        '--github',
        '--github-report',
        'review',
        '--filter-mode',
        'added',
        '--fail-on',
        'error',
        '--',
        '.',
      ],
      token: 'ghs_x',
    });
  });

  it('passes hostile inputs through as plain arguments', () => {
    const { argv } = runStep({
      paths: '  cookbooks/web \n\n-rf\nmodules/$(touch pwned)/x\n"quoted path"',
      report: 'both; echo injected',
      debug: 'true',
    });
    expect(argv).toEqual([
      'lint',
      '--github',
      '--github-report',
      'both; echo injected',
      '--filter-mode',
      'added',
      '--fail-on',
      'error',
      '--debug',
      '--',
      'cookbooks/web',
      '-rf',
      'modules/$(touch pwned)/x',
      '"quoted path"',
    ]);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });
});

describe('the workflows in the documentation', () => {
  /** Every YAML block of a Markdown file that uses the action, parsed. */
  async function workflows(file: string): Promise<any[]> {
    const text = await readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
    return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .filter((block) => /uses: [\w-]+\/berth@/.test(block))
      .map((block) => yaml.load(block));
  }

  it.each(['README.md', 'docs/github.md'])('%s gives only inputs action.yml has', async (file) => {
    const found = await workflows(file);
    expect(found.length).toBeGreaterThan(0);
    for (const workflow of found) {
      expect(workflow.on).toHaveProperty('pull_request');
      expect(workflow.permissions).toEqual({
        contents: 'read',
        'pull-requests': 'write',
        checks: 'write',
      });
      const steps: any[] = Object.values(workflow.jobs as Record<string, any>)[0].steps;
      const step = steps.find((candidate) => /\/berth@/.test(candidate.uses ?? ''));
      expect(Object.keys(step.with)).not.toHaveLength(0);
      for (const input of Object.keys(step.with)) expect(action.inputs).toHaveProperty([input]);
      expect(['review', 'check', 'both']).toContain(step.with.report ?? 'review');
      expect(['error', 'warning', 'info', 'none']).toContain(step.with['fail-on'] ?? 'error');
    }
  });
});
