import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  runPullRequest,
  type PullRequestDeps,
  type PullRequestResult,
} from '../../github/index.js';
import type { PullRequestOptions } from '../../github/options.js';
import type { SourceFile } from '../../github/files.js';
import type { Finding, LintResult, LintSeverity } from '../../lint/types.js';
import { FakeGitHub } from './fake-github.js';

/** A token shaped like a real installation token; it must never be seen in any output. */
export const TOKEN = 'ghs_TESTtoken0123456789abcdefABCDEF0123';

/**
 * Test sources use one finding per line, written `<severity> <rule> <key> [+N]`: the fake
 * linter reports it at that line (spanning N more lines) with a fingerprint of rule, file and
 * key, so moving lines keeps the fingerprint as the real linter's does.
 */
const FINDING_LINE = /^\s*(error|warning|info) ([\w-]+) ([\w.-]+)(?: \+(\d+))?\s*$/;

export function fakeLint(files: SourceFile[]): Promise<LintResult> {
  const findings: Finding[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((text, index) => {
      const match = FINDING_LINE.exec(text);
      if (!match) return;
      const [, severity, ruleId, key, extra] = match as unknown as string[];
      const line = index + 1;
      findings.push({
        ruleId: ruleId!,
        severity: severity as LintSeverity,
        message: `${ruleId} on ${key}`,
        file: file.path,
        line,
        column: 3,
        endLine: line + Number(extra ?? 0),
        endColumn: 9,
        docsUrl: `https://berth.dev/rules/${ruleId}`,
        fingerprint: `${ruleId}:${file.path}:${key}`,
      });
    });
  }
  return Promise.resolve({ files: files.map((file) => file.path), findings, inventory: [] });
}

/**
 * A unified diff that shows `added` lines of `text` as added, with three lines of context
 * around each change, as git writes it. Lines not listed are unchanged.
 */
export function patchFor(text: string, added: readonly number[] | 'all', context = 3): string {
  const lines = text.split('\n');
  if (added === 'all')
    return `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`;

  const addedSet = new Set(added);
  const ranges: { first: number; last: number }[] = [];
  for (const line of [...addedSet].sort((a, b) => a - b)) {
    const first = Math.max(1, line - context);
    const last = Math.min(lines.length, line + context);
    const previous = ranges[ranges.length - 1];
    if (previous && first <= previous.last + 1) previous.last = Math.max(previous.last, last);
    else ranges.push({ first, last });
  }

  return ranges
    .map(({ first, last }) => {
      const addedBefore = [...addedSet].filter((line) => line < first).length;
      const body = lines
        .slice(first - 1, last)
        .map((l, i) => (addedSet.has(first + i) ? `+${l}` : ` ${l}`));
      const oldCount = body.filter((l) => l.startsWith(' ')).length;
      const header = `@@ -${first - addedBefore},${oldCount} +${first},${last - first + 1} @@`;
      return `${header}\n${body.join('\n')}`;
    })
    .join('\n');
}

export interface Workspace {
  fake: FakeGitHub;
  apiUrl: string;
  dir: string;
  eventPath: string;
  summaryPath: string;
  close(): Promise<void>;
}

export async function openWorkspace(options: { prefix?: string } = {}): Promise<Workspace> {
  const fake = new FakeGitHub(options.prefix);
  const apiUrl = await fake.start();
  const dir = await mkdtemp(join(tmpdir(), 'berth-github-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'summary.md');
  await writeFile(summaryPath, '');
  await writeEvent({ fake, eventPath } as Workspace);
  return {
    fake,
    apiUrl,
    dir,
    eventPath,
    summaryPath,
    close: async () => {
      await fake.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The variables GitHub Actions sets for a pull_request job, pointing at the workspace. */
export function runnerEnvironment(ws: Workspace): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: ws.eventPath,
    GITHUB_REPOSITORY: `${ws.fake.owner}/${ws.fake.repo}`,
    GITHUB_API_URL: ws.apiUrl,
    GITHUB_TOKEN: TOKEN,
    GITHUB_STEP_SUMMARY: ws.summaryPath,
  };
}

/** Writes the pull_request event payload for the fake's current head commit. */
export async function writeEvent(
  ws: Pick<Workspace, 'fake' | 'eventPath'>,
  extra: { fork?: boolean; changedFiles?: number | null } = {},
): Promise<void> {
  const base = `${ws.fake.owner}/${ws.fake.repo}`;
  const payload = {
    action: 'synchronize',
    number: ws.fake.pullNumber,
    pull_request: {
      number: ws.fake.pullNumber,
      // null leaves the count out, as payloads of some events do.
      changed_files:
        extra.changedFiles === null ? undefined : (extra.changedFiles ?? ws.fake.files.length),
      head: { sha: ws.fake.headSha, repo: { full_name: extra.fork ? 'someone/fleet' : base } },
      base: { sha: ws.fake.baseSha, repo: { full_name: base } },
    },
  };
  await writeFile(ws.eventPath, JSON.stringify(payload));
}

export interface RunOutput {
  result: PullRequestResult;
  stdout: string;
  stderr: string;
  summary: string;
  lintCalls: SourceFile[][];
}

/** Runs the reporter against the fake, the way GitHub Actions would, and captures its output. */
export async function run(
  ws: Workspace,
  options: PullRequestOptions = {},
  deps: Partial<PullRequestDeps> = {},
  env: Record<string, string | undefined> = {},
): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const lintCalls: SourceFile[][] = [];
  const summaryBefore = await readFile(ws.summaryPath, 'utf8');
  const result = await runPullRequest(options, {
    lint: (files) => {
      lintCalls.push(files);
      return fakeLint(files);
    },
    env: { ...runnerEnvironment(ws), ...env },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    timing: { secondMs: 1, writeSpacingMs: 0 },
    ...deps,
  });
  const summary = (await readFile(ws.summaryPath, 'utf8')).slice(summaryBefore.length);
  return { result, stdout, stderr, summary, lintCalls };
}

/** Source text with the given lines; `ok` lines are plain code without findings. */
export function source(...lines: string[]): string {
  return lines.join('\n');
}

/** The fingerprints named in the hidden markers of comment bodies. */
export function markedFingerprints(bodies: readonly string[]): string[] {
  return bodies.flatMap((body) =>
    [...body.matchAll(/<!-- berth:fp=(\S+) -->/g)].map((m) => decodeURIComponent(m[1]!)),
  );
}
