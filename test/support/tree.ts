import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file and folder below `dir` with its content hash and modification time. */
export function snapshotTree(dir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  if (!existsSync(dir)) return snapshot;
  const walk = (current: string, prefix: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      const stat = lstatSync(full);
      const key = `${prefix}${entry}`;
      if (stat.isDirectory()) {
        snapshot[`${key}/`] = 'dir';
        walk(full, `${key}/`);
      } else if (!stat.isFile()) {
        snapshot[key] = 'special';
      } else {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        snapshot[key] = `${hash} ${stat.mtimeMs}`;
      }
    }
  };
  walk(dir, '');
  return snapshot;
}
