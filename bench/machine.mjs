// What every benchmark script shares: where the repository is, the machine description that
// goes next to each recorded figure, the median, and appending a dated report to RESULTS.md.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gib = (bytes) => (bytes / 2 ** 30).toFixed(0);
  return (
    `${cpus().length} cores (nproc), ${cpu}, ${gib(totalmem())} GiB memory ` +
    `(${gib(freemem())} GiB free), Node ${process.version}`
  );
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Appends a report under `## <section>` of bench/RESULTS.md, dated, with the machine. */
export function recordResults(section, report) {
  const results = join(root, 'bench', 'RESULTS.md');
  if (!existsSync(results)) writeFileSync(results, '# Benchmark results\n');
  if (!readFileSync(results, 'utf8').includes(`\n## ${section}\n`)) {
    appendFileSync(results, `\n## ${section}\n`);
  }
  const date = new Date().toISOString().slice(0, 10);
  appendFileSync(results, `\n### ${date}\n\nMachine: ${machine()}.\n\n${report}\n`);
}
