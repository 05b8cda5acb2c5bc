import type { Code } from '../diagnostics/catalogue.js';
import { BerthError, diagnostic, type Data, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from './load.js';
import { formatPath } from './validate.js';
import { ValueProblem } from './values.js';
import type { YamlPath } from './types.js';

/**
 * What normalization carries along: the document (for positions and raw scalars) and the
 * problems found so far. Problems are collected rather than thrown one at a time, so a user
 * sees every mistake of a file in one run.
 */
export class NormalizeContext {
  readonly problems: Diagnostic[] = [];

  constructor(readonly document: LoadedDocument) {}

  report(code: Code, data: Data, path: YamlPath, atKey = false): void {
    const position = atKey ? this.document.locateKey(path) : this.document.locate(path);
    this.problems.push(
      diagnostic(code, data, { file: this.document.file, path: formatPath(path), ...position }),
    );
  }

  /** Runs a value parser; a ValueProblem becomes a BERTH-SPEC-VALUE at `path`. */
  parse<T>(path: YamlPath, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ValueProblem)) throw error;
      this.report(
        'BERTH-SPEC-VALUE',
        { subject: formatPath(path), problem: error.problem, valueHint: error.hint },
        path,
      );
      return undefined;
    }
  }

  /** A scalar written as a number or boolean, read back as the text the user wrote. */
  text(value: unknown, path: YamlPath): string {
    if (typeof value === 'string') return value;
    // The usual file writes its numbers as JavaScript prints them: no need to find the text.
    if (this.document.canonicalScalars) return String(value);
    return this.document.rawScalar(path) ?? String(value);
  }

  throwIfProblems(): void {
    if (this.problems.length > 0) throw new BerthError(this.problems);
  }
}
