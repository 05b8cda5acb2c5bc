import type { Finding } from '../lint/types.js';
import { FILE_LISTING_CAP } from './files.js';
import { countText, findingTable, fitWithin, plural } from './markdown.js';
import { refusedMemoMarker, SUMMARY_MARKER, type RefusedMemo } from './markers.js';
import type { FilterMode, Placement } from './placement.js';
import type { Overflow } from './unlisted.js';

/** What every summary says besides the findings themselves. */
export interface ReportFacts {
  placement: Placement;
  filterMode: FilterMode;
  /** Set when the pull request changes more files than GitHub lists. */
  overflow?: Overflow;
}

/** The longest issue comment GitHub accepts. */
export const COMMENT_LIMIT = 65_536;

/** GitHub Actions keeps at most 1 MiB of job summary per step. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

/** Room kept free in each text for the header and notes around a table. */
const TABLE_MARGIN = 4_000;

export function checkRunTitle(findings: readonly Finding[]): string {
  return findings.length > 0 ? countText(findings) : 'No findings on changed lines';
}

export function checkRunSummary(facts: ReportFacts, limit: number): string {
  const findings = facts.placement.reported.map((placed) => placed.finding);
  return fitWithin(sections(findings, facts, limit), limit);
}

/** The Markdown appended to `$GITHUB_STEP_SUMMARY`. */
export function jobSummary(facts: ReportFacts, delivery?: string): string {
  const findings = facts.placement.reported.map((placed) => placed.finding);
  const intro = delivery ? `${delivery}\n\n` : '';
  const body = `## berth\n\n${intro}${sections(findings, facts, JOB_SUMMARY_LIMIT)}`;
  return fitWithin(body, JOB_SUMMARY_LIMIT);
}

function sections(findings: readonly Finding[], facts: ReportFacts, limit: number): string {
  const head =
    findings.length > 0
      ? `berth reports ${countText(findings)} in the files this pull request changes.\n\n`
      : 'berth reports no findings in the lines this pull request changes.\n\n';
  const table = findings.length > 0 ? `${findingTable(findings, limit - TABLE_MARGIN)}\n` : '';
  return `${head}${table}${notesText(facts)}`;
}

/**
 * The body of the one summary comment of a pull request, or undefined when there is nothing
 * to say: no finding outside the review comments and no file left unchecked.
 */
export function summaryCommentBody(
  outside: readonly Finding[],
  commented: number,
  facts: ReportFacts,
  refused: RefusedMemo,
): string | undefined {
  if (outside.length === 0 && !facts.overflow) return undefined;
  const lead =
    outside.length > 0
      ? `${plural(outside.length, 'finding')} cannot be shown as review comments ` +
        '(not on a line of the diff, or refused by GitHub):\n\n' +
        findingTable(outside, COMMENT_LIMIT - TABLE_MARGIN)
      : 'Every finding is shown as a review comment.\n';
  const comments = commented > 0 ? `\n${plural(commented, 'finding')} in review comments.\n` : '';
  const notes = notesText(facts);
  const body = `### berth\n\n${lead}${comments}${notes ? `\n${notes}` : ''}`;
  const memo = refused.fingerprints.length > 0 ? `${refusedMemoMarker(refused)}\n` : '';
  const markers = `\n${memo}${SUMMARY_MARKER}\n`;
  return fitWithin(body, COMMENT_LIMIT - markers.length) + markers;
}

/** What a summary comment becomes once nothing is left to say. */
export function settledSummaryCommentBody(commented: number): string {
  const rest =
    commented > 0
      ? `Every finding is shown as a review comment (${plural(commented, 'finding')}).`
      : 'No findings remain.';
  return `### berth\n\n${rest}\n\n${SUMMARY_MARKER}\n`;
}

function notesText(facts: ReportFacts): string {
  const { placement } = facts;
  const notes: string[] = [];
  if (facts.overflow) notes.push(overflowNote(facts.overflow));
  if (placement.withoutDiff.length > 0) {
    const files = placement.withoutDiff.map((path) => `\`${path.replace(/`/g, '')}\``);
    notes.push(
      `GitHub shows no diff for ${files.join(', ')} (binary or too large), ` +
        'so findings there cannot be review comments.',
    );
  }
  if (placement.unchangedLines > 0) {
    notes.push(
      `${plural(placement.unchangedLines, 'finding')} on unchanged lines not shown ` +
        `(filter mode \`${facts.filterMode}\`; \`file\` shows them).`,
    );
  }
  if (placement.suppressed > 0) {
    notes.push(
      `${plural(placement.suppressed, 'finding')} suppressed in the sources or configuration.`,
    );
  }
  return notes.length > 0 ? `${notes.map((note) => `- ${note}`).join('\n')}\n` : '';
}

/** What happened to the files past GitHub's listing: found and checked, or not checked. */
function overflowNote(overflow: Overflow): string {
  const lead =
    `GitHub lists only the first ${count(FILE_LISTING_CAP)} of the ` +
    `${count(overflow.total)} files this pull request changes`;
  if (overflow.problem !== undefined) {
    const missing = count(Math.max(0, overflow.total - overflow.listed));
    const why = `berth could not find the others (${overflow.problem})`;
    return `${lead}, and ${why}: **${missing} files were not checked**.`;
  }
  return (
    `${lead}; berth found the other changed files (${count(overflow.found)}) by comparing ` +
    'the file trees of the head commit and the merge base, and checked them too. GitHub ' +
    'shows no diff for them, so all their findings are reported, none as a review comment.'
  );
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
