import { BerthError, diagnostic } from '../diagnostics/diagnostic.js';
import type { LintSeverity } from '../lint/types.js';
import { FILTER_MODES, type FilterMode } from './placement.js';

/** Where findings go: a check run with annotations, a review with line comments, or both. */
export type ReportMode = 'check' | 'review' | 'both';
export const REPORT_MODES: readonly ReportMode[] = ['check', 'review', 'both'];

/** The least severe finding that fails the run (exit 1, check run "failure"); `none` never. */
export type FailOn = LintSeverity | 'none';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

/** What the CLI passes in; each field maps to one flag, given in its comment. */
export interface PullRequestOptions {
  /** `--github-report check|review|both`; default `review`. */
  report?: string;
  /** `--filter-mode added|diff_context|file`; default `added`. */
  filterMode?: string;
  /** `--fail-on error|warning|info|none`; default `error`. */
  failOn?: string;
  /** The positional paths of `berth lint`: only changed files at or under them are linted. */
  paths?: readonly string[];
  /** `--token`; wins over `GITHUB_TOKEN`. */
  token?: string;
  /** `--debug`: log every API request to stderr. */
  debug?: boolean;
  /** `--check-name`; the check run's name, default `berth`. */
  checkName?: string;
  /** `--spec`; the berth.yaml whose change triggers the drift check, default `berth.yaml`. */
  specPath?: string;
}

export interface Settings {
  report: ReportMode;
  filterMode: FilterMode;
  failOn: FailOn;
  /** Path prefixes without `./` or a trailing slash; empty means every changed file. */
  paths: string[];
  debug: boolean;
  checkName: string;
  specPath: string;
}

export function resolveOptions(options: PullRequestOptions): Settings {
  return {
    report: oneOf('--github-report', options.report ?? 'review', REPORT_MODES),
    filterMode: oneOf('--filter-mode', options.filterMode ?? 'added', FILTER_MODES),
    failOn: oneOf('--fail-on', options.failOn ?? 'error', FAIL_ON_LEVELS),
    paths: (options.paths ?? []).map(normalizePath).filter((path) => path !== ''),
    debug: options.debug ?? false,
    checkName: options.checkName || 'berth',
    specPath: normalizePath(options.specPath ?? 'berth.yaml'),
  };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const problem = `${flag} must be one of ${allowed.join(', ')}, not "${value}"`;
  throw new BerthError(diagnostic('BERTH-USAGE-ARGUMENT', { problem, command: 'lint' }));
}

/** Repository paths as GitHub spells them: no `./`, no trailing slash; `.` is the root. */
function normalizePath(path: string): string {
  const trimmed = path
    .trim()
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}

/** True when `path` is one of `prefixes` or lies under one; every path when there are none. */
export function isUnderAny(path: string, prefixes: readonly string[]): boolean {
  if (prefixes.length === 0) return true;
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
