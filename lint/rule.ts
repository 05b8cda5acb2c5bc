import type { LineIndex, Span } from '../diagnostics/position.js';
import type { ParseResult } from '../parsers/types.js';
import type { DriftContext } from './drift/context.js';
import type { DockerResource, SourceKind } from './extract/index.js';
import type { LintSeverity } from './types.js';

export type RuleTag =
  'security' | 'reliability' | 'correctness' | 'deprecation' | 'syntax' | 'suppression';

/** What a rule is: everything but its check, for formatters and documentation. */
export interface RuleMeta {
  /** Stable kebab-case id; the name of the rule's file and doc page. */
  id: string;
  /** The default severity; configuration may override it. */
  severity: LintSeverity;
  /** One line, a lowercase phrase without a final period. */
  description: string;
  tags: readonly RuleTag[];
  /**
   * The same check in the tools users compare berth with: kube-linter, Trivy (KSV),
   * hadolint, checkov, compose-lint.
   */
  anchors: readonly string[];
  /** For security rules: SARIF's `security-severity`, 0.0 to 10.0. */
  securitySeverity?: number;
}

/** One file, parsed and extracted, as a rule sees it. */
export interface LintedFile {
  path: string;
  source: SourceKind;
  text: string;
  lines: LineIndex;
  parse: ParseResult;
  resources: DockerResource[];
  /** Suppression comments that are mistakes, found by the engine before the rules run. */
  suppressionProblems: readonly Problem[];
  /** The run's berth-file lookup, and this file's parser for the text berth would generate. */
  drift?: { context: DriftContext; reparse: (text: string) => ParseResult };
}

/** What a rule reports; the engine adds the rule, severity, file and fingerprint. */
export interface Problem {
  span: Span;
  /** A short lowercase phrase without a final period. */
  message: string;
  resource?: DockerResource;
  /** The attribute concerned, as written; part of the fingerprint. */
  attribute?: string;
  /** The value concerned, normalised (`SYS_ADMIN`); part of the fingerprint. */
  value?: string;
  /**
   * This finding's severity when the configuration does not set the rule's: for a rule whose
   * cases differ (a removed parameter fails compilation, an unused one does not).
   */
  severity?: LintSeverity;
}

export type Report = (problem: Problem) => void;

export interface Rule extends RuleMeta {
  check(file: LintedFile, report: Report): void;
}

/**
 * Where `docs/` is published. Findings link to `<base>/rules/<rule-id>.md`; change the base
 * here when the documentation moves.
 */
export const DOCS_BASE = 'https://github.com/berth/berth/blob/main/docs';

const RULE_DOCS_BASE = `${DOCS_BASE}/rules`;

export function docsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${ruleId}.md`;
}
