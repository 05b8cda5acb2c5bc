import type { YamlPath } from '../../model/types.js';
import { NoteList } from '../notes.js';

/**
 * Every place where the module cannot say exactly what the berth file says. Each names the
 * field, what happens instead, and what the user can do.
 */
export class Notes extends NoteList {
  constructor() {
    super('puppet');
  }

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
}
