import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake GitHub REST API for the pull-request reporter's tests: real HTTP on 127.0.0.1, so
 * Octokit runs unmodified with only its `baseUrl` pointed here. It keeps the state of one pull
 * request, records every request, validates what GitHub validates (review lines inside the
 * diff, 50 annotations per request, comment size), and injects faults per route.
 */

export interface FakeFile {
  filename: string;
  status: string;
  /** The old path of a renamed file. */
  previous_filename?: string;
  /** Absent for binary files and diffs too large to show, as on GitHub. */
  patch?: string;
  changes?: number;
}

export interface RecordedRequest {
  method: string;
  /** The path below the API root, without the query. */
  path: string;
  query: Record<string, string>;
  /** The raw request body, as sent. */
  body: string;
  json: any;
  authorization?: string;
  accept?: string;
  /** When the request arrived, in milliseconds since the epoch. */
  at: number;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  message?: string | ((request: RecordedRequest) => string);
  headers?: Record<string, string>;
  /** How many matching requests fail; 1 by default. */
  times?: number;
  when?: (request: RecordedRequest) => boolean;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output: { title?: string; summary?: string };
  annotations: any[];
}

export interface ReviewComment {
  id: number;
  path: string;
  line: number;
  start_line?: number;
  side: string;
  commit_id: string;
  body: string;
  in_reply_to_id?: number;
  user: { login: string };
}

export interface IssueComment {
  id: number;
  body: string;
  user: { login: string };
}

export const SECONDARY_RATE_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
export const NOT_ACCESSIBLE = 'Resource not accessible by integration';

const BOT = { login: 'github-actions[bot]' };
const GITHUB_FILE_CAP = 3000;

export class FakeGitHub {
  readonly owner = 'acme';
  readonly repo = 'fleet';
  readonly pullNumber = 7;
  headSha = 'a'.repeat(40);
  /** The base branch's commit named in the event payload. */
  readonly baseSha = 'b'.repeat(40);
  /** Where the head branch left the base branch: the commit the pull request's diff starts at. */
  readonly mergeBaseSha = 'e'.repeat(40);
  /** The git trees API answers `truncated: true`, as for a tree past 100,000 entries. */
  truncatedTrees = false;

  files: FakeFile[] = [];
  /** File texts at the head commit, by path. */
  contents = new Map<string, string>();
  /** Paths the contents API answers without content, as GitHub does for files over 1 MB. */
  largeFiles = new Set<string>();
  checkRuns: CheckRun[] = [];
  reviews: { id: number; body: string; event: string; commit_id: string }[] = [];
  reviewComments: ReviewComment[] = [];
  issueComments: IssueComment[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Every write answers 403 "Resource not accessible by integration", as for a fork. */
  readOnly = false;
  /**
   * `path:line` places inside a hunk that GitHub still refuses to comment on ("diff hunk
   * can't be blank" and the like): the patch alone cannot predict them.
   */
  refusedLines = new Set<string>();

  private readonly faults: Fault[] = [];
  private nextId = 1000;
  private server?: Server;
  private root = '';

  /** `prefix` mimics GitHub Enterprise Server, whose API lives under `/api/v3`. */
  constructor(private readonly prefix = '') {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.root = `http://127.0.0.1:${port}${this.prefix}`;
    return this.root;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server?.close((error) => (error ? reject(error) : resolve())),
    );
  }

