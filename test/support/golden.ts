import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const goldenRoot = new URL('../golden/', import.meta.url).pathname;

/** The golden cases: each folder of test/golden/ holding a berth.yaml. */
export function goldenCases(): string[] {
  return readdirSync(goldenRoot)
    .filter((name) => existsSync(join(goldenRoot, name, 'berth.yaml')))
    .sort();
}

/** Every file below `dir`, as paths relative to it with `/`, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return files;
}
