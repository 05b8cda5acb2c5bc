import type { Finding } from '../lint/types.js';
import { hunkOverlaps, touchesAddedLine, type FileDiff, type LineRange } from './diff.js';
import type { ChangedFile } from './files.js';

/**
 * Which findings of the changed files a pull request report shows:
 * - `added`: findings touching an added or modified line (the default);
 * - `diff_context`: findings touching any line the diff shows, context lines included;
 * - `file`: every finding of the changed files.
 */
export type FilterMode = 'added' | 'diff_context' | 'file';

export const FILTER_MODES: readonly FilterMode[] = ['added', 'diff_context', 'file'];

/** A finding the report shows, and where a review comment may sit. */
export interface PlacedFinding {
  finding: Finding;
  /**
   * RIGHT-side lines a review comment may span, all inside one hunk. Absent when no hunk shows
   * the finding: it is reported in the summary instead.
   */
  anchor?: LineRange;
}

export interface Placement {
  /** The findings to report, ordered by file, line, column and rule. */
  reported: PlacedFinding[];
  /** Findings left out by the filter mode because they sit on unchanged lines. */
  unchangedLines: number;
  /** Findings left out because an inline comment or the configuration suppresses them. */
  suppressed: number;
  /** Changed files with findings but no diff GitHub shows (binary or too large). */
  withoutDiff: string[];
}

/**
 * Sorts lint findings into reported and left out. Drift findings are always reported: a
 * generated file out of step with berth.yaml matters wherever the difference sits.
 */
export function placeFindings(
  lintFindings: readonly Finding[],
  driftFindings: readonly Finding[],
  files: readonly ChangedFile[],
  mode: FilterMode,
): Placement {
  const changed = new Map(files.map((file) => [file.path, file]));
  const placement: Placement = { reported: [], unchangedLines: 0, suppressed: 0, withoutDiff: [] };
  const withoutDiff = new Set<string>();

  const consider = (finding: Finding, filter: FilterMode): void => {
    if (finding.suppression) {
      placement.suppressed += 1;
      return;
    }
    const file = changed.get(finding.file);
    // Files past GitHub's listing have no diff for another reason, told by their own note.
    if (file && !file.diff && !file.unlisted) withoutDiff.add(file.path);
    if (file?.diff && !passes(file.diff, rangeOf(finding), filter)) {
      placement.unchangedLines += 1;
      return;
    }
    placement.reported.push({ finding, anchor: file?.diff && anchorIn(file.diff, finding) });
  };

  for (const finding of lintFindings) {
    // The linter sees only changed files; a finding elsewhere is not this pull request's.
    if (changed.has(finding.file)) consider(finding, mode);
  }
  for (const finding of driftFindings) consider(finding, 'file');

  placement.reported.sort((a, b) => compareFindings(a.finding, b.finding));
  placement.withoutDiff = [...withoutDiff].sort();
  return placement;
}

function rangeOf(finding: Finding): LineRange {
  return { first: finding.line, last: Math.max(finding.line, finding.endLine) };
}

function passes(diff: FileDiff, range: LineRange, mode: FilterMode): boolean {
  if (mode === 'file') return true;
  if (mode === 'diff_context') return hunkOverlaps(diff, range).length > 0;
  return touchesAddedLine(diff, range);
}

/**
 * The part of the finding's lines that the first hunk showing it covers. GitHub rejects a
 * multi-line comment whose start and end fall in different hunks, so the range is clipped.
 */
function anchorIn(diff: FileDiff, finding: Finding): LineRange | undefined {
  return hunkOverlaps(diff, rangeOf(finding))[0];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
