import { catalogue, type Code } from './catalogue.js';

export type Severity = 'error' | 'warning';

/** One problem for the user: where, which code, what, and how to fix it. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  hint: string;
  file?: string;
  line?: number;
  column?: number;
  /** The YAML path of the value concerned, as `containers.web.ports[0]`. */
  path?: string;
  /** The generation target concerned, for BERTH-GEN-* codes. */
  target?: string;
  /** Other YAML paths the same problem applies to, reported once. */
  also?: string[];
}

export interface Where {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
  target?: string;
  also?: string[];
}

export type Data = Record<string, string | number>;

function fill(template: string, data: Data): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(data[key] ?? ''));
}

/** Builds a diagnostic from the catalogue; placeholders missing from `data` become empty. */
export function diagnostic(
  code: Code,
  data: Data,
  where: Where = {},
  severity: Severity = 'error',
): Diagnostic {
  const entry = catalogue[code];
  return {
    code,
    severity,
    message: fill(entry.message, data),
    hint: fill(entry.hint, data),
    ...where,
  };
}

/**
 * The one exception type for bad user input. The CLI prints its diagnostics and exits 2; any
 * other exception that reaches the CLI is a defect and is reported as BERTH-INTERNAL.
 */
export class BerthError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => `${d.code} ${d.message}`).join('\n'));
    this.name = 'BerthError';
    this.diagnostics = list;
  }
}

/** Throws a BerthError with one diagnostic. */
export function fail(code: Code, data: Data, where: Where = {}): never {
  throw new BerthError(diagnostic(code, data, where));
}
