import { isApiError, type GitHubApi } from './api.js';
import type { PullRequestContext } from './context.js';
import type { ChangedFile } from './files.js';

/** What became of the files a pull request changes beyond GitHub's 3,000-file listing. */
export interface Overflow {
  /** How many files the pull request changes, as GitHub counts them. */
  total: number;
  /** How many files the listing gave. */
  listed: number;
  /** Changed paths found past the listing by comparing trees; 0 when they could not be. */
  found: number;
  /** Why the files past the listing could not be found; absent when they were. */
  problem?: string;
}

/** A commit's files by path, each with the id of its content (its blob). */
type Blobs = Map<string, string>;

/**
 * Finds the changed files that the pull request files API leaves out, by comparing the file
 * trees of the merge base and the head commit: the same two commits the pull request's diff
 * compares, so the same files differ. GitHub gives no patch for these files, so they carry
 * no diff. When the trees cannot be read whole, `problem` says why and no file is returned.
 */
export async function findUnlistedFiles(
  api: GitHubApi,
  context: PullRequestContext,
  listed: ReadonlySet<string>,
): Promise<{ files: ChangedFile[]; problem?: string }> {
  if (!context.baseSha) return { files: [], problem: 'the event payload has no base commit' };
  try {
    const mergeBase = await mergeBaseOf(api, context, context.baseSha);
    const [before, after] = await Promise.all([
      blobsAt(api, context, mergeBase),
      blobsAt(api, context, context.headSha),
    ]);
    if (typeof before === 'string') return { files: [], problem: before };
    if (typeof after === 'string') return { files: [], problem: after };
    return { files: changedBetween(before, after, listed) };
  } catch (error) {
    if (!isApiError(error)) throw error;
    const request = route(error, context.apiUrl);
    return { files: [], problem: `GitHub answered ${error.status || 'nothing'} to ${request}` };
  }
}

/** The commit the pull request's diff starts from: where head left the base branch. */
async function mergeBaseOf(api: GitHubApi, context: PullRequestContext, base: string) {
  const { data } = await api.rest.repos.compareCommitsWithBasehead({
    owner: context.owner,
    repo: context.repo,
    basehead: `${base}...${context.headSha}`,
    // Only the merge base is read; one commit per page keeps the answer small.
    per_page: 1,
  });
  return data.merge_base_commit.sha;
}

/** Every file of a commit with its blob id, or a sentence saying why GitHub did not give all. */
async function blobsAt(
  api: GitHubApi,
  context: PullRequestContext,
  commit: string,
): Promise<Blobs | string> {
  const { data } = await api.rest.git.getTree({
    owner: context.owner,
    repo: context.repo,
    tree_sha: commit,
    recursive: 'true',
  });
  if (data.truncated) {
    return `the file tree of ${commit.slice(0, 12)} is larger than GitHub returns in one answer`;
  }
  const blobs: Blobs = new Map();
  for (const entry of data.tree) {
    // Folders (`tree`) and submodules (`commit`) hold no text to lint.
    if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
  }
  return blobs;
}

/** Paths whose blob differs between the trees, leaving out those the listing already gave. */
function changedBetween(before: Blobs, after: Blobs, listed: ReadonlySet<string>): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (const [path, sha] of after) {
    if (listed.has(path) || before.get(path) === sha) continue;
    files.push({ path, status: before.has(path) ? 'modified' : 'added', unlisted: true });
  }
  for (const path of before.keys()) {
    if (!listed.has(path) && !after.has(path)) {
      files.push({ path, status: 'removed', unlisted: true });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `METHOD /path` of a failed request, below the API root and without its query. */
function route(error: { request?: { method?: string; url?: string } }, apiUrl: string): string {
  const path = (error.request?.url ?? '').replace(apiUrl, '').replace(/\?.*$/, '');
  return `${error.request?.method ?? 'a request'} ${path}`.trim();
}
