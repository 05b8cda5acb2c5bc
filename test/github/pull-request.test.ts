import { afterEach, beforeEach, describe, expect, it } from 'vitest';

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
import { MANIFEST, manifestText, RECIPE, recipeText, standardPullRequest } from './scenario.js';

let ws: Workspace;
beforeEach(async () => {
  ws = await openWorkspace();
});
afterEach(async () => {
  await ws.close();
});

const commentWrites = () => ws.fake.writes().filter((r) => /\/(pulls|issues)\//.test(r.path));

describe('a first run', () => {
  it('lints changed files at the head commit and reports findings on changed lines', async () => {
    await standardPullRequest(ws);

    const out = await run(ws, { report: 'both' });

    expect(out.stderr).toBe('');
    expect(out.result.exitCode).toBe(1);
    expect(out.result.delivery).toBe('github');
    expect(out.lintCalls).toHaveLength(1);
    const linted = out.lintCalls[0]!;
    expect(linted.map((file) => file.path)).toEqual([RECIPE, MANIFEST]);
    expect(linted[0]!.text).toBe(recipeText());
    const contentReads = ws.fake.requestsTo('GET', /\/contents\//);
    expect(contentReads.map((r) => r.query.ref)).toEqual([ws.fake.headSha, ws.fake.headSha]);

    expect(ws.fake.checkRuns).toHaveLength(1);
    const [checkRun] = ws.fake.checkRuns;
    expect(checkRun).toMatchObject({ name: 'berth', status: 'completed', conclusion: 'failure' });
    expect(checkRun!.output.title).toBe('2 errors, 1 warning');
    expect(checkRun!.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      [RECIPE, 6, 'failure'],
      [RECIPE, 7, 'warning'],
      [MANIFEST, 2, 'failure'],
    ]);

    const reviews = ws.fake.requestsTo('POST', /\/pulls\/7\/reviews$/);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.json).toMatchObject({ event: 'COMMENT', commit_id: ws.fake.headSha });
    expect(reviews[0]!.json.comments.map((c: any) => [c.path, c.line, c.side])).toEqual([
      [RECIPE, 6, 'RIGHT'],
      [RECIPE, 7, 'RIGHT'],
      [MANIFEST, 2, 'RIGHT'],
    ]);
    expect(markedFingerprints(ws.fake.reviewComments.map((c) => c.body))).toEqual([
      `privileged-container:${RECIPE}:web`,
      `latest-tag:${RECIPE}:web`,
      `host-network:${MANIFEST}:app`,
    ]);
    // The only finding off the diff (line 20) is left out by the default filter mode `added`,
    // so there is nothing for a summary comment to say.
    expect(ws.fake.issueComments).toEqual([]);
    expect(ws.fake.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/fleet/check-runs',
      'POST /repos/acme/fleet/pulls/7/reviews',
    ]);
    expect(out.summary).toContain('`cookbooks/web/recipes/default.rb:6`');
    expect(out.summary).toContain('1 finding on unchanged lines not shown');
  });

  it('with filter mode `file`, puts findings off the diff into one summary comment', async () => {
    await standardPullRequest(ws);

    await run(ws, { filterMode: 'file', report: 'review' });

    expect(ws.fake.reviewComments).toHaveLength(3);
    expect(ws.fake.issueComments).toHaveLength(1);
    const summary = ws.fake.issueComments[0]!.body;
    expect(summary).toContain('<!-- berth:summary -->');
    expect(summary).toContain('`cookbooks/web/recipes/default.rb:20`');
    expect(summary).toContain('missing-healthcheck');
    expect(ws.fake.checkRuns).toEqual([]);
  });

  it('by default posts a review and no check run', async () => {
    await standardPullRequest(ws);

    await run(ws);

    expect(ws.fake.writes().map((r) => r.path)).toEqual(['/repos/acme/fleet/pulls/7/reviews']);
  });

  it('in check mode writes only the check run', async () => {
    await standardPullRequest(ws);

    await run(ws, { report: 'check' });

    expect(ws.fake.writes().map((r) => r.path)).toEqual(['/repos/acme/fleet/check-runs']);
    expect(ws.fake.requestsTo('GET', /comments$/)).toEqual([]);
  });

  it('passes when nothing reaches --fail-on, and concludes neutral', async () => {
    const recipe = source("docker_container 'web' do", '  warning latest-tag web', 'end');
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, [2]));
    await writeEvent(ws);

    const out = await run(ws, { report: 'check' });

    expect(out.result.exitCode).toBe(0);
    expect(ws.fake.checkRuns[0]).toMatchObject({ conclusion: 'neutral' });
    expect((await run(ws, { report: 'check', failOn: 'warning' })).result.exitCode).toBe(1);
  });

  it('concludes success with no annotations when the changed lines are clean', async () => {
    const recipe = source("docker_container 'web' do", "  repo 'web'", 'end');
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, [2]));
    await writeEvent(ws);

    const out = await run(ws, { report: 'both' });

    expect(out.result.exitCode).toBe(0);
    expect(ws.fake.checkRuns[0]).toMatchObject({ conclusion: 'success', annotations: [] });
    expect(ws.fake.checkRuns[0]!.output.title).toBe('No findings on changed lines');
    expect(commentWrites()).toEqual([]);
  });
});

