import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One textual change to a file of a fixture. */
export interface Edit {
  /** The file, relative to the fixture directory. */
  file: string;
  /** The text to replace; it must occur exactly once. */
  find: string;
  replace: string;
}

/**
 * Copies `fixture` to `target` and applies the edits. An edit whose text is missing or
 * occurs more than once throws: a mutation that silently changed nothing would make its
 * test pass for the wrong reason.
 */
export async function mutatedCopy(fixture: string, target: string, edits: Edit[]): Promise<string> {
  await cp(fixture, target, { recursive: true });
  for (const edit of edits) {
    const path = join(target, edit.file);
    const text = await readFile(path, 'utf8');
    const count = text.split(edit.find).length - 1;
    if (count !== 1) {
      throw new Error(`edit of ${edit.file}: ${JSON.stringify(edit.find)} occurs ${count} times`);
    }
    await writeFile(
      path,
      text.replace(edit.find, () => edit.replace),
    );
  }
  return target;
}
