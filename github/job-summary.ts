import { appendFile } from 'node:fs/promises';

import { formatFindingsAsWorkflowCommands } from '../report/github-actions.js';
import { severityOrder } from '../lint/types.js';
import type { PlacedFinding } from './placement.js';

/**
 * Workflow-command annotations for every reported finding, for when the token cannot write
 * to the pull request. The runner shows only a few per step, so findings on diff lines and
 * the most severe come first.
 */
export function workflowAnnotationLines(reported: readonly PlacedFinding[]): string[] {
  const ordered = [...reported].sort(
    (a, b) =>
      Number(!a.anchor) - Number(!b.anchor) ||
      severityOrder[b.finding.severity] - severityOrder[a.finding.severity],
  );
  return formatFindingsAsWorkflowCommands(ordered.map((placed) => placed.finding));
}

/** Appends Markdown to the job summary file; GitHub renders it on the run's page. */
export async function appendJobSummary(path: string, markdown: string): Promise<void> {
  await appendFile(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}
