/**
 * What a unified-diff `patch` (as the pull request files API returns it) says about the new
 * version of a file: which lines were added or changed, and which line ranges each hunk shows.
 * GitHub accepts review comments only on lines a hunk shows on its RIGHT side.
 */
export interface FileDiff {
  /** RIGHT-side line numbers of added or modified lines. */
  added: Set<number>;
  /** RIGHT-side line ranges shown by each hunk (added and context lines), in order. */
  hunks: LineRange[];
}

/** An inclusive range of lines, first <= last. */
export interface LineRange {
  first: number;
  last: number;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(patch: string): FileDiff {
  const diff: FileDiff = { added: new Set(), hunks: [] };
  let next = 0;
  let remaining = 0;

  for (const line of patch.split('\n')) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      next = Number(header[1]);
      remaining = header[2] === undefined ? 1 : Number(header[2]);
      // A hunk that only deletes shows no RIGHT-side line, so it adds no range.
      if (remaining > 0) diff.hunks.push({ first: next, last: next + remaining - 1 });
      continue;
    }
    if (remaining <= 0 || line.startsWith('-') || line.startsWith('\\')) continue;

    // '+' is an added line; ' ' (or an empty line, when trailing spaces were trimmed) is context.
    if (line.startsWith('+')) diff.added.add(next);
    next += 1;
    remaining -= 1;
  }
  return diff;
}

/** The hunk ranges clipped to `range`, in order; empty when the range is outside every hunk. */
export function hunkOverlaps(diff: FileDiff, range: LineRange): LineRange[] {
  return diff.hunks
    .filter((hunk) => hunk.first <= range.last && range.first <= hunk.last)
    .map((hunk) => ({
      first: Math.max(hunk.first, range.first),
      last: Math.min(hunk.last, range.last),
    }));
}

export function touchesAddedLine(diff: FileDiff, range: LineRange): boolean {
  for (let line = range.first; line <= range.last; line++) {
    if (diff.added.has(line)) return true;
  }
  return false;
}
