import type { Finding, LintSeverity } from '../lint/types.js';

/**
 * Markdown for comments, check run summaries and the job summary. Messages can quote values
 * from the linted files, so they are escaped: they must not open links, HTML (our hidden
 * markers live in HTML comments) or tables, nor mention people.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#|!~]/g, (char) => `\\${char}`)
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

/** A link target that cannot end the link early. */
export function safeUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (char) => encodeURIComponent(char));
}

const severityLabel: Record<LintSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

export function severityText(severity: LintSeverity): string {
  return severityLabel[severity];
}

/** `Error [rule-id](docs): message`, the head line of every place a finding is shown. */
export function findingHeadline(finding: Finding): string {
  const rule = `[\`${finding.ruleId}\`](${safeUrl(finding.docsUrl)})`;
  return `**${severityText(finding.severity)}** ${rule}: ${escapeMarkdown(finding.message)}`;
}

export function locationText(finding: Finding): string {
  const end = finding.endLine > finding.line ? `-${finding.endLine}` : '';
  return `${finding.file}:${finding.line}${end}`;
}

/** Counts such as "2 errors, 1 warning, 3 info"; "no findings" when there are none. */
export function countText(findings: readonly Finding[]): string {
  const parts = (['error', 'warning', 'info'] as const)
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => (severity === 'info' ? `${count} info` : plural(count, severity)));
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A table of findings that fits in `budget` characters; rows that do not fit are counted in a
 * closing line instead.
 */
export function findingTable(findings: readonly Finding[], budget: number): string {
  const head = '| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n';
  let table = head;
  let shown = 0;
  for (const finding of findings) {
    const row = findingRow(finding);
    if (table.length + row.length + OVERFLOW_LINE_ROOM > budget) break;
    table += row;
    shown += 1;
  }
  const left = findings.length - shown;
  return left > 0 ? `${table}\n…and ${plural(left, 'more finding')} not listed here.\n` : table;
}

const OVERFLOW_LINE_ROOM = 60;

function findingRow(finding: Finding): string {
  const rule = `[\`${finding.ruleId}\`](${safeUrl(finding.docsUrl)})`;
  const location = `\`${locationText(finding).replace(/[`|]/g, '')}\``;
  const message = escapeMarkdown(finding.message);
  return `| ${severityText(finding.severity)} | ${location} | ${rule} | ${message} |\n`;
}

/** Cuts text to `limit` characters, ending with a note when anything was cut. */
export function fitWithin(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = '\n\n…(cut to fit GitHub’s size limit)\n';
  return text.slice(0, limit - note.length) + note;
}
