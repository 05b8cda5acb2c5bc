import type { GitHubApi } from './api.js';
import type { PullRequestContext } from './context.js';
import { parsePatch, type FileDiff } from './diff.js';
import type { Logger } from './logger.js';
import { findUnlistedFiles, type Overflow } from './unlisted.js';

/** One file the pull request changes. */
export interface ChangedFile {
  path: string;
  /** added, modified, removed, renamed, copied, changed or unchanged. */
  status: string;
  /**
   * The lines the diff shows. Absent when GitHub shows no diff for the file (a binary file or a
   * diff too large to display): then no line of it can carry a review comment.
   */
  diff?: FileDiff;
  /**
   * Found past GitHub's 3,000-file listing, by comparing trees. GitHub gives no patch for it,
   * so it has no diff either.
   */
  unlisted?: true;
}

export interface ChangedFiles {
  files: ChangedFile[];
  /** Set when the pull request changes more files than GitHub lists (3,000). */
  overflow?: Overflow;
}

/** A file's text at the pull request's head commit. */
export interface SourceFile {
  path: string;
  text: string;
}

/** The pull request files API stops listing after this many files. */
export const FILE_LISTING_CAP = 3000;
const PAGE_SIZE = 100;
const PARALLEL_DOWNLOADS = 4;

export async function listChangedFiles(
  api: GitHubApi,
  context: PullRequestContext,
): Promise<ChangedFiles> {
  const route = { owner: context.owner, repo: context.repo, pull_number: context.pullNumber };
  let listedSoFar = 0;
  const entries = await api.paginate(
    api.rest.pulls.listFiles,
    { ...route, per_page: PAGE_SIZE },
    (response, done) => {
      listedSoFar += response.data.length;
      if (listedSoFar >= FILE_LISTING_CAP) done();
      return response.data;
    },
  );

  const listed = entries.slice(0, FILE_LISTING_CAP).map(toChangedFile);
  // A listing shorter than the cap is complete; one that reaches it may have stopped early.
  if (listed.length < FILE_LISTING_CAP) return { files: listed };
  const total = context.changedFiles ?? (await countChangedFiles(api, context));
  if (total <= listed.length) return { files: listed };

  // A listed rename accounts for its old path too, which the trees show as removed.
  const paths = new Set(listed.map((file) => file.path));
  for (const entry of entries) if (entry.previous_filename) paths.add(entry.previous_filename);
  const unlisted = await findUnlistedFiles(api, context, paths);
  const overflow: Overflow = { total, listed: listed.length, found: unlisted.files.length };
  if (unlisted.problem) overflow.problem = unlisted.problem;
  return { files: [...listed, ...unlisted.files], overflow };
}

/** The pull request's own count of changed files, for events whose payload lacks it. */
async function countChangedFiles(api: GitHubApi, context: PullRequestContext): Promise<number> {
  const route = { owner: context.owner, repo: context.repo, pull_number: context.pullNumber };
  const { data } = await api.rest.pulls.get(route);
  return data.changed_files;
}

interface FileEntry {
  filename: string;
  previous_filename?: string;
  status: string;
  changes: number;
  patch?: string;
}

function toChangedFile(entry: FileEntry): ChangedFile {
  const file: ChangedFile = { path: entry.filename, status: entry.status };
  if (entry.patch !== undefined) file.diff = parsePatch(entry.patch);
  // A rename without edits has no patch either, but it has no changed line to hide.
  else if (entry.changes === 0) file.diff = { added: new Set(), hunks: [] };
  return file;
}

/**
 * Reads files at the head commit through the contents API. Files over 1 MB come back without
 * content; those are read again as raw text. A path that no longer exists is skipped.
 */
export async function fetchSources(
  api: GitHubApi,
  context: PullRequestContext,
  paths: readonly string[],
  logger: Logger,
): Promise<SourceFile[]> {
  const texts = await mapInParallel(paths, PARALLEL_DOWNLOADS, (path) =>
    readAtHead(api, context, path),
  );
  const sources: SourceFile[] = [];
  paths.forEach((path, i) => {
    const text = texts[i];
    if (text === undefined) logger.warn(`${path} is not in the head commit; not linted`);
    else sources.push({ path, text });
  });
  return sources;
}

/** The text of `path` at the head commit, or undefined when there is no such file. */
export async function readAtHead(
  api: GitHubApi,
  context: PullRequestContext,
  path: string,
): Promise<string | undefined> {
  const request = { owner: context.owner, repo: context.repo, path, ref: context.headSha };
  let data: unknown;
  try {
    ({ data } = await api.rest.repos.getContent(request));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }

  const file = data as { type?: string; encoding?: string; content?: string };
  if (file.type !== 'file') return undefined;
  if (file.encoding === 'base64' && typeof file.content === 'string') {
    return Buffer.from(file.content, 'base64').toString('utf8');
  }
  const raw = await api.rest.repos.getContent({ ...request, mediaType: { format: 'raw' } });
  return String(raw.data);
}

async function mapInParallel<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
