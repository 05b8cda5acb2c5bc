import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { octokitLog, type Logger } from './logger.js';
import type { Redact } from './redact.js';

const BerthOctokit = Octokit.plugin(throttling, retry);

/** The REST client berth talks to GitHub with: Octokit with throttling and retries. */
export type GitHubApi = InstanceType<typeof BerthOctokit>;

/** How long berth waits before retrying; the defaults are GitHub's own guidance. */
export interface ApiTiming {
  /**
   * Milliseconds that one second of `Retry-After` or of retry back-off lasts. 1000 in real
   * use; tests shrink it so a retried request does not hold the suite up.
   */
  secondMs?: number;
  /**
   * Minimum gap between two writes. Unset, the throttling plugin's spacing applies (one
   * second, three for requests that notify people), as GitHub asks of integrations.
   */
  writeSpacingMs?: number;
  /** Retries per request after a 5xx or a rate limit; 3 by default. */
  retries?: number;
}

export interface ApiSetup {
  apiUrl: string;
  token: string;
  logger: Logger;
  timing?: ApiTiming;
}

/** A rate-limit wait longer than this is not worth holding a CI job for; the run fails. */
const LONGEST_WAIT_SECONDS = 120;

export function createGitHubApi(setup: ApiSetup): GitHubApi {
  const secondMs = setup.timing?.secondMs ?? 1000;
  const retries = setup.timing?.retries ?? 3;
  const logger = setup.logger;

  return new BerthOctokit({
    auth: setup.token,
    baseUrl: setup.apiUrl,
    userAgent: 'berth',
    log: octokitLog(logger),
    retry: { retries, retryAfterBaseValue: secondMs },
    throttle: {
      retryAfterBaseValue: secondMs,
      onRateLimit: rateLimitPolicy('primary', retries, logger),
      onSecondaryRateLimit: rateLimitPolicy('secondary', retries, logger),
      ...writePacing(setup.timing?.writeSpacingMs),
    },
  });
}

interface RouteOptions {
  method: string;
  url: string;
}

/** Whether to wait out a rate limit: a few times, and never for long. */
function rateLimitPolicy(kind: string, retries: number, logger: Logger) {
  return (after: number, options: RouteOptions, _octokit: unknown, count: number): boolean => {
    const again = count < retries && after <= LONGEST_WAIT_SECONDS;
    const request = `${options.method} ${options.url}`;
    logger.debug(`${kind} rate limit on ${request}; retry in ${after}s: ${again}`);
    return again;
  };
}

function writePacing(spacingMs: number | undefined) {
  if (spacingMs === undefined) return {};
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: spacingMs });
  return { write: group(), notifications: group() };
}

/** An HTTP error from Octokit: it has a status and the request that failed. */
export interface ApiError extends Error {
  status: number;
  request?: { method?: string; url?: string };
  response?: { data?: unknown };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && typeof (error as Partial<ApiError>).status === 'number';
}

/**
 * True when the token may read but not write, which is what a pull request from a fork gets:
 * GitHub answers 403 "Resource not accessible by integration".
 */
export function isReadOnlyTokenError(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 403) return false;
  return !/rate limit/i.test(error.message);
}

export function isUnprocessable(error: unknown): boolean {
  return isApiError(error) && error.status === 422;
}

/** A BERTH-GITHUB-API diagnostic for a failed request, with nothing secret in it. */
export function apiDiagnostic(error: ApiError, apiUrl: string, redact: Redact): Diagnostic {
  const method = error.request?.method ?? 'request';
  const path = (error.request?.url ?? '').replace(apiUrl, '').replace(/\?.*$/, '');
  const reason = redact(firstLine(error.message)).slice(0, 300) || 'no reason given';
  return diagnostic('BERTH-GITHUB-API', {
    status: error.status || 'no answer',
    request: redact(`${method} ${path}`.trim()),
    reason,
    githubHint: hintFor(error),
  });
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function hintFor(error: ApiError): string {
  if (error.status === 401) return 'the token was refused; check GITHUB_TOKEN or --token';
  if (error.status === 403 && /rate limit/i.test(error.message)) {
    return 'the API rate limit is used up; rerun the job later';
  }
  if (error.status === 403) {
    return 'give the workflow `contents: read`, `pull-requests: write` and `checks: write`';
  }
  if (error.status === 404) {
    return 'check GITHUB_REPOSITORY and that the token can read this repository';
  }
  if (error.status === 0 || error.status >= 500) return 'GitHub did not answer; rerun the job';
  return 'rerun with --debug to see every request berth made';
}
