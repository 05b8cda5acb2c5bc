import type { YamlPath } from '../../model/types.js';
import type { TranslationNote } from '../types.js';

const target = 'chef';

/** The field a path names, as the user reads it: `ports[2]` under a container, or from the top. */
export function fieldOf(path: YamlPath): string {
  const relative = path[0] === 'containers' ? path.slice(2) : path;
  return relative
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${segment}`,
    )
    .join('');
}

/**
 * The notes of one render: everything the cookbook says differently from the berth file, each
 * pointing at the YAML path that caused it. Warnings by default; the CLI makes them errors
 * under --strict.
 */
export class Notes {
  readonly list: TranslationNote[] = [];

  /** Chef has no way to say this; the field is left out of the cookbook. */
  unsupported(path: YamlPath, consequence: string, genHint: string): void {
    this.warn('BERTH-GEN-UNSUPPORTED', path, { consequence, genHint });
  }

  /** Chef says it, but not quite: the consequence says how the result differs. */
  approximate(path: YamlPath, consequence: string, genHint: string): void {
    this.warn('BERTH-GEN-APPROXIMATE', path, { consequence, genHint });
  }

  /** The file leaves something to a default, and Chef's default differs from Docker's. */
  changedDefault(path: YamlPath, difference: string, genHint: string): void {
    this.warn('BERTH-GEN-DEFAULT', path, { difference, genHint });
  }

  /** A value Chef cannot take at all: the cookbook would fail to compile. */
  invalid(path: YamlPath, problem: string, valueHint: string): void {
    this.list.push({
      code: 'BERTH-SPEC-VALUE',
      severity: 'error',
      data: { target, subject: fieldOf(path), problem, valueHint },
      path,
    });
  }

  private warn(code: TranslationNote['code'], path: YamlPath, data: Record<string, string>): void {
    this.list.push({
      code,
      severity: 'warning',
      data: { target, field: fieldOf(path), ...data },
      path,
    });
  }
}
