import type { Finding, LintResult } from '../lint/types.js';
import { summaryLine } from './summary.js';

export interface TextOptions {
  /** Show each finding's source line with a caret under the span. */
  context?: boolean;
  /** List suppressed findings too, with their reasons. */
  showSuppressed?: boolean;
  color?: boolean;
  /** The text of a linted file, for `context`. */
  source?: (path: string) => string | undefined;
}

const COLORS = { error: '31', warning: '33', info: '36' } as const;

/**
 * One line per finding, `file:line:col severity message rule-id`, then the summary line. With
 * `context`, the source line follows, and a caret line under the finding's span.
 */
export function formatText(result: LintResult, options: TextOptions = {}): string {
  const lines: string[] = [];
  for (const finding of result.findings) {
    if (finding.suppression && !options.showSuppressed) continue;
    lines.push(headline(finding, options));
    if (options.context) lines.push(...context(finding, options.source?.(finding.file)));
  }
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

function headline(finding: Finding, options: TextOptions): string {
  const place = `${finding.file}:${finding.line}:${finding.column}`;
  const severity = paint(COLORS[finding.severity], finding.severity, options.color);
  const suppressed = finding.suppression ? ` (${suppressionNote(finding.suppression)})` : '';
  return `${place} ${severity} ${finding.message} ${finding.ruleId}${suppressed}`;
}

function suppressionNote(suppression: NonNullable<Finding['suppression']>): string {
  const by = suppression.kind === 'inline' ? 'comment' : 'configuration';
  return `suppressed by ${by}: ${suppression.reason}`;
}

/**
 * The source line, and `^` under the span's part of it (at least one). Tabs are shown as spaces
 * to the next multiple of four, so that the carets line up whatever the terminal's tab width.
 */
function context(finding: Finding, text: string | undefined): string[] {
  const line = text?.split('\n')[finding.line - 1]?.replace(/\r$/, '');
  if (line === undefined) return [];
  const gutter = `${finding.line} | `;
  const end = finding.endLine === finding.line ? finding.endColumn : line.length + 1;
  const before = widthOf(line.slice(0, finding.column - 1));
  const width = Math.max(1, widthOf(line.slice(0, end - 1)) - before);
  const carets = `${' '.repeat(before)}${'^'.repeat(width)}`;
  return [`${gutter}${expandTabs(line)}`, `${' '.repeat(gutter.length - 2)}| ${carets}`];
}

const TAB_STOP = 4;

function expandTabs(text: string): string {
  let shown = '';
  for (const char of text) {
    shown += char === '\t' ? ' '.repeat(TAB_STOP - (shown.length % TAB_STOP)) : char;
  }
  return shown;
}

function widthOf(text: string): number {
  return expandTabs(text).length;
}

function paint(code: string, text: string, on: boolean | undefined): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}
