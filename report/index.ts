import type { LintResult } from '../lint/types.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github', 'checkstyle'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatOptions {
  /** text: show each finding's source line with a caret (`--context`). */
  context?: boolean;
  /** text: list suppressed findings too (`--show-suppressed`). */
  showSuppressed?: boolean;
  /** text: color severities. */
  color?: boolean;
  /** sarif: berth's version. */
  version?: string;
}

/** A result in one of the output formats; the text of each file is read for `context`. */
export function formatResult(
  result: LintResult & { source?: (path: string) => string | undefined },
  format: OutputFormat,
  options: FormatOptions = {},
): string {
  switch (format) {
    case 'text': {
      const textOptions = { ...options, ...(result.source ? { source: result.source } : {}) };
      return formatText(result, textOptions);
    }
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, options.version ? { version: options.version } : {});
    case 'github':
      return formatGithub(result);
    case 'checkstyle':
      return formatCheckstyle(result);
  }
}
