import type { YamlPath } from '../../model/types.js';
import { fieldOf, NoteList } from '../notes.js';

export { fieldOf };

/**
 * What the cookbook says differently from the berth file. Warnings by default; the CLI makes
 * them errors under --strict.
 */
export class Notes extends NoteList {
  constructor() {
    super('chef');
  }

  /** Chef has no way to say this; the field is left out of the cookbook. */
  unsupported(path: YamlPath, consequence: string, genHint: string): void {
    this.push('BERTH-GEN-UNSUPPORTED', path, { field: fieldOf(path), consequence, genHint });
  }

  /** Chef says it, but not quite: the consequence says how the result differs. */
  approximate(path: YamlPath, consequence: string, genHint: string): void {
    this.push('BERTH-GEN-APPROXIMATE', path, { field: fieldOf(path), consequence, genHint });
  }

  /** The file leaves something to a default, and Chef's default differs from Docker's. */
  changedDefault(path: YamlPath, difference: string, genHint: string): void {
    this.push('BERTH-GEN-DEFAULT', path, { field: fieldOf(path), difference, genHint });
  }
}
