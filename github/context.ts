import { readFile } from 'node:fs/promises';

import { BerthError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Everything berth needs to know about the pull request it reports on. */
export interface PullRequestContext {
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The pull request's head commit; comments and check runs attach to it, not GITHUB_SHA. */
  headSha: string;
  /**
   * The base branch's commit when the event fired; with the head commit it leads to the merge
   * base, from which files past the 3,000-file listing can be found.
   */
  baseSha?: string;
  /** The number of changed files GitHub reports, to tell when the 3,000-file listing cap hit. */
  changedFiles?: number;
  /** The head branch lives in another repository; its token is usually read-only. */
  fromFork: boolean;
  /** Where GitHub Actions collects the job summary, when it does. */
  stepSummaryPath?: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const DEFAULT_API_URL = 'https://api.github.com';
const COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * Reads the GitHub Actions environment and the pull request event payload. Every problem found
 * is reported at once as a BERTH-GITHUB-ENV diagnostic, so one failed run shows them all.
 */
export async function readActionsContext(
  env: Environment,
  tokenOption?: string,
): Promise<PullRequestContext> {
  const problems: Diagnostic[] = [];
  const token = readToken(env, tokenOption, problems);
  const repository = readRepository(env, problems);
  const apiUrl = readApiUrl(env, problems);
  const event = await readPullRequestEvent(env, problems);

  if (problems.length > 0 || !event || !repository || !token || !apiUrl) {
    throw new BerthError(problems);
  }
  return {
    apiUrl,
    token,
    ...repository,
    ...event,
    stepSummaryPath: env.GITHUB_STEP_SUMMARY || undefined,
  };
}

function envProblem(problem: string, variable: string, file?: string): Diagnostic {
  return diagnostic('BERTH-GITHUB-ENV', { problem, variable }, file ? { file } : {});
}

function readToken(env: Environment, option: string | undefined, problems: Diagnostic[]) {
  const token = (option || env.GITHUB_TOKEN || '').trim();
  if (!token) {
    problems.push(envProblem('no GitHub token was given', 'GITHUB_TOKEN (or pass --token)'));
    return undefined;
  }
  if (/\s/.test(token)) {
    // The value itself is never echoed: it may be a real credential pasted in the wrong place.
    problems.push(envProblem('the GitHub token contains whitespace', 'GITHUB_TOKEN'));
    return undefined;
  }
  return token;
}

function readRepository(env: Environment, problems: Diagnostic[]) {
  const value = env.GITHUB_REPOSITORY ?? '';
  if (!REPOSITORY.test(value)) {
    const problem = value
      ? `GITHUB_REPOSITORY is "${value}", not "owner/name"`
      : 'GITHUB_REPOSITORY is not set';
    problems.push(envProblem(problem, 'GITHUB_REPOSITORY to "owner/name"'));
    return undefined;
  }
  const [owner = '', repo = ''] = value.split('/');
  return { owner, repo };
}

function readApiUrl(env: Environment, problems: Diagnostic[]) {
  const value = env.GITHUB_API_URL || DEFAULT_API_URL;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(envProblem(`GITHUB_API_URL is "${value}", not an http(s) URL`, 'GITHUB_API_URL'));
    return undefined;
  }
  return value.replace(/\/+$/, '');
}

interface EventFacts {
  pullNumber: number;
  headSha: string;
  baseSha?: string;
  changedFiles?: number;
  fromFork: boolean;
}

async function readPullRequestEvent(
  env: Environment,
  problems: Diagnostic[],
): Promise<EventFacts | undefined> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) {
    problems.push(envProblem('GITHUB_EVENT_PATH is not set', 'GITHUB_EVENT_PATH'));
    return undefined;
  }

  const payload = await readJson(path, problems);
  if (payload === undefined) return undefined;

  const facts = pullRequestFacts(payload);
  if (typeof facts === 'string') {
    const event = env.GITHUB_EVENT_NAME ? ` (event "${env.GITHUB_EVENT_NAME}")` : '';
    problems.push(envProblem(`${facts}${event}`, 'GITHUB_EVENT_PATH', path));
    return undefined;
  }
  return facts;
}

async function readJson(path: string, problems: Diagnostic[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    problems.push(
      envProblem(`cannot read the event payload (${reason})`, 'GITHUB_EVENT_PATH', path),
    );
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problems.push(envProblem('the event payload is not valid JSON', 'GITHUB_EVENT_PATH', path));
    return undefined;
  }
}

/** The facts berth needs from a pull_request payload, or a sentence saying what is missing. */
function pullRequestFacts(payload: unknown): EventFacts | string {
  const pull = field(payload, 'pull_request');
  if (pull === undefined) {
    return 'the event payload has no pull_request; run on pull_request or pull_request_target';
  }
  const pullNumber = field(pull, 'number');
  if (typeof pullNumber !== 'number' || !Number.isInteger(pullNumber) || pullNumber < 1) {
    return 'the event payload has no valid pull_request.number';
  }
  const headSha = field(field(pull, 'head'), 'sha');
  if (typeof headSha !== 'string' || !COMMIT_SHA.test(headSha)) {
    return 'the event payload has no valid pull_request.head.sha';
  }

  const baseSha = field(field(pull, 'base'), 'sha');
  const changedFiles = field(pull, 'changed_files');
  const headRepo = field(field(field(pull, 'head'), 'repo'), 'full_name');
  const baseRepo = field(field(field(pull, 'base'), 'repo'), 'full_name');
  return {
    pullNumber,
    headSha,
    baseSha: typeof baseSha === 'string' && COMMIT_SHA.test(baseSha) ? baseSha : undefined,
    changedFiles: typeof changedFiles === 'number' ? changedFiles : undefined,
    fromFork: typeof headRepo === 'string' && typeof baseRepo === 'string' && headRepo !== baseRepo,
  };
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string, unknown>)[key];
}
