import { isReadOnlyTokenError, type GitHubApi } from './api.js';
import { CHECK_TEXT_LIMIT, publishCheckRun, type CheckConclusion } from './check-run.js';
import type { PullRequestContext } from './context.js';
import type { Logger } from './logger.js';
import type { Settings } from './options.js';
import { syncReview } from './review.js';
import {
  checkRunSummary,
  checkRunTitle,
  settledSummaryCommentBody,
  summaryCommentBody,
  type ReportFacts,
} from './summary.js';
import { findSummaryComment, writeSummaryComment } from './summary-comment.js';

/** How findings reached people: through the API, or as workflow commands on stdout. */
export type Delivery = 'github' | 'workflow-commands' | 'none';

/** What every step of one run shares. */
export interface Session {
  api: GitHubApi;
  context: PullRequestContext;
  settings: Settings;
  logger: Logger;
}

/**
 * Publishes through the API. When the token turns out to be read-only (a pull request from a
 * fork), nothing more is attempted and the findings go to stdout as workflow commands.
 */
export async function deliver(
  session: Session,
  facts: ReportFacts,
  failing: boolean,
): Promise<Delivery> {
  const { settings, context, logger } = session;
  try {
    if (settings.report !== 'review') await publishChecks(session, facts, failing);
    if (settings.report !== 'check') await publishReview(session, facts);
    return 'github';
  } catch (error) {
    if (!isReadOnlyTokenError(error)) throw error;
    const why = context.fromFork ? 'the pull request comes from a fork' : 'GitHub answered 403';
    logger.warn(`the token may not write to the pull request (${why}); printing annotations`);
    return 'workflow-commands';
  }
}

async function publishChecks(session: Session, facts: ReportFacts, failing: boolean) {
  const findings = facts.placement.reported.map((placed) => placed.finding);
  const conclusion: CheckConclusion = failing
    ? 'failure'
    : findings.length > 0
      ? 'neutral'
      : 'success';
  await publishCheckRun(session.api, session.context, {
    name: session.settings.checkName,
    title: checkRunTitle(findings),
    summary: checkRunSummary(facts, CHECK_TEXT_LIMIT),
    conclusion,
    findings,
  });
}

async function publishReview(session: Session, facts: ReportFacts): Promise<void> {
  const { api, context, logger } = session;
  const summary = await findSummaryComment(api, context);
  const memo = summary?.refused;
  const refusedBefore = new Set(memo?.headSha === context.headSha ? memo.fingerprints : []);
  const outcome = await syncReview(api, context, facts.placement.reported, refusedBefore, logger);

  const commented = outcome.posted.length + outcome.standing.length;
  const outside = outcome.inSummary.map((placed) => placed.finding);
  const refused = { headSha: context.headSha, fingerprints: outcome.refused };
  const change = await writeSummaryComment(
    api,
    context,
    summary,
    summaryCommentBody(outside, commented, facts, refused),
    settledSummaryCommentBody(commented),
  );
  logger.debug(
    `review: ${outcome.posted.length} posted, ${outcome.standing.length} standing, ` +
      `${outcome.deleted} deleted, ${outcome.struckThrough} struck through; summary ${change}`,
  );
}
