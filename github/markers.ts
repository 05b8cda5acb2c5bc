import type { Finding } from '../lint/types.js';
import { findingHeadline } from './markdown.js';

/**
 * Hidden HTML comments that let a later run recognise what berth wrote before: each review
 * comment names its finding's fingerprint, and the one summary comment names itself. The
 * fingerprint is URI-encoded so it cannot close the HTML comment.
 */
const FINGERPRINT_MARKER = /<!-- berth:fp=([^\s>]*)( outdated)? -->/;

export const SUMMARY_MARKER = '<!-- berth:summary -->';
export const REVIEW_MARKER = '<!-- berth:review -->';

export interface CommentMark {
  fingerprint: string;
  /** The comment was kept after its finding went away, because someone replied to it. */
  outdated: boolean;
}

export function fingerprintMarker(fingerprint: string, outdated = false): string {
  return `<!-- berth:fp=${encodeURIComponent(fingerprint)}${outdated ? ' outdated' : ''} -->`;
}

export function readCommentMark(body: string | null | undefined): CommentMark | undefined {
  const match = FINGERPRINT_MARKER.exec(body ?? '');
  if (match?.[1] === undefined) return undefined;
  let fingerprint: string;
  try {
    fingerprint = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return { fingerprint, outdated: match[2] !== undefined };
}

/**
 * The summary comment remembers which line comments GitHub refused on which head commit, so
 * a rerun on that commit does not try them again; a new commit gets a fresh try.
 */
export interface RefusedMemo {
  headSha: string;
  fingerprints: string[];
}

const REFUSED_MARKER = /<!-- berth:refused head=([0-9a-f]+) fp=([^\s>]*) -->/;

export function refusedMemoMarker(memo: RefusedMemo): string {
  const list = memo.fingerprints.map(encodeURIComponent).join(',');
  return `<!-- berth:refused head=${memo.headSha} fp=${list} -->`;
}

export function readRefusedMemo(body: string): RefusedMemo {
  const match = REFUSED_MARKER.exec(body);
  if (!match?.[1]) return { headSha: '', fingerprints: [] };
  const fingerprints = (match[2] ?? '').split(',').filter(Boolean).flatMap(decodeOrSkip);
  return { headSha: match[1], fingerprints };
}

function decodeOrSkip(text: string): string[] {
  try {
    return [decodeURIComponent(text)];
  } catch {
    return [];
  }
}

export function isSummaryComment(body: string | null | undefined): boolean {
  return (body ?? '').includes(SUMMARY_MARKER);
}

/** The body of a review comment on one finding. */
export function reviewCommentBody(finding: Finding): string {
  return `${findingHeadline(finding)}\n\n${fingerprintMarker(finding.fingerprint)}\n`;
}

/** The body a replied-to comment gets once its finding is gone: struck through, kept. */
export function outdatedCommentBody(finding: CommentMark, previousBody: string): string {
  const headline = previousBody.split('\n', 1)[0] ?? '';
  return (
    `~~${headline}~~\n\n` +
    'berth no longer reports this on the latest commit; ' +
    'the thread stays because it has replies.\n\n' +
    `${fingerprintMarker(finding.fingerprint, true)}\n`
  );
}
