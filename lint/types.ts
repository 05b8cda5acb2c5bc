/** How much a finding matters; `--fail-on` compares against this order. */
export type LintSeverity = 'error' | 'warning' | 'info';

export const severityOrder: Record<LintSeverity, number> = { info: 0, warning: 1, error: 2 };

/** One problem found in a recipe, manifest or Hiera file. Lines and columns start at 1. */
export interface Finding {
  /** Stable kebab-case rule id, e.g. `privileged-container`. */
  ruleId: string;
  severity: LintSeverity;
  /** A short lowercase phrase without a final period. */
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
  /**
   * Stays the same when unrelated lines move: built from the rule, the file, the resource and
   * the attribute concerned, never from line numbers.
   */
  fingerprint: string;
  /** Present when an inline comment or the configuration suppresses the finding. */
  suppression?: { kind: 'inline' | 'config'; reason: string };
  /** The resource concerned, when there is one: `docker_container` `web`. */
  resource?: { type: string; title: string };
}

/** One docker resource seen in a file, so silence can be told apart from a miss. */
export interface InventoryEntry {
  file: string;
  type: string;
  title: string;
  line: number;
  column: number;
  /**
   * Absent for a declaration. Puppet resource defaults (`Docker::Run { }`), overrides and
   * collectors set attributes without declaring; `include` declares a class.
   */
  form?: 'defaults' | 'override' | 'collector' | 'include';
  /** Where the resource was written: `recipe`, `manifest` or `hiera`. */
  source?: 'recipe' | 'manifest' | 'hiera';
}

export interface LintResult {
  files: string[];
  findings: Finding[];
  inventory: InventoryEntry[];
}
