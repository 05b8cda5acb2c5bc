import type { GitHubApi } from './api.js';
import type { PullRequestContext } from './context.js';
import { isSummaryComment, readRefusedMemo, type RefusedMemo } from './markers.js';

export type SummaryCommentChange = 'created' | 'updated' | 'unchanged' | 'none';

/** The pull request's berth summary comment, found by its hidden marker. */
export interface SummaryComment {
  id: number;
  body: string;
  /** The line comments GitHub refused, as the comment remembers them. */
  refused: RefusedMemo;
}

export async function findSummaryComment(
  api: GitHubApi,
  context: PullRequestContext,
): Promise<SummaryComment | undefined> {
  const comments = await api.paginate(api.rest.issues.listComments, {
    owner: context.owner,
    repo: context.repo,
    issue_number: context.pullNumber,
    per_page: 100,
  });
  const found = comments.find((comment) => isSummaryComment(comment.body));
  if (!found?.body) return undefined;
  return { id: found.id, body: found.body, refused: readRefusedMemo(found.body) };
}

/**
 * Keeps at most one berth summary comment on the pull request. It is created only when there
 * is something to say, updated in place when its text changes, and left alone otherwise: a
 * rerun with the same findings writes nothing. `settled` is the text an existing comment
 * takes when `body` is undefined.
 */
export async function writeSummaryComment(
  api: GitHubApi,
  context: PullRequestContext,
  existing: SummaryComment | undefined,
  body: string | undefined,
  settled: string,
): Promise<SummaryCommentChange> {
  const repo = { owner: context.owner, repo: context.repo };
  if (!existing) {
    if (body === undefined) return 'none';
    await api.rest.issues.createComment({ ...repo, issue_number: context.pullNumber, body });
    return 'created';
  }

  const wanted = body ?? settled;
  if (existing.body === wanted) return 'unchanged';
  await api.rest.issues.updateComment({ ...repo, comment_id: existing.id, body: wanted });
  return 'updated';
}
