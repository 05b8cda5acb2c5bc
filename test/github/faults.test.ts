import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { NOT_ACCESSIBLE, SECONDARY_RATE_LIMIT, type Fault } from './fake-github.js';
import {
  markedFingerprints,
  openWorkspace,
  patchFor,
  run,
  source,
  TOKEN,
  writeEvent,
  type Workspace,
} from './harness.js';
import { MANIFEST, RECIPE, standardPullRequest } from './scenario.js';

let ws: Workspace;
beforeEach(async () => {
  ws = await openWorkspace();
});
afterEach(async () => {
  await ws.close();
});

describe('transient faults', () => {
  it('retries a 500 and then succeeds', async () => {
    await standardPullRequest(ws);
    ws.fake.fault({ method: 'GET', path: /\/pulls\/7\/files$/, status: 500 });
    ws.fake.fault({ method: 'POST', path: /\/check-runs$/, status: 502 });

    const out = await run(ws, { report: 'both' });

    expect(out.result.exitCode).toBe(1);
    expect(ws.fake.requestsTo('GET', /\/pulls\/7\/files$/)).toHaveLength(2);
    expect(ws.fake.requestsTo('POST', /\/check-runs$/)).toHaveLength(2);
    expect(ws.fake.checkRuns).toHaveLength(1);
    expect(ws.fake.reviewComments).toHaveLength(3);
  });

  it('gives up after three retries with a BERTH-GITHUB-API diagnostic', async () => {
    await standardPullRequest(ws);
    ws.fake.fault({ method: 'GET', path: /\/pulls\/7\/files$/, status: 503, times: Infinity });

    const out = await run(ws);

    expect(ws.fake.requestsTo('GET', /\/pulls\/7\/files$/)).toHaveLength(4);
    expect(out.result.exitCode).toBe(2);
    expect(out.stderr).toContain(
      'BERTH-GITHUB-API GitHub answered 503 to GET /repos/acme/fleet/pulls/7/files',
    );
    expect(out.stderr).toContain('rerun the job');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('waits out a secondary rate limit (403 with Retry-After) and retries', async () => {
    await standardPullRequest(ws);
    ws.fake.fault({
      method: 'POST',
      path: /\/pulls\/7\/reviews$/,
      status: 403,
      message: SECONDARY_RATE_LIMIT,
      headers: { 'retry-after': '30' },
    });
    ws.fake.fault({
      method: 'GET',
      path: /\/contents\//,
      status: 429,
      message: SECONDARY_RATE_LIMIT,
      headers: { 'retry-after': '5' },
    });

    const out = await run(ws, { debug: true });

    expect(out.result.exitCode).toBe(1);
    const [refused, retried] = ws.fake.requestsTo('POST', /\/reviews$/);
    expect(retried).toBeDefined();
    // Retry-After: 30 at 1 ms per second (the test's time scale) is a wait of at least 30 ms.
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(29);
    expect(ws.fake.reviewComments).toHaveLength(3);
    expect(out.stderr).toContain('secondary rate limit on POST');
    expect(out.stderr).toContain('retry in 30s');
    expect(out.result.delivery).toBe('github');
  });

  it('does not wait for a rate limit that resets far in the future', async () => {
    await standardPullRequest(ws);
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    ws.fake.fault({
      method: 'GET',
      path: /\/pulls\/7\/files$/,
      status: 403,
      message: 'API rate limit exceeded for installation',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });

    const out = await run(ws);

    expect(ws.fake.requestsTo('GET', /\/pulls\/7\/files$/)).toHaveLength(1);
    expect(out.result.exitCode).toBe(2);
    expect(out.stderr).toContain('the API rate limit is used up');
  });
});

describe('a check run update that fails once', () => {
  const batchStart = (request: { json: any }) => request.json.output.annotations[0]?.title;

  it.each<[string, Omit<Fault, 'method' | 'path'>]>([
    ['a 502', { status: 502 }],
    [
      'a secondary rate limit (403 with Retry-After)',
      { status: 403, message: SECONDARY_RATE_LIMIT, headers: { 'retry-after': '20' } },
    ],
  ])('is sent again after %s, and no annotation is lost', async (_, fault) => {
    const rules = Array.from({ length: 120 }, (_, i) => `rule-${i}`);
    const recipe = source(...rules.map((rule, i) => `  warning ${rule} key${i}`));
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, 'all'), 'added');
    await writeEvent(ws);
    // The second batch, annotations 51 to 100, is the first update.
    ws.fake.fault({
      method: 'PATCH',
      path: /\/check-runs\/\d+$/,
      ...fault,
      when: (request) => batchStart(request) === 'rule-50',
    });

    const out = await run(ws, { report: 'check' });

    const attempts = ws.fake.writes();
    expect(attempts.map((r) => `${r.method} ${batchStart(r)}`)).toEqual([
      'POST rule-0',
      'PATCH rule-50',
      'PATCH rule-50',
      'PATCH rule-100',
    ]);
    const [refused, retried] = ws.fake.requestsTo('PATCH', /\/check-runs\//);
    expect(retried!.body).toBe(refused!.body);
    if (fault.headers) expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(19);

    // The refused attempt is counted apart: the writes GitHub took stay within the bound.
    const accepted = attempts.length - 1;
    expect(accepted).toBe(Math.ceil(120 / 50));
    expect(accepted).toBeLessThanOrEqual(1 + Math.ceil(120 / 50));

    const [checkRun] = ws.fake.checkRuns;
    expect(checkRun!.annotations.map((a) => a.title)).toEqual(rules);
    expect(checkRun).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(out.result.exitCode).toBe(0);
    expect(out.result.delivery).toBe('github');
  });
});

describe('a review GitHub refuses (422)', () => {
  it('posts the comments one by one and moves a refused one to the summary', async () => {
    await standardPullRequest(ws);
    ws.fake.fault({
      method: 'POST',
      path: /\/pulls\/7\/reviews$/,
      status: 422,
      message: 'Unprocessable Entity',
    });
    ws.fake.fault({
      method: 'POST',
      path: /\/pulls\/7\/comments$/,
      status: 422,
      message: 'Unprocessable Entity',
      when: (request) => request.json.path === MANIFEST,
    });

    const out = await run(ws, { report: 'review' });

    expect(ws.fake.requestsTo('POST', /\/reviews$/)).toHaveLength(1);
    expect(ws.fake.requestsTo('POST', /\/pulls\/7\/comments$/)).toHaveLength(3);
    expect(markedFingerprints(ws.fake.reviewComments.map((c) => c.body))).toEqual([
      `privileged-container:${RECIPE}:web`,
      `latest-tag:${RECIPE}:web`,
    ]);
    const summary = ws.fake.issueComments[0]!.body;
    expect(summary).toContain(`\`${MANIFEST}:2\``);
    expect(summary).toContain('host-network');
    expect(out.stderr).toContain('posting its 3 comments one by one');
    expect(out.result.exitCode).toBe(1);

    // No finding is lost: each is a review comment or a row of the summary comment.
    for (const finding of out.result.reported) {
      const commented = markedFingerprints(ws.fake.reviewComments.map((c) => c.body));
      const summarized = summary.includes(`\`${finding.file}:${finding.line}\``);
      expect(commented.includes(finding.fingerprint) || summarized).toBe(true);
    }
  });

  it('keeps the rest when GitHub refuses a line the patch says is commentable', async () => {
    await standardPullRequest(ws);
    ws.fake.refusedLines.add(`${MANIFEST}:2`);

    const out = await run(ws, { report: 'review' });

    expect(ws.fake.reviews).toHaveLength(0);
    expect(ws.fake.requestsTo('POST', /\/pulls\/7\/comments$/)).toHaveLength(3);
    expect(ws.fake.reviewComments.map((c) => [c.path, c.line])).toEqual([
      [RECIPE, 6],
      [RECIPE, 7],
    ]);
    expect(ws.fake.issueComments[0]!.body).toContain(`\`${MANIFEST}:2\``);
    expect(out.result.exitCode).toBe(1);
  });

  it('on a rerun at the same commit, does not try the refused comment again', async () => {
    await standardPullRequest(ws);
    ws.fake.refusedLines.add(`${MANIFEST}:2`);
    await run(ws, { report: 'review' });
    expect(ws.fake.issueComments[0]!.body).toContain('<!-- berth:refused head=');
    const before = ws.fake.requests.length;

    await run(ws, { report: 'review' });

    expect(ws.fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(ws.fake.issueComments[0]!.body).toContain(`\`${MANIFEST}:2\``);
  });

  it('tries the refused comment again on a new head commit', async () => {
    await standardPullRequest(ws);
    ws.fake.refusedLines.add(`${MANIFEST}:2`);
    await run(ws, { report: 'review' });

    ws.fake.refusedLines.clear();
    ws.fake.headSha = 'd'.repeat(40);
    await standardPullRequest(ws);
    await run(ws, { report: 'review' });

    expect(ws.fake.reviewComments.map((c) => [c.path, c.line])).toContainEqual([MANIFEST, 2]);
    expect(ws.fake.issueComments[0]!.body).not.toContain('host-network');
    expect(ws.fake.issueComments[0]!.body).not.toContain('berth:refused');
  });
});

describe('a pull request from a fork', () => {
  it('falls back to workflow commands on stdout and the job summary', async () => {
    await standardPullRequest(ws);
    await writeEvent(ws, { fork: true });
    ws.fake.readOnly = true;

    const out = await run(ws, { report: 'both' });

    expect(out.result.delivery).toBe('workflow-commands');
    expect(out.result.exitCode).toBe(1);
    // One refused write is enough to know; nothing else is attempted.
    expect(ws.fake.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/fleet/check-runs',
    ]);
    const commands = out.stdout.split('\n').filter((line) => line.startsWith('::'));
    const command = (level: string, file: string, line: number, rule: string, key: string) =>
      `::${level} file=${file},line=${line},endLine=${line},col=3,endColumn=9,` +
      `title=berth ${rule}::${rule} on ${key}%0Ahttps://berth.dev/rules/${rule}`;
    expect(commands).toEqual([
      command('error', RECIPE, 6, 'privileged-container', 'web'),
      command('error', MANIFEST, 2, 'host-network', 'app'),
      command('warning', RECIPE, 7, 'latest-tag', 'web'),
    ]);
    expect(out.stderr).toContain('the pull request comes from a fork');
    expect(out.summary).toContain('may not write to the pull request');
    expect(out.summary).toContain(`\`${RECIPE}:6\``);
    expect(out.summary).toContain(`\`${MANIFEST}:2\``);
    for (const text of [out.stdout, out.stderr, out.summary]) expect(text).not.toContain(TOKEN);
  });

  it('falls back in review mode too, when the review is refused', async () => {
    await standardPullRequest(ws);
    ws.fake.fault({
      method: 'POST',
      path: /\/reviews$/,
      status: 403,
      message: NOT_ACCESSIBLE,
    });

    const out = await run(ws, { report: 'review' });

    expect(out.result.delivery).toBe('workflow-commands');
    expect(out.stdout).toContain('::error file=');
    expect(ws.fake.requestsTo('POST', /\/issues\//)).toEqual([]);
  });

  it('warns and goes on when the job summary cannot be written', async () => {
    await standardPullRequest(ws);
    ws.fake.readOnly = true;

    const out = await run(ws, {}, {}, { GITHUB_STEP_SUMMARY: `${ws.dir}/missing/summary.md` });

    expect(out.result.exitCode).toBe(1);
    expect(out.stderr).toContain('cannot write the job summary to GITHUB_STEP_SUMMARY (ENOENT)');
    expect(out.stdout).toContain('::error file=');
  });

  it('leaves the job summary alone when GITHUB_STEP_SUMMARY is not set', async () => {
    await standardPullRequest(ws);
    ws.fake.readOnly = true;

    const out = await run(ws, {}, {}, { GITHUB_STEP_SUMMARY: undefined });

    expect(out.summary).toBe('');
    expect(out.stdout).toContain('::error file=');
  });
});
