import type { LintResult } from '../lint/types.js';
import { summarise } from './summary.js';

/** The JSON report's shape; `version` changes only when a field changes meaning. */
export const JSON_REPORT_VERSION = 1;

/**
 * Everything a run found: open findings, suppressed ones with their reasons, the inventory of
 * docker resources, and counts. Keys come in a fixed order.
 */
export function formatJson(result: LintResult): string {
  const summary = summarise(result);
  const report = {
    version: JSON_REPORT_VERSION,
    tool: 'berth lint',
    summary: {
      files: summary.files,
      resources: summary.resources,
      resourceTypes: Object.fromEntries(summary.resourceTypes),
      findings: summary.findings,
      suppressed: summary.suppressed,
      errors: summary.errors,
      warnings: summary.warnings,
      infos: summary.infos,
    },
    files: result.files,
    findings: result.findings.filter((finding) => !finding.suppression),
    suppressed: result.findings.filter((finding) => finding.suppression),
    inventory: result.inventory,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
