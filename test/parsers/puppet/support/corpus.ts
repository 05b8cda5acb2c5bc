import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The differential corpus: every manifest of the Puppet modules Debian packages, installed
 * under /usr/share/puppet/modules by the packages listed in corpus-packages.txt (one name a
 * line, so that `xargs apt-get install -y < corpus-packages.txt` installs them) and the
 * modules they depend on.
 */
export const corpusRoot = '/usr/share/puppet/modules';

const here = dirname(fileURLToPath(import.meta.url));

export const corpusPackages: string[] = readFileSync(join(here, '../corpus-packages.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '');

export interface CorpusFile {
  /** The path under the corpus root, e.g. `apache/manifests/init.pp`. */
  name: string;
  path: string;
}

/** All `.pp` files under the root, following the symbolic links Debian installs, sorted. */
export function corpusFiles(root = corpusRoot): CorpusFile[] {
  const found: CorpusFile[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isDirectory()) pending.push(path);
      else if (stats?.isFile() && entry.endsWith('.pp'))
        found.push({ name: relative(root, path), path });
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Whether the corpus is installed. Under CI its absence is a failure; elsewhere the suite
 * skips with a message naming the packages to install.
 */
export function requireCorpus(suite: string): boolean {
  if (corpusFiles().length > 0) return true;
  const message =
    `${suite}: no Puppet manifests under ${corpusRoot}, so this suite is SKIPPED. ` +
    `Install them with \`apt-get install ${corpusPackages.join(' ')}\`.`;
  if (process.env.CI) throw new Error(`${message} Under CI a missing corpus is a failure.`);
  process.stderr.write(`\n*** ${message} ***\n\n`);
  return false;
}
