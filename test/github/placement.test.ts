import { describe, expect, it } from 'vitest';

import { parsePatch } from '../../github/diff.js';
import type { ChangedFile } from '../../github/files.js';
import { placeFindings, type FilterMode } from '../../github/placement.js';
import { planComments } from '../../github/review.js';
import type { Finding } from '../../lint/types.js';

function finding(file: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'rule',
    severity: 'error',
    message: 'm',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    docsUrl: 'https://berth.dev/rules/rule',
    fingerprint: `${file}:${line}:${overrides.ruleId ?? 'rule'}`,
    ...overrides,
  };
}

// Lines 1-7 shown, line 4 added; lines 20-22 shown, line 21 added.
const patch = [
  '@@ -1,6 +1,7 @@',
  ' 1',
  ' 2',
  ' 3',
  '+4',
  ' 5',
  ' 6',
  ' 7',
  '@@ -19,2 +20,3 @@',
  ' 20',
  '+21',
  ' 22',
].join('\n');
const files: ChangedFile[] = [
  { path: 'a.rb', status: 'modified', diff: parsePatch(patch) },
  { path: 'big.pp', status: 'modified' },
];

const place = (findings: Finding[], mode: FilterMode, drift: Finding[] = []) =>
  placeFindings(findings, drift, files, mode);
const lines = (placement: ReturnType<typeof place>) =>
  placement.reported.map((p) => [p.finding.file, p.finding.line, p.anchor ?? null]);

describe('filter modes', () => {
  const findings = [
    finding('a.rb', 4),
    finding('a.rb', 2),
    finding('a.rb', 12),
    finding('a.rb', 19, { endLine: 21 }),
    finding('big.pp', 3),
    finding('elsewhere.rb', 1),
  ];

  it('added: keeps findings touching an added line', () => {
    const placement = place(findings, 'added');
    expect(lines(placement)).toEqual([
      ['a.rb', 4, { first: 4, last: 4 }],
      ['a.rb', 19, { first: 20, last: 21 }],
      ['big.pp', 3, null],
    ]);
    expect(placement.unchangedLines).toBe(2);
    expect(placement.withoutDiff).toEqual(['big.pp']);
  });

  it('diff_context: keeps findings on any line a hunk shows', () => {
    expect(lines(place(findings, 'diff_context')).map(([, line]) => line)).toEqual([2, 4, 19, 3]);
  });

  it('file: keeps every finding of the changed files, anchoring those in a hunk', () => {
    expect(lines(place(findings, 'file'))).toEqual([
      ['a.rb', 2, { first: 2, last: 2 }],
      ['a.rb', 4, { first: 4, last: 4 }],
      ['a.rb', 12, null],
      ['a.rb', 19, { first: 20, last: 21 }],
      ['big.pp', 3, null],
    ]);
  });

  it('counts suppressed findings and leaves them out', () => {
    const suppressed = finding('a.rb', 4, { suppression: { kind: 'inline', reason: 'needed' } });
    const placement = place([suppressed], 'file');
    expect(placement.reported).toEqual([]);
    expect(placement.suppressed).toBe(1);
  });

  it('always reports drift findings, even on unchanged lines or files', () => {
    const drift = [
      finding('a.rb', 12, { ruleId: 'drift' }),
      finding('gen.pp', 1, { ruleId: 'drift' }),
    ];
    expect(lines(place([], 'added', drift))).toEqual([
      ['a.rb', 12, null],
      ['gen.pp', 1, null],
    ]);
  });
});

describe('planning review comments', () => {
  const placed = place(
    [finding('a.rb', 4), finding('a.rb', 5, { fingerprint: 'a.rb:4:rule' }), finding('a.rb', 12)],
    'file',
  ).reported;

  it('posts new anchored findings once per fingerprint and summarizes the rest', () => {
    const plan = planComments(placed, new Set());
    expect(plan.toPost.map((p) => p.finding.line)).toEqual([4]);
    expect(plan.inSummary.map((p) => p.finding.line)).toEqual([12]);
  });

  it('leaves standing comments alone and does not retry refused ones', () => {
    const plan = planComments(placed, new Set(['a.rb:12:rule']), new Set(['a.rb:4:rule']));
    expect(plan.toPost).toEqual([]);
    expect(plan.standing.map((p) => p.finding.line)).toEqual([12]);
    expect(plan.refusedAgain.map((p) => p.finding.line)).toEqual([4]);
    expect(plan.inSummary.map((p) => p.finding.line)).toEqual([4]);
  });
});
