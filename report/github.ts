import type { LintResult } from '../lint/types.js';
import { severityOrder } from '../lint/types.js';
import { formatFindingsAsWorkflowCommands } from './github-actions.js';

/**
 * GitHub Actions workflow commands, one annotation per open finding, errors first: the runner
 * shows only ten of each level per step, and the reporter counts what it leaves out.
 */
export function formatGithub(result: LintResult): string {
  const open = result.findings
    .filter((finding) => !finding.suppression)
    .sort((a, b) => severityOrder[b.severity] - severityOrder[a.severity]);
  const lines = formatFindingsAsWorkflowCommands(open);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
