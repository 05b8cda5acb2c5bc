import { isUnprocessable, type GitHubApi } from './api.js';
import type { PullRequestContext } from './context.js';
import type { Logger } from './logger.js';
import { plural } from './markdown.js';
import {
  outdatedCommentBody,
  readCommentMark,
  REVIEW_MARKER,
  reviewCommentBody,
  type CommentMark,
} from './markers.js';
import type { PlacedFinding } from './placement.js';

/** What became of each reported finding on the review side. */
export interface ReviewOutcome {
  /** Commented on in this run. */
  posted: PlacedFinding[];
  /** A comment from an earlier run already says it. */
  standing: PlacedFinding[];
  /** Not commentable (outside the diff, or refused by GitHub): the summary comment lists them. */
  inSummary: PlacedFinding[];
  /** Fingerprints GitHub refused as line comments on this head commit, this run or before. */
  refused: string[];
  /** Comments of fixed findings: deleted, or struck through when someone replied. */
  deleted: number;
  struckThrough: number;
}

/** A top-level review comment berth wrote in an earlier run. */
interface OwnComment {
  id: number;
  body: string;
  mark: CommentMark;
  hasReplies: boolean;
}

/**
 * Brings the pull request's review comments in line with the findings: posts the new ones in
 * one review, leaves standing ones alone, and retires those whose finding is gone. A rerun on
 * the same findings therefore writes nothing.
 */
export async function syncReview(
  api: GitHubApi,
  context: PullRequestContext,
  reported: readonly PlacedFinding[],
  refusedBefore: ReadonlySet<string>,
  logger: Logger,
): Promise<ReviewOutcome> {
  const own = await listOwnComments(api, context);
  const live = own.filter((comment) => !comment.mark.outdated);
  const liveFingerprints = new Set(live.map((comment) => comment.mark.fingerprint));
  const plan = planComments(reported, liveFingerprints, refusedBefore);

  const { posted, refused } = await postComments(api, context, plan.toPost, logger);
  const current = new Set(reported.map((placed) => placed.finding.fingerprint));
  const stale = live.filter((comment) => !current.has(comment.mark.fingerprint));
  const retired = await retireComments(api, context, stale);

  return {
    posted,
    standing: plan.standing,
    inSummary: [...plan.inSummary, ...refused],
    refused: [...plan.refusedAgain, ...refused].map((placed) => placed.finding.fingerprint),
    ...retired,
  };
}

export interface CommentPlan {
  toPost: PlacedFinding[];
  standing: PlacedFinding[];
  /** Everything the summary comment lists, `refusedAgain` included. */
  inSummary: PlacedFinding[];
  /** Commentable, but GitHub refused the comment on this head commit before: not retried. */
  refusedAgain: PlacedFinding[];
}

/**
 * Decides, without asking GitHub, which findings need a new comment. Findings sharing a
 * fingerprint are one finding to the reviewer: only the first gets a comment. A comment GitHub
 * refused on this head commit is not tried again, so a rerun stays quiet.
 */
export function planComments(
  reported: readonly PlacedFinding[],
  liveFingerprints: ReadonlySet<string>,
  refusedBefore: ReadonlySet<string> = new Set(),
): CommentPlan {
  const plan: CommentPlan = { toPost: [], standing: [], inSummary: [], refusedAgain: [] };
  const seen = new Set<string>();
  for (const placed of reported) {
    const fingerprint = placed.finding.fingerprint;
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);

    if (liveFingerprints.has(fingerprint)) plan.standing.push(placed);
    else if (placed.anchor && !refusedBefore.has(fingerprint)) plan.toPost.push(placed);
    else {
      plan.inSummary.push(placed);
      if (placed.anchor) plan.refusedAgain.push(placed);
    }
  }
  return plan;
}

async function listOwnComments(api: GitHubApi, context: PullRequestContext) {
  const comments = await api.paginate(api.rest.pulls.listReviewComments, {
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    per_page: 100,
  });
  const repliedTo = new Set(comments.map((comment) => comment.in_reply_to_id));

  const own: OwnComment[] = [];
  for (const comment of comments) {
    // Replies quote nothing berth can rely on; only thread starters carry berth's marker.
    const mark = comment.in_reply_to_id ? undefined : readCommentMark(comment.body);
    if (mark)
      own.push({ id: comment.id, body: comment.body, mark, hasReplies: repliedTo.has(comment.id) });
  }
  return own;
}

/**
 * Posts all new comments in one review. GitHub refuses a whole review (422) when any one
 * comment is invalid without saying which, so on a 422 the comments go one by one, and the
 * ones refused again move to the summary comment: no finding is lost.
 */
async function postComments(
  api: GitHubApi,
  context: PullRequestContext,
  toPost: readonly PlacedFinding[],
  logger: Logger,
): Promise<{ posted: PlacedFinding[]; refused: PlacedFinding[] }> {
  if (toPost.length === 0) return { posted: [], refused: [] };
  const pull = { owner: context.owner, repo: context.repo, pull_number: context.pullNumber };

  try {
    await api.rest.pulls.createReview({
      ...pull,
      commit_id: context.headSha,
      event: 'COMMENT',
      body: reviewBody(toPost.length),
      comments: toPost.map(commentFields),
    });
    return { posted: [...toPost], refused: [] };
  } catch (error) {
    if (!isUnprocessable(error)) throw error;
    logger.warn(
      `GitHub refused the review (422); posting its ${toPost.length} comments one by one`,
    );
  }

  const posted: PlacedFinding[] = [];
  const refused: PlacedFinding[] = [];
  for (const placed of toPost) {
    try {
      await api.rest.pulls.createReviewComment({
        ...pull,
        commit_id: context.headSha,
        ...commentFields(placed),
      });
      posted.push(placed);
    } catch (error) {
      if (!isUnprocessable(error)) throw error;
      logger.warn(`GitHub refused a comment on ${placed.finding.file}; it goes to the summary`);
      refused.push(placed);
    }
  }
  return { posted, refused };
}

function reviewBody(count: number): string {
  return `berth found ${plural(count, 'new problem')} on changed lines.\n\n${REVIEW_MARKER}\n`;
}

function commentFields(placed: PlacedFinding) {
  const anchor = placed.anchor ?? { first: placed.finding.line, last: placed.finding.line };
  const span =
    anchor.first < anchor.last ? { start_line: anchor.first, start_side: 'RIGHT' as const } : {};
  return {
    path: placed.finding.file,
    body: reviewCommentBody(placed.finding),
    line: anchor.last,
    side: 'RIGHT' as const,
    ...span,
  };
}

/**
 * Deletes comments of findings that are gone. A comment someone replied to is kept, struck
 * through, so the conversation keeps its context; resolving the thread is left to people.
 */
async function retireComments(
  api: GitHubApi,
  context: PullRequestContext,
  stale: readonly OwnComment[],
): Promise<{ deleted: number; struckThrough: number }> {
  const repo = { owner: context.owner, repo: context.repo };
  let deleted = 0;
  let struckThrough = 0;
  for (const comment of stale) {
    if (comment.hasReplies) {
      const body = outdatedCommentBody(comment.mark, comment.body);
      await api.rest.pulls.updateReviewComment({ ...repo, comment_id: comment.id, body });
      struckThrough += 1;
    } else {
      await ignoreNotFound(api.rest.pulls.deleteReviewComment({ ...repo, comment_id: comment.id }));
      deleted += 1;
    }
  }
  return { deleted, struckThrough };
}

/** Someone may have deleted the comment by hand since it was listed; that is fine. */
async function ignoreNotFound(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
}
