import type { LintResult } from '../lint/types.js';

export interface Summary {
  files: number;
  resources: number;
  /** Resource count by type, most frequent first, then by name. */
  resourceTypes: [string, number][];
  findings: number;
  suppressed: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts of a run; severities count unsuppressed findings only. */
export function summarise(result: LintResult): Summary {
  const types = new Map<string, number>();
  for (const entry of result.inventory) types.set(entry.type, (types.get(entry.type) ?? 0) + 1);
  const open = result.findings.filter((finding) => !finding.suppression);
  return {
    files: result.files.length,
    resources: result.inventory.length,
    resourceTypes: [...types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    findings: result.findings.length,
    suppressed: result.findings.length - open.length,
    errors: open.filter((finding) => finding.severity === 'error').length,
    warnings: open.filter((finding) => finding.severity === 'warning').length,
    infos: open.filter((finding) => finding.severity === 'info').length,
  };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `12 files, 31 docker resources (14 docker_container, ...), 5 findings (2 suppressed)`. */
export function summaryLine(result: LintResult): string {
  const summary = summarise(result);
  const types = summary.resourceTypes.map(([type, count]) => typeCount(type, count)).join(', ');
  const resources =
    summary.resources === 0
      ? 'no docker resources'
      : `${plural(summary.resources, 'docker resource')} (${types})`;
  const suppressed = summary.suppressed > 0 ? ` (${summary.suppressed} suppressed)` : '';
  const findings = `${plural(summary.findings, 'finding')}${suppressed}`;
  return `${plural(summary.files, 'file')}, ${resources}, ${findings}`;
}

/** `14 docker_container`; Puppet classes read as `2 classes`. */
function typeCount(type: string, count: number): string {
  if (type !== 'class') return `${count} ${type}`;
  return count === 1 ? '1 class' : `${count} classes`;
}
