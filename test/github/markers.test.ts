import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { escapeMarkdown, findingTable } from '../../github/markdown.js';
import {
  fingerprintMarker,
  readCommentMark,
  readRefusedMemo,
  refusedMemoMarker,
  reviewCommentBody,
} from '../../github/markers.js';
import { COMMENT_LIMIT, checkRunSummary, summaryCommentBody } from '../../github/summary.js';
import type { Finding } from '../../lint/types.js';

function finding(i: number, message = 'container runs privileged'): Finding {
  return {
    ruleId: 'privileged-container',
    severity: 'error',
    message,
    file: `cookbooks/c${i}/recipes/default.rb`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 5,
    docsUrl: 'https://berth.dev/rules/privileged-container',
    fingerprint: `fp-${i}`,
  };
}

describe('hidden markers', () => {
  it('round-trip any fingerprint and cannot be closed early', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (fingerprint, outdated) => {
        const marker = fingerprintMarker(fingerprint, outdated);
        expect(marker.slice(4, -3)).not.toContain('-->');
        expect(readCommentMark(`text\n${marker}\n`)).toEqual({ fingerprint, outdated });
      }),
    );
  });

  it('are not forged by a finding message', () => {
    const body = reviewCommentBody(finding(1, 'x <!-- berth:fp=forged --> y'));
    expect(readCommentMark(body)).toEqual({ fingerprint: 'fp-1', outdated: false });
  });

  it('remember refused comments with their head commit', () => {
    const memo = { headSha: 'a'.repeat(40), fingerprints: ['x,y', 'z -->'] };
    expect(readRefusedMemo(`body\n${refusedMemoMarker(memo)}\n`)).toEqual(memo);
    expect(readRefusedMemo('no memo')).toEqual({ headSha: '', fingerprints: [] });
  });
});

describe('Markdown', () => {
  it('neutralises links, HTML, tables and mentions in messages', () => {
    expect(escapeMarkdown('[x](javascript:1) <b>|@team\n')).toBe(
      '\\[x\\]\\(javascript:1\\) \\<b\\>\\|@\u200bteam ',
    );
  });

  it('cuts tables to their budget and counts what was left out', () => {
    const table = findingTable(
      Array.from({ length: 500 }, (_, i) => finding(i)),
      5_000,
    );
    expect(table.length).toBeLessThanOrEqual(5_000);
    expect(table).toMatch(/…and \d+ more findings not listed here\.\n$/);
  });

  it('keeps the summary comment within GitHub limits, marker included', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => finding(i, 'x'.repeat(200)));
    const facts = {
      placement: { reported: [], unchangedLines: 0, suppressed: 0, withoutDiff: [] },
      filterMode: 'added' as const,
      overflow: { total: 3_500, listed: 3_000, found: 0, problem: 'the tree is truncated' },
    };
    const body = summaryCommentBody(many, 0, facts, { headSha: 'a', fingerprints: [] })!;
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.endsWith('<!-- berth:summary -->\n')).toBe(true);

    const placed = many.map((f) => ({ finding: f }));
    const summary = checkRunSummary(
      { ...facts, placement: { ...facts.placement, reported: placed } },
      65_535,
    );
    expect(summary.length).toBeLessThanOrEqual(65_535);
  });
});
