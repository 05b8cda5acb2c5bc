/** The GitHub pull-request reporter: one entry point, `runPullRequest`. */
export {
  runPullRequest,
  type CheckDrift,
  type Delivery,
  type DriftRequest,
  type LintFiles,
  type PullRequestDeps,
  type PullRequestResult,
} from './run.js';
export {
  FAIL_ON_LEVELS,
  REPORT_MODES,
  type FailOn,
  type PullRequestOptions,
  type ReportMode,
} from './options.js';
export { FILTER_MODES, type FilterMode } from './placement.js';
export type { ApiTiming } from './api.js';
export type { SourceFile } from './files.js';