describe('a rerun', () => {
  it('with no change writes no comment at all', async () => {
    await standardPullRequest(ws);
    await run(ws, { filterMode: 'file', report: 'both' });
    const before = ws.fake.requests.length;

    const out = await run(ws, { filterMode: 'file', report: 'both' });

    const rerun = ws.fake.requests.slice(before);
    const rerunWrites = rerun.filter((r) => r.method !== 'GET');
    expect(rerunWrites.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/fleet/check-runs',
    ]);
    expect(ws.fake.reviewComments).toHaveLength(3);
    expect(ws.fake.issueComments).toHaveLength(1);
    expect(out.result.exitCode).toBe(1);
  });

  it('after a fix deletes the stale comment and keeps the others', async () => {
    await standardPullRequest(ws);
    await run(ws, { report: 'both' });
    const gone = ws.fake.reviewComments.find((c) => c.body.includes('latest-tag'))!;
    const kept = ws.fake.reviewComments.filter((c) => c !== gone).map((c) => c.id);

    ws.fake.headSha = 'c'.repeat(40);
    await standardPullRequest(ws, recipeText(false));
    const before = ws.fake.requests.length;
    await run(ws, { report: 'both' });

    const writes = ws.fake.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/fleet/check-runs',
      `DELETE /repos/acme/fleet/pulls/comments/${gone.id}`,
    ]);
    expect(ws.fake.reviewComments.map((c) => c.id)).toEqual(kept);
  });

  it('after a fix strikes through a comment someone replied to, once', async () => {
    await standardPullRequest(ws);
    await run(ws, { report: 'review' });
    const gone = ws.fake.reviewComments.find((c) => c.body.includes('latest-tag'))!;
    ws.fake.reply(gone.id, 'we pin this in the next release');

    await standardPullRequest(ws, recipeText(false));
    await run(ws, { report: 'review' });

    expect(ws.fake.requestsTo('DELETE', /comments/)).toEqual([]);
    const edits = ws.fake.requestsTo('PATCH', /\/pulls\/comments\//);
    expect(edits.map((r) => r.path)).toEqual([`/repos/acme/fleet/pulls/comments/${gone.id}`]);
    expect(gone.body).toMatch(/^~~.*latest-tag.*~~/);
    expect(gone.body).toContain(' outdated -->');

    const before = ws.fake.requests.length;
    await run(ws, { report: 'review' });
    expect(ws.fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('re-posts a finding that comes back after its comment was struck through', async () => {
    await standardPullRequest(ws);
    await run(ws, { report: 'review' });
    const gone = ws.fake.reviewComments.find((c) => c.body.includes('latest-tag'))!;
    ws.fake.reply(gone.id, 'ok');
    await standardPullRequest(ws, recipeText(false));
    await run(ws, { report: 'review' });

    await standardPullRequest(ws, recipeText(true));
    await run(ws, { report: 'review' });

    const reviews = ws.fake.requestsTo('POST', /\/reviews$/);
    expect(reviews).toHaveLength(2);
    expect(markedFingerprints(reviews[1]!.json.comments.map((c: any) => c.body))).toEqual([
      `latest-tag:${RECIPE}:web`,
    ]);
  });

  it('keeps comments when unrelated lines move: fingerprints do not depend on lines', async () => {
    await standardPullRequest(ws);
    await run(ws, { report: 'review' });

    const shifted = `# a new first line\n${recipeText()}`;
    ws.fake.setFile(RECIPE, shifted, patchFor(shifted, [1, 7, 8]));
    await writeEvent(ws);
    const before = ws.fake.requests.length;
    await run(ws, { report: 'review' });

    expect(ws.fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('updates the summary comment in place, and settles it once nothing is left', async () => {
    await standardPullRequest(ws);
    await run(ws, { filterMode: 'file', report: 'review' });
    const [summary] = ws.fake.issueComments;

    const fixed = recipeText().replace(
      '  info missing-healthcheck legacy',
      '  # healthcheck added',
    );
    await standardPullRequest(ws, fixed);
    await run(ws, { filterMode: 'file', report: 'review' });

    expect(ws.fake.issueComments).toHaveLength(1);
    expect(ws.fake.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(ws.fake.requestsTo('PATCH', /\/issues\/comments\//)).toHaveLength(1);
    expect(summary!.body).not.toContain('missing-healthcheck');
    expect(summary!.body).toContain('Every finding is shown as a review comment');
  });
});

describe('large pull requests', () => {
  it('sends 120 annotations in three requests: one create and two updates', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `  warning rule-${i} key${i}`);
    const recipe = source(...lines);
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, 'all'), 'added');
    await writeEvent(ws);

    await run(ws, { report: 'check' });

    const writes = ws.fake.writes();
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(writes.map((r) => r.json.output.annotations.length)).toEqual([50, 50, 20]);
    expect(writes.map((r) => r.json.status)).toEqual(['in_progress', undefined, 'completed']);
    expect(writes[2]!.json.conclusion).toBe('neutral');
    expect(writes[0]!.json.conclusion).toBeUndefined();
    expect(ws.fake.checkRuns[0]!.annotations).toHaveLength(120);
    expect(new Set(ws.fake.checkRuns[0]!.annotations.map((a) => a.title)).size).toBe(120);
  });

  it.each([0, 1, 49, 50, 51, 100, 101, 173])(
    'publishes %i findings in at most 1 + ceil(N / 50) writes',
    async (count) => {
      const lines = Array.from({ length: Math.max(count, 1) }, (_, i) =>
        i < count ? `  error rule-${i} key${i}` : '  ok',
      );
      const recipe = source(...lines);
      ws.fake.setFile(RECIPE, recipe, patchFor(recipe, 'all'), 'added');
      await writeEvent(ws);

      await run(ws, { report: 'check' });

      const writes = ws.fake.writes();
      expect(writes.length).toBeLessThanOrEqual(1 + Math.ceil(count / 50));
      expect(writes.length).toBe(Math.max(1, Math.ceil(count / 50)));
      expect(ws.fake.checkRuns[0]!.annotations).toHaveLength(count);
      expect(ws.fake.checkRuns[0]!.status).toBe('completed');
    },
  );

  it('lists 250 files in three pages of 100', async () => {
    for (let i = 0; i < 250; i++) {
      const path = `modules/m${String(i).padStart(3, '0')}/manifests/init.pp`;
      const text = i % 25 === 0 ? `class m${i} {\n  error host-network m${i}\n}` : `class m${i} {}`;
      ws.fake.setFile(path, text, patchFor(text, 'all'), 'added');
    }
    await writeEvent(ws);

    const out = await run(ws, { report: 'check' });

    const pages = ws.fake.requestsTo('GET', /\/pulls\/7\/files$/);
    expect(pages.map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    expect(out.lintCalls[0]).toHaveLength(250);
    expect(ws.fake.checkRuns[0]!.annotations).toHaveLength(10);
    expect(ws.fake.checkRuns[0]!.annotations.at(-1)!.path).toBe('modules/m225/manifests/init.pp');
  });

  /** `count` changed Markdown pages, which berth does not lint. */
  function addPages(count: number): void {
    for (let i = 0; i < count; i++) {
      ws.fake.setFile(`docs/page-${i}.md`, undefined, patchFor('text', 'all'), 'added');
    }
  }

  it.each([
    ['in the event payload', 3000],
    ['only from the pull request', null],
  ])('takes exactly 3,000 files, counted %s, as the whole listing', async (_, count) => {
    addPages(2999);
    const recipe = source('  error privileged-container web');
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, 'all'), 'added');
    await writeEvent(ws, { changedFiles: count });

    const out = await run(ws, { report: 'review' });

    expect(ws.fake.requestsTo('GET', /\/pulls\/7\/files$/)).toHaveLength(30);
    expect(out.lintCalls[0]!.map((file) => file.path)).toEqual([RECIPE]);
    expect(ws.fake.reviewComments.map((c) => [c.path, c.line])).toEqual([[RECIPE, 1]]);
    expect(ws.fake.requestsTo('GET', /\/compare\/|\/git\/trees\//)).toEqual([]);
    expect(ws.fake.requestsTo('GET', /\/pulls\/7$/)).toHaveLength(count === null ? 1 : 0);
    expect(out.stderr).toBe('');
    expect(out.summary).not.toContain('GitHub lists only');
    expect(ws.fake.issueComments).toEqual([]);
    expect(out.result.exitCode).toBe(1);
  });

  /**
   * 3,004 changed files: the manifest, a renamed recipe and 2,998 pages are listed; one page, a
   * recipe with an error, berth.yaml and a removed recipe are not. An unchanged recipe with
   * an error is in the tree too.
   */
  const moved = 'cookbooks/moved/recipes/default.rb';

  async function overflowingPullRequest(): Promise<void> {
    ws.fake.setFile(MANIFEST, manifestText(), patchFor(manifestText(), 'all'), 'added');
    ws.fake.contents.set(moved, "docker_image 'web' do\nend\n");
    ws.fake.files.push({
      filename: moved,
      previous_filename: 'cookbooks/old-name/recipes/default.rb',
      status: 'renamed',
      changes: 0,
    });
    addPages(2999);
    const recipe = source("docker_container 'web' do", '  error privileged-container web', 'end');
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, [2]));
    ws.fake.setFile('berth.yaml', 'containers: {}\n', patchFor('containers: {}', 'all'));
    ws.fake.setFile('cookbooks/old/recipes/default.rb', undefined, patchFor('x', [1]), 'removed');
    ws.fake.contents.set('cookbooks/base/recipes/default.rb', '  error host-network base');
    await writeEvent(ws);
  }

  it('finds the files past the 3,000th by comparing trees, and lints them', async () => {
    await overflowingPullRequest();

    const driftChecks: string[][] = [];
    const checkDrift = async (request: { changed: string[] }) => {
      driftChecks.push(request.changed);
      return [];
    };

    const out = await run(ws, { report: 'both' }, { checkDrift });

    expect(ws.fake.files).toHaveLength(3004);
    expect(ws.fake.requestsTo('GET', /\/compare\//).map((r) => r.path)).toEqual([
      `/repos/acme/fleet/compare/${ws.fake.baseSha}...${ws.fake.headSha}`,
    ]);
    const trees = ws.fake.requestsTo('GET', /\/git\/trees\//);
    expect(trees.map((r) => [r.path.split('/').at(-1), r.query.recursive]).sort()).toEqual([
      [ws.fake.headSha, 'true'],
      [ws.fake.mergeBaseSha, 'true'],
    ]);
    // The unlisted recipe is linted; the removed and the unchanged ones are not.
    expect(out.lintCalls[0]!.map((file) => file.path)).toEqual([MANIFEST, moved, RECIPE]);
    expect(driftChecks).toEqual([['berth.yaml']]);

    // Nothing shows which lines of the unlisted recipe changed: its finding is reported
    // whatever the filter mode, in the summary comment and the check run.
    expect(ws.fake.reviewComments.map((c) => [c.path, c.line])).toEqual([[MANIFEST, 2]]);
    const summary = ws.fake.issueComments[0]!.body;
    expect(summary).toContain(`\`${RECIPE}:2\``);
    expect(summary).toContain('berth found the other changed files (4)');
    expect(summary).not.toContain('were not checked');
    expect(summary).not.toContain('binary or too large');
    const annotations = ws.fake.checkRuns[0]!.annotations;
    expect(annotations.map((a) => [a.path, a.start_line])).toEqual([
      [RECIPE, 2],
      [MANIFEST, 2],
    ]);
    expect(out.stderr).toContain('changes 3,004 files and GitHub lists 3,000');
    expect(out.stderr).toContain('4 more changed files found by comparing trees');
    expect(out.result.exitCode).toBe(1);
    expect(out.result.diagnostics).toEqual([]);
  });

  it.each([
    ['the tree is truncated', () => void (ws.fake.truncatedTrees = true), 'larger than GitHub'],
    [
      'the comparison fails',
      () => ws.fake.fault({ method: 'GET', path: /\/compare\//, status: 404 }),
      'GitHub answered 404 to GET /repos/acme/fleet/compare/',
    ],
  ])('fails with exit code 2 when %s, after reporting the rest', async (_, breakIt, reason) => {
    await overflowingPullRequest();
    breakIt();

    const out = await run(ws, { report: 'both', failOn: 'none' });

    expect(out.result.exitCode).toBe(2);
    expect(out.result.diagnostics.map((d) => d.code)).toEqual(['BERTH-GITHUB-INCOMPLETE']);
    expect(out.stderr).toContain(
      'BERTH-GITHUB-INCOMPLETE the pull request changes 3,004 files; GitHub lists 3,000 and ' +
        'berth could not find the other 4, so they were not checked: ',
    );
    expect(out.stderr).toContain(reason);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.stderr).not.toContain('found by comparing trees');

    // Only the listed files were linted, and their findings are still reported.
    expect(out.lintCalls[0]!.map((file) => file.path)).toEqual([MANIFEST, moved]);
    expect(ws.fake.reviewComments.map((c) => [c.path, c.line])).toEqual([[MANIFEST, 2]]);
    // Under --fail-on none the findings alone would pass; the unchecked files do not.
    expect(ws.fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    for (const text of [ws.fake.issueComments[0]!.body, ws.fake.checkRuns[0]!.output.summary!]) {
      expect(text).toContain('**4 files were not checked**');
    }
    expect(out.summary).toContain('**4 files were not checked**');
  });

  it('reads files over 1 MB through the raw media type', async () => {
    const recipe = source('  error privileged-container web');
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, 'all'), 'added');
    ws.fake.largeFiles.add(RECIPE);
    await writeEvent(ws);

    const out = await run(ws, { report: 'check' });

    expect(out.lintCalls[0]).toEqual([{ path: RECIPE, text: recipe }]);
    expect(ws.fake.requestsTo('GET', /\/contents\//)).toHaveLength(2);
  });
});

describe('diff placement', () => {
  it('puts findings of a file without a patch into the summary, never on a line', async () => {
    const recipe = source("docker_container 'web' do", '  error privileged-container web', 'end');
    ws.fake.setFile(RECIPE, recipe, undefined);
    ws.fake.files[0]!.changes = 5000;
    await writeEvent(ws);

    await run(ws, { filterMode: 'file' });

    expect(ws.fake.requestsTo('POST', /\/reviews$/)).toEqual([]);
    const summary = ws.fake.issueComments[0]!.body;
    expect(summary).toContain('`cookbooks/web/recipes/default.rb:2`');
    expect(summary).toContain('GitHub shows no diff for `cookbooks/web/recipes/default.rb`');
  });

  it('spans a multi-line finding with start_line, clipped to the hunk that shows it', async () => {
    const recipe = source(
      ...Array.from({ length: 10 }, (_, i) => `# line ${i + 1}`),
      '  error privileged-container web +8',
      ...Array.from({ length: 8 }, (_, i) => `# line ${i + 12}`),
    );
    ws.fake.setFile(RECIPE, recipe, patchFor(recipe, [11], 2));
    await writeEvent(ws);

    await run(ws, { report: 'review' });

    const [comment] = ws.fake.reviewComments;
    expect(comment).toMatchObject({ start_line: 11, line: 13, side: 'RIGHT' });
  });

  it('lints only changed files under the given paths, and skips removed files', async () => {
    await standardPullRequest(ws);
    ws.fake.setFile('cookbooks/old/recipes/default.rb', undefined, patchFor('x', [1]), 'removed');
    await writeEvent(ws);

    const out = await run(ws, { paths: ['./modules/'] });

    expect(out.lintCalls[0]!.map((file) => file.path)).toEqual([MANIFEST]);
  });
});

describe('drift', () => {
  it('checks drift when berth.yaml changed, reading files of the head commit', async () => {
    await standardPullRequest(ws);
    ws.fake.setFile('berth.yaml', 'containers: {}\n', patchFor('containers: {}', 'all'));
    await writeEvent(ws);
    const seen: unknown[] = [];

    await run(
      ws,
      { report: 'check' },
      {
        checkDrift: async (request) => {
          seen.push(request.changed, await request.read('berth.yaml'), await request.read('nope'));
          return [
            {
              ruleId: 'generated-drift',
              severity: 'error',
              message: 'recipe differs from berth.yaml',
              file: 'cookbooks/gen/recipes/default.rb',
              line: 3,
              column: 1,
              endLine: 3,
              endColumn: 1,
              docsUrl: 'https://berth.dev/rules/generated-drift',
              fingerprint: 'generated-drift:cookbooks/gen',
            },
          ];
        },
      },
    );

    expect(seen).toEqual([['berth.yaml'], 'containers: {}\n', undefined]);
    const titles = ws.fake.checkRuns[0]!.annotations.map((a) => a.title);
    expect(titles).toContain('generated-drift');
  });

  it('checks drift when a generated file changed, and not otherwise', async () => {
    await standardPullRequest(ws);
    let calls: string[][] = [];
    const checkDrift = async (request: { changed: string[] }) => {
      calls.push(request.changed);
      return [];
    };

    await run(ws, { report: 'check' }, { checkDrift });
    expect(calls).toEqual([]);

    const generated = '# Generated by berth from berth.yaml; edit that file instead.\nclass gen {}';
    ws.fake.setFile('modules/gen/manifests/init.pp', generated, patchFor(generated, [2]));
    await writeEvent(ws);
    calls = [];
    await run(ws, { report: 'check' }, { checkDrift });
    expect(calls).toEqual([['modules/gen/manifests/init.pp']]);
  });
});

describe('GitHub Enterprise Server', () => {
  it('uses GITHUB_API_URL as the API root', async () => {
    const enterprise = await openWorkspace({ prefix: '/api/v3' });
    try {
      await standardPullRequest(enterprise);
      const out = await run(enterprise, { report: 'both' });
      expect(out.result.exitCode).toBe(1);
      expect(enterprise.fake.checkRuns).toHaveLength(1);
      expect(enterprise.fake.reviewComments).toHaveLength(3);
      expect(enterprise.apiUrl).toMatch(/\/api\/v3$/);
    } finally {
      await enterprise.close();
    }
  });
});

describe('the token', () => {
  it('is sent as a header and appears in no output, summary or request body', async () => {
    await standardPullRequest(ws);

    const outputs = [
      await run(ws, { filterMode: 'file', debug: true }),
      await run(ws, { filterMode: 'file', debug: true, token: TOKEN }, {}, { GITHUB_TOKEN: '' }),
    ];

    expect(new Set(ws.fake.requests.map((r) => r.authorization))).toEqual(
      new Set([`token ${TOKEN}`]),
    );
    for (const out of outputs) {
      expect(out.stderr).toContain('debug');
      for (const text of [out.stdout, out.stderr, out.summary]) expect(text).not.toContain(TOKEN);
    }
    for (const request of ws.fake.requests) expect(request.body).not.toContain(TOKEN);
  });

  it('stays hidden when GitHub echoes the request headers in an error', async () => {
    await standardPullRequest(ws);
    ws.fake.fault({
      method: 'GET',
      path: /\/pulls\/7\/files$/,
      status: 401,
      message: (request) => `Bad credentials: authorization=${request.authorization}`,
    });

    const out = await run(ws, { debug: true });

    expect(out.result.exitCode).toBe(2);
    expect(out.result.diagnostics[0]!.code).toBe('BERTH-GITHUB-API');
    expect(out.stderr).toContain('BERTH-GITHUB-API GitHub answered 401');
    expect(out.stderr).toContain('Bad credentials');
    expect(out.stderr).not.toContain(TOKEN);
    expect(JSON.stringify(out.result)).not.toContain(TOKEN);
  });
});
