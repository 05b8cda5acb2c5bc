import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readActionsContext } from '../../github/context.js';
import { runPullRequest } from '../../github/index.js';
import { BerthError } from '../../diagnostics/diagnostic.js';
import { fakeLint, TOKEN } from './harness.js';

let dir: string;
let eventPath: string;
const sha = 'f'.repeat(40);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-context-'));
  eventPath = join(dir, 'event.json');
  await writeEvent({
    pull_request: {
      number: 12,
      changed_files: 3,
      head: { sha, repo: { full_name: 'fork/fleet' } },
      base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/fleet' } },
    },
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeEvent(payload: unknown): Promise<void> {
  await writeFile(eventPath, typeof payload === 'string' ? payload : JSON.stringify(payload));
}

function env(overrides: Record<string, string | undefined> = {}) {
  return {
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/fleet',
    GITHUB_TOKEN: TOKEN,
    ...overrides,
  };
}

async function problems(environment: Record<string, string | undefined>, token?: string) {
  try {
    await readActionsContext(environment, token);
  } catch (error) {
    if (!(error instanceof BerthError)) throw error;
    return error.diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      hint: d.hint,
      file: d.file,
    }));
  }
  throw new Error('expected BERTH-GITHUB-ENV');
}

describe('reading the Actions environment', () => {
  it('reads the pull request, the head commit and the defaults', async () => {
    const context = await readActionsContext(env({ GITHUB_STEP_SUMMARY: '/tmp/s.md' }));
    expect(context).toEqual({
      apiUrl: 'https://api.github.com',
      token: TOKEN,
      owner: 'acme',
      repo: 'fleet',
      pullNumber: 12,
      headSha: sha,
      baseSha: 'b'.repeat(40),
      changedFiles: 3,
      fromFork: true,
      stepSummaryPath: '/tmp/s.md',
    });
  });

  it('takes the API root from GITHUB_API_URL and the token from the option first', async () => {
    const context = await readActionsContext(
      env({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }),
      'ghs_from_the_option_0000000000000000',
    );
    expect(context.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(context.token).toBe('ghs_from_the_option_0000000000000000');
  });

  it('reports every missing variable at once, with the variable to set', async () => {
    const found = await problems({});
    expect(found.map((p) => p.message)).toEqual([
      'no GitHub token was given',
      'GITHUB_REPOSITORY is not set',
      'GITHUB_EVENT_PATH is not set',
    ]);
    expect(found.every((p) => p.code === 'BERTH-GITHUB-ENV')).toBe(true);
    expect(found[0]!.hint).toBe('run inside GitHub Actions, or set GITHUB_TOKEN (or pass --token)');
  });

  it('refuses a malformed repository, API URL or token without echoing the token', async () => {
    const found = await problems(
      env({ GITHUB_REPOSITORY: 'acme', GITHUB_API_URL: 'ftp://x', GITHUB_TOKEN: `${TOKEN} x` }),
    );
    expect(found.map((p) => p.message)).toEqual([
      'the GitHub token contains whitespace',
      'GITHUB_REPOSITORY is "acme", not "owner/name"',
      'GITHUB_API_URL is "ftp://x", not an http(s) URL',
    ]);
    expect(JSON.stringify(found)).not.toContain(TOKEN);
  });

  it('names the event file when it is missing or not JSON', async () => {
    await writeEvent('{ not json');
    expect(await problems(env())).toEqual([
      {
        code: 'BERTH-GITHUB-ENV',
        message: 'the event payload is not valid JSON',
        hint: 'run inside GitHub Actions, or set GITHUB_EVENT_PATH',
        file: eventPath,
      },
    ]);
    const missing = await problems(env({ GITHUB_EVENT_PATH: join(dir, 'nope.json') }));
    expect(missing[0]!.message).toBe('cannot read the event payload (ENOENT)');
  });

  it('explains an event that is not a pull request', async () => {
    await writeEvent({ ref: 'refs/heads/main', head_commit: {} });
    const found = await problems(env({ GITHUB_EVENT_NAME: 'push' }));
    expect(found[0]!.message).toBe(
      'the event payload has no pull_request; run on pull_request or pull_request_target ' +
        '(event "push")',
    );
  });

  it.each([
    [{ number: 'x', head: { sha } }, 'no valid pull_request.number'],
    [{ number: 3, head: { sha: 'main' } }, 'no valid pull_request.head.sha'],
  ])('refuses a pull request payload without usable facts (%j)', async (pull, problem) => {
    await writeEvent({ pull_request: pull });
    expect((await problems(env()))[0]!.message).toBe(`the event payload has ${problem}`);
  });
});

describe('runPullRequest on a bad environment', () => {
  it('exits 2 with the diagnostics on stderr and no stack trace', async () => {
    let stderr = '';
    const result = await runPullRequest(
      {},
      { lint: fakeLint, env: { GITHUB_TOKEN: TOKEN }, stderr: (t) => void (stderr += t) },
    );
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['BERTH-GITHUB-ENV', 'BERTH-GITHUB-ENV']);
    expect(stderr).toContain('BERTH-GITHUB-ENV GITHUB_REPOSITORY is not set');
    expect(stderr).toContain('error: run inside GitHub Actions, or set GITHUB_REPOSITORY');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain(TOKEN);
  });

  it('exits 2 on an unknown option value before touching the network', async () => {
    let stderr = '';
    const result = await runPullRequest(
      { report: 'comments' },
      { lint: fakeLint, env: env(), stderr: (t) => void (stderr += t) },
    );
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics[0]!.code).toBe('BERTH-USAGE-ARGUMENT');
    expect(stderr).toContain('--github-report must be one of check, review, both, not "comments"');
  });
});
