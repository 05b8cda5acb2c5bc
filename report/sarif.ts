import { rules } from '../lint/registry.js';
import type { RuleMeta } from '../lint/rule.js';
import { DOCS_BASE, docsUrl } from '../lint/rule.js';
import type { Finding, LintResult, LintSeverity } from '../lint/types.js';
import { summarise } from './summary.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<LintSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  /** berth's version, for `tool.driver.version`. */
  version?: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: every rule with its help link,
 * default level and, for security rules, `security-severity`; each finding with a
 * line-independent `partialFingerprints.primaryLocationLineHash` (berth's fingerprint), and
 * suppressed ones with `suppressions[].justification`. The inventory goes in
 * `run.properties`.
 */
export function formatSarif(result: LintResult, options: SarifOptions = {}): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const driver: Record<string, unknown> = {
    name: 'berth',
    informationUri: `${DOCS_BASE}/lint.md`,
    rules: rules.map(ruleDescriptor),
  };
  if (options.version) driver.version = options.version;
  const run = {
    tool: { driver },
    automationDetails: { id: 'berth-lint/' },
    columnKind: 'utf16CodeUnits',
    results: result.findings.map((finding) => resultOf(finding, index)),
    properties: { summary: summarise(result), files: result.files, inventory: result.inventory },
  };
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: RuleMeta) {
  const properties: Record<string, unknown> = { tags: [...rule.tags] };
  if (rule.securitySeverity !== undefined) {
    properties['security-severity'] = rule.securitySeverity.toFixed(1);
  }
  if (rule.anchors.length > 0) properties.equivalents = [...rule.anchors];
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: docsUrl(rule.id),
    help: { text: `${rule.description}. See ${docsUrl(rule.id)}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties,
  };
}

function resultOf(finding: Finding, index: Map<string, number>) {
  const sarif: Record<string, unknown> = {
    ruleId: finding.ruleId,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding) }],
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint },
  };
  const ruleIndex = index.get(finding.ruleId);
  if (ruleIndex !== undefined) sarif.ruleIndex = ruleIndex;
  if (finding.suppression) {
    const kind = finding.suppression.kind === 'inline' ? 'inSource' : 'external';
    sarif.suppressions = [{ kind, justification: finding.suppression.reason }];
  }
  return sarif;
}

function physicalLocation(finding: Finding) {
  return {
    artifactLocation: { uri: artifactUri(finding.file) },
    region: {
      startLine: finding.line,
      startColumn: finding.column,
      endLine: finding.endLine,
      endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column : 1),
    },
  };
}

/**
 * A relative path stays relative (code scanning wants paths relative to the repository); an
 * absolute one becomes a `file://` URI.
 */
export function artifactUri(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}
