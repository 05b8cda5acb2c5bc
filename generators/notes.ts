import type { YamlPath } from '../model/types.js';
import type { TranslationNote } from './types.js';

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
 * The notes one render collects: everything a target says differently from the berth file,
 * each pointing at the YAML path that caused it. Each target adds its own wording on top.
 */
export class NoteList {
  readonly list: TranslationNote[] = [];

  constructor(protected readonly target: string) {}

  /**
   * A value the target cannot take at all, such as an `x-chef` key the cookbook lacks: an
   * error whatever the flags. `on: 'key'` points at the key rather than at its value.
   */
  invalid(path: YamlPath, problem: string, valueHint: string, on: 'key' | 'value' = 'value'): void {
    this.list.push({
      code: 'BERTH-SPEC-VALUE',
      severity: 'error',
      data: { target: this.target, subject: fieldOf(path), problem, valueHint },
      path,
      ...(on === 'key' ? { atKey: true } : {}),
    });
  }

  protected push(
    code: TranslationNote['code'],
    path: YamlPath,
    data: Record<string, string>,
    severity: TranslationNote['severity'] = 'warning',
  ): void {
    this.list.push({ code, severity, data: { target: this.target, ...data }, path });
  }
}
