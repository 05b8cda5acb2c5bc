import type { Finding, LintSeverity } from '../lint/types.js';

/**
 * GitHub Actions workflow commands (`::error file=...::message`): the runner turns each line on
 * stdout into an annotation. This is the reporter of last resort when the token may not write
 * to the pull request, e.g. a pull request from a fork.
 */
export type WorkflowLevel = 'error' | 'warning' | 'notice';

export interface WorkflowAnnotation {
  level: WorkflowLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
}

/** The runner shows at most this many annotations of each level per step and drops the rest. */
export const ANNOTATIONS_PER_LEVEL_PER_STEP = 10;

const levelBySeverity: Record<LintSeverity, WorkflowLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

export function workflowLevel(severity: LintSeverity): WorkflowLevel {
  return levelBySeverity[severity];
}

/** Escapes the message part of a command: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatWorkflowCommand(annotation: WorkflowAnnotation): string {
  const properties = annotationProperties(annotation)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  const head = properties ? `${annotation.level} ${properties}` : annotation.level;
  return `::${head}::${escapeData(annotation.message)}`;
}

function annotationProperties(a: WorkflowAnnotation): [string, string | number][] {
  // Columns only mean something on a one-line range; the runner ignores them otherwise.
  const oneLine = a.line !== undefined && (a.endLine === undefined || a.endLine === a.line);
  const pairs: [string, string | number | undefined][] = [
    ['file', a.file],
    ['line', a.line],
    ['endLine', a.endLine],
    ['col', oneLine ? a.column : undefined],
    ['endColumn', oneLine ? a.endColumn : undefined],
    ['title', a.title],
  ];
  return pairs.filter((pair): pair is [string, string | number] => pair[1] !== undefined);
}

export function findingAnnotation(finding: Finding): WorkflowAnnotation {
  return {
    level: workflowLevel(finding.severity),
    title: `berth ${finding.ruleId}`,
    message: `${finding.message}\n${finding.docsUrl}`,
    file: finding.file,
    line: finding.line,
    endLine: finding.endLine,
    column: finding.column,
    endColumn: finding.endColumn,
  };
}

/**
 * One workflow command per finding, in the given order (put the most important first). Past
 * the runner's per-level display limit, findings are left out rather than silently dropped by
 * the runner, and a closing notice counts them and points at the job summary.
 */
export function formatFindingsAsWorkflowCommands(
  findings: readonly Finding[],
  perLevelLimit = ANNOTATIONS_PER_LEVEL_PER_STEP,
): string[] {
  // The closing notice takes a notice slot itself, so keep one free when notices overflow.
  const notices = findings.filter((f) => f.severity === 'info').length;
  const noticeBudget = notices >= perLevelLimit ? perLevelLimit - 1 : perLevelLimit;
  const shown = new Map<WorkflowLevel, number>();
  const lines: string[] = [];
  let omitted = 0;

  for (const finding of findings) {
    const annotation = findingAnnotation(finding);
    const count = shown.get(annotation.level) ?? 0;
    const limit = annotation.level === 'notice' ? noticeBudget : perLevelLimit;
    if (count >= limit) {
      omitted += 1;
      continue;
    }
    shown.set(annotation.level, count + 1);
    lines.push(formatWorkflowCommand(annotation));
  }

  if (omitted > 0) lines.push(formatWorkflowCommand(omissionNotice(omitted)));
  return lines;
}

function omissionNotice(omitted: number): WorkflowAnnotation {
  const findings = omitted === 1 ? '1 more finding is' : `${omitted} more findings are`;
  return {
    level: 'notice',
    title: 'berth',
    message:
      `${findings} not shown as annotations (the runner shows ` +
      `${ANNOTATIONS_PER_LEVEL_PER_STEP} per level); see the job summary`,
  };
}
