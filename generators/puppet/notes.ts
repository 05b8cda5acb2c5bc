import type { YamlPath } from '../../model/types.js';
import type { TranslationNote } from '../types.js';

const target = 'puppet';

/**
 * The notes one render collects: every place where the module cannot say exactly what the
 * berth file says. Each names the field, what happens instead, and what the user can do.
 */
export class Notes {
  readonly list: TranslationNote[] = [];

  /** Puppet carries the field, but not with exactly the same behaviour. */
  approximate(path: YamlPath, field: string, consequence: string, hint: string): void {
    this.push('BERTH-GEN-APPROXIMATE', path, { field, consequence, genHint: hint });
  }

  /** Puppet cannot carry the field at all. */
  unsupported(
    path: YamlPath,
    field: string,
    consequence: string,
    hint: string,
    error = false,
  ): void {
    const data = { field, consequence, genHint: hint };
    this.push('BERTH-GEN-UNSUPPORTED', path, data, error ? 'error' : 'warning');
  }

  /** The module behaves differently from what a reader of the berth file would assume. */
  differs(path: YamlPath, difference: string, hint: string): void {
    this.push('BERTH-GEN-DEFAULT', path, { difference, genHint: hint });
  }

  /** A value the module cannot accept, such as an `x-puppet` key it does not have. */
  invalid(path: YamlPath, problem: string, hint: string): void {
    const subject = path.slice(2).map(String).join('.');
    this.list.push({
      code: 'BERTH-SPEC-VALUE',
      severity: 'error',
      data: { target, subject, problem, valueHint: hint },
      path,
    });
  }

  private push(
    code: TranslationNote['code'],
    path: YamlPath,
    data: Record<string, string>,
    severity: TranslationNote['severity'] = 'warning',
  ): void {
    this.list.push({ code, severity, data: { target, ...data }, path });
  }
}
