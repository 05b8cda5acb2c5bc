import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hunkOverlaps, parsePatch, touchesAddedLine } from '../../github/diff.js';
import { patchFor } from './harness.js';

describe('parsePatch', () => {
  it('reads added lines and RIGHT-side hunk ranges', () => {
    const patch = [
      '@@ -1,4 +1,5 @@ class app {',
      ' line 1',
      '-old 2',
      '+new 2',
      '+new 3',
      ' line 4',
      '',
      '@@ -20,3 +21,2 @@',
      ' line 21',
      '-gone',
      ' line 22',
      '\\ No newline at end of file',
    ].join('\n');

    const diff = parsePatch(patch);

    expect([...diff.added]).toEqual([2, 3]);
    expect(diff.hunks).toEqual([
      { first: 1, last: 5 },
      { first: 21, last: 22 },
    ]);
  });

  it('gives a deletion-only hunk no RIGHT-side range', () => {
    const diff = parsePatch('@@ -3,2 +2,0 @@\n-a\n-b');
    expect(diff.hunks).toEqual([]);
    expect(diff.added.size).toBe(0);
  });

  it('reads a hunk header without counts as one line', () => {
    expect(parsePatch('@@ -1 +1 @@\n-a\n+b').hunks).toEqual([{ first: 1, last: 1 }]);
  });

  it('finds exactly the added lines of any generated diff', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 60 })),
        (length, candidates) => {
          const text = Array.from({ length }, (_, i) => `line ${i + 1}`).join('\n');
          const added = candidates.filter((line) => line <= length);
          const diff = parsePatch(patchFor(text, added));
          expect([...diff.added].sort((a, b) => a - b)).toEqual([...added].sort((a, b) => a - b));
          for (const line of added) {
            expect(diff.hunks.some((h) => h.first <= line && line <= h.last)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('ranges against a diff', () => {
  const diff = parsePatch('@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -10,2 +11,2 @@\n x\n y');

  it('clips a range to each hunk it overlaps', () => {
    expect(hunkOverlaps(diff, { first: 3, last: 11 })).toEqual([
      { first: 3, last: 4 },
      { first: 11, last: 11 },
    ]);
    expect(hunkOverlaps(diff, { first: 6, last: 9 })).toEqual([]);
  });

  it('tells whether a range touches an added line', () => {
    expect(touchesAddedLine(diff, { first: 1, last: 2 })).toBe(true);
    expect(touchesAddedLine(diff, { first: 3, last: 12 })).toBe(false);
  });
});
