/** Unit formatting shared by the targets: the model keeps bytes and milliseconds. */

const sizeUnits: [string, number][] = [
  ['g', 1024 ** 3],
  ['m', 1024 ** 2],
  ['k', 1024],
];

/** Bytes in the largest unit that divides them exactly: 536870912 → `512m`; 1000 → `1000b`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of sizeUnits) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

/** Milliseconds as a Go duration Docker accepts: 90000 → `1m30s`, 1500 → `1500ms`. */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  let seconds = ms / 1000;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const text = `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${seconds ? `${seconds}s` : ''}`;
  return text || '0s';
}

/** `8000`, or `8000-8002` for a range. */
export function formatPortRange(range: { start: number; end: number }): string {
  return range.start === range.end ? `${range.start}` : `${range.start}-${range.end}`;
}