  fault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Adds or replaces a changed file: its text at the head commit and its patch. */
  setFile(path: string, text: string | undefined, patch: string | undefined, status = 'modified') {
    this.files = this.files.filter((file) => file.filename !== path);
    this.files.push({ filename: path, status, patch, changes: patch ? 1 : 0 });
    if (text === undefined) this.contents.delete(path);
    else this.contents.set(path, text);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Replies to a review comment, as a person would. */
  reply(commentId: number, body: string): void {
    const parent = this.reviewComments.find((comment) => comment.id === commentId)!;
    this.reviewComments.push({
      ...parent,
      id: this.nextId++,
      body,
      in_reply_to_id: commentId,
      user: { login: 'octocat' },
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await this.record(req);
    const fault = this.takeFault(request);
    if (fault) {
      const message = typeof fault.message === 'function' ? fault.message(request) : fault.message;
      return send(res, fault.status, { message: message ?? 'injected fault' }, fault.headers);
    }
    if (this.readOnly && request.method !== 'GET') {
      return send(res, 403, {
        message: NOT_ACCESSIBLE,
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    const answer = this.route(request);
    if (typeof answer.body === 'string') return sendText(res, answer.status, answer.body);
    return send(res, answer.status, answer.body, answer.headers);
  }

  private async record(req: IncomingMessage): Promise<RecordedRequest> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.slice(this.prefix.length)),
      query: Object.fromEntries(url.searchParams),
      body,
      json: body ? JSON.parse(body) : undefined,
      authorization: req.headers.authorization,
      accept: req.headers.accept,
      at: Date.now(),
    };
    this.requests.push(request);
    return request;
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.times ?? 1) > 0 &&
        f.method === request.method &&
        f.path.test(request.path) &&
        (!f.when || f.when(request)),
    );
    if (fault) fault.times = (fault.times ?? 1) - 1;
    return fault;
  }

  private route(request: RecordedRequest): Answer {
    const base = `/repos/${this.owner}/${this.repo}`;
    const { method, path } = request;
    const pull = `${base}/pulls/${this.pullNumber}`;
    const issue = `${base}/issues/${this.pullNumber}`;

    if (method === 'GET' && path === `${pull}/files`) {
      return this.page(request, this.files.slice(0, GITHUB_FILE_CAP), `${pull}/files`);
    }
    if (method === 'GET' && path === pull) {
      const head = { sha: this.headSha };
      return {
        status: 200,
        body: { number: this.pullNumber, changed_files: this.files.length, head },
      };
    }
    if (method === 'GET' && path === `${base}/compare/${this.baseSha}...${this.headSha}`) {
      return this.compare();
    }
    const tree = new RegExp(`^${base}/git/trees/([0-9a-f]{40})$`).exec(path);
    if (method === 'GET' && tree) return this.tree(tree[1]!);
    if (method === 'GET' && path.startsWith(`${base}/contents/`)) {
      return this.content(request, path.slice(`${base}/contents/`.length));
    }
    if (method === 'POST' && path === `${base}/check-runs`) return this.createCheckRun(request);
    const checkRun = new RegExp(`^${base}/check-runs/(\\d+)$`).exec(path);
    if (method === 'PATCH' && checkRun) return this.updateCheckRun(request, Number(checkRun[1]));

    if (method === 'GET' && path === `${pull}/comments`) {
      return this.page(request, this.reviewComments, `${pull}/comments`);
    }
    if (method === 'POST' && path === `${pull}/reviews`) return this.createReview(request);
    if (method === 'POST' && path === `${pull}/comments`) return this.createReviewComment(request);
    const reviewComment = new RegExp(`^${base}/pulls/comments/(\\d+)$`).exec(path);
    if (reviewComment) return this.changeReviewComment(request, Number(reviewComment[1]));

    if (method === 'GET' && path === `${issue}/comments`) {
      return this.page(request, this.issueComments, `${issue}/comments`);
    }
    if (method === 'POST' && path === `${issue}/comments`) return this.createIssueComment(request);
    const issueComment = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path);
    if (method === 'PATCH' && issueComment) {
      return this.updateIssueComment(request, Number(issueComment[1]));
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  private page(request: RecordedRequest, items: unknown[], path: string): Answer {
    const perPage = Math.min(Number(request.query.per_page ?? 30), 100);
    const page = Number(request.query.page ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const link = (n: number) => `<${this.root}${path}?per_page=${perPage}&page=${n}>`;
      headers.link = `${link(page + 1)}; rel="next", ${link(last)}; rel="last"`;
    }
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  /** Like GitHub, at most 300 files, but the merge base is always there. */
  private compare(): Answer {
    const files = this.files.slice(0, 300);
    const body = { merge_base_commit: { sha: this.mergeBaseSha }, files, total_commits: 1 };
    return { status: 200, body };
  }

  /**
   * The head commit holds every file with a text and every changed file not removed; the
   * merge base holds the same unchanged files, and changed files other than added ones with
   * different content.
   */
  private tree(sha: string): Answer {
    const blobs = new Map<string, string>();
    const changed = new Map(this.files.map((file) => [file.filename, file.status]));
    const renamedFrom = new Map(this.files.map((file) => [file.filename, file.previous_filename]));
    if (sha === this.headSha) {
      for (const [path, text] of this.contents) blobs.set(path, blobId(text));
      for (const [path, status] of changed) {
        if (status !== 'removed' && !blobs.has(path)) blobs.set(path, blobId(`head ${path}`));
      }
    } else if (sha === this.mergeBaseSha) {
      for (const [path, text] of this.contents) {
        if (!changed.has(path)) blobs.set(path, blobId(text));
      }
      for (const [path, status] of changed) {
        const before = renamedFrom.get(path) ?? path;
        if (status !== 'added') blobs.set(before, blobId(`base ${path}`));
      }
    } else {
      return { status: 404, body: { message: 'Not Found' } };
    }
    const files = [...blobs].map(([path, id]) => ({ path, mode: '100644', type: 'blob', sha: id }));
    // A recursive tree lists folders too; berth must tell them from files.
    const folders = [...new Set(files.flatMap((file) => parentsOf(file.path)))].map((path) => ({
      path,
      mode: '040000',
      type: 'tree',
      sha: blobId(`tree ${path}`),
    }));
    const tree = [...folders, ...files];
    return { status: 200, body: { sha, tree, truncated: this.truncatedTrees } };
  }

  private content(request: RecordedRequest, path: string): Answer {
    const text = this.contents.get(path);
    if (request.query.ref !== this.headSha || text === undefined) {
      return { status: 404, body: { message: 'Not Found' } };
    }
    if (request.accept?.includes('raw')) return { status: 200, body: text };
    const large = this.largeFiles.has(path);
    // GitHub wraps base64 content at 60 characters.
    const content = large ? '' : Buffer.from(text).toString('base64').replace(/.{60}/g, '$&\n');
    const encoding = large ? 'none' : 'base64';
    return { status: 200, body: { type: 'file', path, encoding, content, size: text.length } };
  }

  private createCheckRun(request: RecordedRequest): Answer {
    const body = request.json;
    const refused =
      refuseAnnotations(body) ?? (body.head_sha !== this.headSha ? 'unknown head_sha' : undefined);
    if (refused) return unprocessable(refused);
    const run: CheckRun = {
      id: this.nextId++,
      name: body.name,
      head_sha: body.head_sha,
      status: body.status ?? 'queued',
      conclusion: body.conclusion,
      output: body.output ?? {},
      annotations: [...(body.output?.annotations ?? [])],
    };
    this.checkRuns.push(run);
    return { status: 201, body: { id: run.id, status: run.status } };
  }

  private updateCheckRun(request: RecordedRequest, id: number): Answer {
    const run = this.checkRuns.find((candidate) => candidate.id === id);
    if (!run) return { status: 404, body: { message: 'Not Found' } };
    const refused = refuseAnnotations(request.json);
    if (refused) return unprocessable(refused);
    const body = request.json;
    run.status = body.status ?? run.status;
    run.conclusion = body.conclusion ?? run.conclusion;
    run.output = { ...run.output, ...body.output };
    run.annotations.push(...(body.output?.annotations ?? []));
    return { status: 200, body: { id } };
  }

  private createReview(request: RecordedRequest): Answer {
    const body = request.json;
    const comments: any[] = body.comments ?? [];
    // GitHub rejects the whole review when one comment is misplaced, without saying which.
    const problem = body.commit_id
      ? comments.map((c) => this.misplaced(c)).find(Boolean)
      : 'commit_id';
    if (problem) return unprocessable(problem);
    const review = {
      id: this.nextId++,
      body: body.body,
      event: body.event,
      commit_id: body.commit_id,
    };
    this.reviews.push(review);
    for (const comment of comments) this.addReviewComment(comment, body.commit_id);
    return { status: 200, body: review };
  }

  private createReviewComment(request: RecordedRequest): Answer {
    const body = request.json;
    const problem = body.commit_id ? this.misplaced(body) : 'commit_id';
    if (problem) return unprocessable(problem);
    return { status: 201, body: this.addReviewComment(body, body.commit_id) };
  }

  private addReviewComment(comment: any, commitId: string): ReviewComment {
    const stored: ReviewComment = {
      id: this.nextId++,
      path: comment.path,
      line: comment.line,
      start_line: comment.start_line,
      side: comment.side,
      commit_id: commitId,
      body: comment.body,
      user: BOT,
    };
    this.reviewComments.push(stored);
    return stored;
  }

  /** Why GitHub would refuse a comment at this place, or undefined when it would accept it. */
  private misplaced(comment: any): string | undefined {
    const file = this.files.find((candidate) => candidate.filename === comment.path);
    if (!file?.patch) return 'path is not part of the diff';
    if (comment.side !== 'RIGHT' || typeof comment.line !== 'number')
      return 'line and side required';
    const hunk = rightSideHunks(file.patch).find(
      (h) => h.first <= comment.line && comment.line <= h.last,
    );
    if (!hunk) return 'line must be part of the diff';
    if (this.refusedLines.has(`${comment.path}:${comment.line}`)) return "diff hunk can't be blank";
    if (comment.start_line === undefined) return undefined;
    if (comment.start_line >= comment.line) return 'start_line must precede line';
    if (comment.start_line < hunk.first) return 'start line must be part of the same hunk';
    return undefined;
  }

  private changeReviewComment(request: RecordedRequest, id: number): Answer {
    const index = this.reviewComments.findIndex((comment) => comment.id === id);
    if (index < 0) return { status: 404, body: { message: 'Not Found' } };
    if (request.method === 'DELETE') {
      this.reviewComments.splice(index, 1);
      return { status: 204, body: undefined };
    }
    if (request.method !== 'PATCH') return { status: 404, body: { message: 'Not Found' } };
    this.reviewComments[index]!.body = request.json.body;
    return { status: 200, body: this.reviewComments[index] };
  }

  private createIssueComment(request: RecordedRequest): Answer {
    const body: string = request.json.body;
    if (body.length > 65_536)
      return unprocessable('Body is too long (maximum is 65536 characters)');
    const comment = { id: this.nextId++, body, user: BOT };
    this.issueComments.push(comment);
    return { status: 201, body: comment };
  }

  private updateIssueComment(request: RecordedRequest, id: number): Answer {
    const comment = this.issueComments.find((candidate) => candidate.id === id);
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    if (request.json.body.length > 65_536) return unprocessable('Body is too long');
    comment.body = request.json.body;
    return { status: 200, body: comment };
  }
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function refuseAnnotations(body: any): string | undefined {
  const annotations: any[] = body?.output?.annotations ?? [];
  if (annotations.length > 50) return 'Only 50 annotations are allowed per request';
  if (body?.output && (!body.output.title || !body.output.summary))
    return 'output needs title and summary';
  if ((body?.output?.summary?.length ?? 0) > 65_535) return 'summary is too long';
  const bad = annotations.find(
    (a) =>
      !a.path ||
      !a.start_line ||
      !a.end_line ||
      !['notice', 'warning', 'failure'].includes(a.annotation_level) ||
      (a.start_column !== undefined && a.start_line !== a.end_line),
  );
  return bad ? `invalid annotation ${JSON.stringify(bad)}` : undefined;
}

/** The RIGHT-side line ranges of a unified diff's hunks, read independently of berth. */
function rightSideHunks(patch: string): { first: number; last: number }[] {
  return [...patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)]
    .map((m) => ({ first: Number(m[1]), count: m[2] === undefined ? 1 : Number(m[2]) }))
    .filter((h) => h.count > 0)
    .map((h) => ({ first: h.first, last: h.first + h.count - 1 }));
}

function parentsOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** A git blob id, computed the way git does, so equal texts get equal ids. */
function blobId(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function unprocessable(reason: string): Answer {
  return {
    status: 422,
    body: {
      message: 'Unprocessable Entity',
      errors: [reason],
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
