import type { Finding, LintSeverity } from '../lint/types.js';
import type { GitHubApi } from './api.js';
import type { PullRequestContext } from './context.js';
import { fitWithin } from './markdown.js';

/** GitHub takes at most 50 annotations per create or update request; more are refused. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** The longest check run title and summary GitHub accepts. */
export const CHECK_TEXT_LIMIT = 65_535;

export type CheckConclusion = 'success' | 'neutral' | 'failure';

export interface CheckRunReport {
  name: string;
  title: string;
  /** Markdown; cut to fit the limit. */
  summary: string;
  conclusion: CheckConclusion;
  findings: readonly Finding[];
}

type AnnotationLevel = 'notice' | 'warning' | 'failure';

const annotationLevel: Record<LintSeverity, AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  info: 'notice',
};

/**
 * Publishes a check run on the head commit. Annotations go in batches of 50: the first with
 * the create call, the rest as updates, which GitHub appends; the last request completes the
 * run with its conclusion. N findings cost max(1, ceil(N / 50)) writes.
 */
export async function publishCheckRun(
  api: GitHubApi,
  context: PullRequestContext,
  report: CheckRunReport,
): Promise<{ id: number; requests: number }> {
  const batches = chunk(report.findings.map(toAnnotation), ANNOTATIONS_PER_REQUEST);
  const output = (annotations: Annotation[] = []) => ({
    title: fitWithin(report.title, CHECK_TEXT_LIMIT),
    summary: fitWithin(report.summary, CHECK_TEXT_LIMIT),
    annotations,
  });
  const repo = { owner: context.owner, repo: context.repo };
  const finish = { status: 'completed' as const, conclusion: report.conclusion };

  const [first, ...rest] = batches;
  const created = await api.rest.checks.create({
    ...repo,
    name: report.name,
    head_sha: context.headSha,
    ...(rest.length === 0 ? finish : { status: 'in_progress' as const }),
    output: output(first),
  });

  for (const [index, annotations] of rest.entries()) {
    const last = index === rest.length - 1;
    await api.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      ...(last ? finish : {}),
      output: output(annotations),
    });
  }
  return { id: created.data.id, requests: 1 + rest.length };
}

interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title: string;
  raw_details: string;
}

/** The longest annotation message GitHub accepts is 64 KB; berth's are far shorter. */
const ANNOTATION_TEXT_LIMIT = 64 * 1024 - 1;

function toAnnotation(finding: Finding): Annotation {
  const endLine = Math.max(finding.line, finding.endLine);
  // GitHub accepts columns only when the annotation covers a single line.
  const columns =
    endLine === finding.line && finding.endColumn >= finding.column
      ? { start_column: finding.column, end_column: finding.endColumn }
      : {};
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: endLine,
    ...columns,
    annotation_level: annotationLevel[finding.severity],
    message: fitWithin(finding.message, ANNOTATION_TEXT_LIMIT),
    title: finding.ruleId,
    raw_details: finding.docsUrl,
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}
