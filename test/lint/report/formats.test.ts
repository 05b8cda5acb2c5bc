import { describe, expect, it } from 'vitest';

import { exitCode, formatResult } from '../../../lint/index.js';
import { docsUrl } from '../../../lint/rule.js';
import type { Finding, LintResult } from '../../../lint/types.js';
import { sampleRun } from './fixture.js';

const PRIVILEGED =
  'cookbooks/ci/recipes/runner.rb:3:3 error ' +
  'container runs privileged, with root access to the host privileged-container';
const HOST_NETWORK =
  "cookbooks/ci/recipes/runner.rb:4:3 warning container shares the host's network namespace, " +
  'exposing its ports, interfaces and loopback services host-namespace ' +
  '(suppressed by comment: needs host networking)';
const ETC =
  'modules/site/manifests/web.pp:3:15 warning ' +
  "container mounts the host's /etc (read-write) sensitive-host-path";
const SUMMARY =
  '3 files, 3 docker resources (1 class, 1 docker::run, 1 docker_container), ' +
  '3 findings (1 suppressed)';

describe('text', () => {
  it('prints file:line:col severity message rule-id, then one summary line', async () => {
    const text = formatResult(await sampleRun(), 'text');
    expect(text).toBe(`${PRIVILEGED}\n${ETC}\n${SUMMARY}\n`);
  });

  it('shows source lines with a caret under the span, and suppressed findings', async () => {
    const text = formatResult(await sampleRun(), 'text', { context: true, showSuppressed: true });
    expect(text.split('\n').slice(0, 8)).toEqual([
      PRIVILEGED,
      '3 |   privileged true',
      '  |   ^^^^^^^^^^^^^^^',
      HOST_NETWORK,
      "4 |   network_mode 'host' # berth:disable host-namespace -- needs host networking",
      '  |   ^^^^^^^^^^^^^^^^^^^',
      ETC,
      "3 |   volumes => ['/etc:/etc'],",
    ]);
  });

  it('lines the carets up under tabs, shown as spaces to the next multiple of four', () => {
    const finding: Finding = {
      ruleId: 'unpinned-image',
      severity: 'warning',
      message: 'image nginx has no tag',
      file: 'a.pp',
      line: 2,
      column: 2,
      endLine: 2,
      endColumn: 18,
      docsUrl: '',
      fingerprint: '',
    };
    const source = () => "docker::run { 'a':\n\timage\t=> 'nginx',\n}\n";
    const result = { files: ['a.pp'], findings: [finding], inventory: [], source };
    const text = formatResult(result, 'text', { context: true });
    expect(text.split('\n').slice(1, 3)).toEqual([
      "2 |     image   => 'nginx',",
      '  |     ^^^^^^^^^^^^^^^^^^',
    ]);
  });

  it('says so when nothing was found', () => {
    const empty: LintResult = { files: ['a.pp'], findings: [], inventory: [] };
    expect(formatResult(empty, 'text')).toBe('1 file, no docker resources, 0 findings\n');
  });
});

describe('json', () => {
  it('separates open and suppressed findings and carries the full inventory', async () => {
    const report = JSON.parse(formatResult(await sampleRun(), 'json'));
    expect(Object.keys(report)).toEqual([
      'version',
      'tool',
      'summary',
      'files',
      'findings',
      'suppressed',
      'inventory',
    ]);
    expect(report.summary).toEqual({
      files: 3,
      resources: 3,
      resourceTypes: { class: 1, 'docker::run': 1, docker_container: 1 },
      findings: 3,
      suppressed: 1,
      errors: 1,
      warnings: 1,
      infos: 0,
    });
    expect(report.findings.map((f: Finding) => f.ruleId)).toEqual([
      'privileged-container',
      'sensitive-host-path',
    ]);
    expect(report.suppressed).toMatchObject([
      {
        ruleId: 'host-namespace',
        suppression: { kind: 'inline', reason: 'needs host networking' },
      },
    ]);
    expect(report.inventory).toEqual([
      {
        file: 'cookbooks/ci/recipes/runner.rb',
        type: 'docker_container',
        title: 'runner',
        line: 1,
        column: 1,
        source: 'recipe',
      },
      {
        file: 'modules/site/manifests/init.pp',
        type: 'class',
        title: 'docker',
        line: 2,
        column: 3,
        source: 'manifest',
        form: 'include',
      },
      {
        file: 'modules/site/manifests/web.pp',
        type: 'docker::run',
        title: 'web',
        line: 1,
        column: 1,
        source: 'manifest',
      },
    ]);
    expect(report.findings[0]).toMatchObject({
      resource: { type: 'docker_container', title: 'runner' },
      docsUrl: expect.stringMatching(/docs\/rules\/privileged-container\.md$/),
    });
  });
});

describe('checkstyle', () => {
  it('writes one file element per linted file and leaves suppressed findings out', async () => {
    expect(formatResult(await sampleRun(), 'checkstyle')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<checkstyle version="4.3">\n' +
        '  <file name="cookbooks/ci/recipes/runner.rb">\n' +
        '    <error line="3" column="3" severity="error" ' +
        'message="container runs privileged, with root access to the host" ' +
        'source="berth.privileged-container"/>\n' +
        '  </file>\n' +
        '  <file name="modules/site/manifests/init.pp"/>\n' +
        '  <file name="modules/site/manifests/web.pp">\n' +
        '    <error line="3" column="15" severity="warning" ' +
        'message="container mounts the host&apos;s /etc (read-write)" ' +
        'source="berth.sensitive-host-path"/>\n' +
        '  </file>\n' +
        '</checkstyle>\n',
    );
  });
});

describe('github', () => {
  it('prints one workflow command per open finding, errors first', async () => {
    const lines = formatResult(await sampleRun(), 'github')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=cookbooks/ci/recipes/runner.rb,line=3,endLine=3,col=3,endColumn=18,' +
        'title=berth privileged-container::container runs privileged, with root access to the ' +
        `host%0A${docsUrl('privileged-container')}`,
    );
    expect(lines[1]).toMatch(/^::warning file=modules\/site\/manifests\/web\.pp,line=3,/);
  });
});

describe('exit code', () => {
  function result(...severities: Finding['severity'][]): LintResult {
    const findings = severities.map(
      (severity) =>
        ({ ruleId: 'x', severity, message: 'm', file: 'f', line: 1, column: 1 }) as Finding,
    );
    return { files: ['f'], findings, inventory: [] };
  }

  it.each([
    [[], {}, 0],
    [['warning'], {}, 0],
    [['error'], {}, 1],
    [['warning'], { failOn: 'warning' }, 1],
    [['info'], { failOn: 'warning' }, 0],
    [['info'], { failOn: 'info' }, 1],
    [['error'], { failOn: 'none' }, 0],
    [['warning', 'warning'], { maxWarnings: 1 }, 1],
    [['warning', 'warning'], { maxWarnings: 2 }, 0],
  ] as const)('%j with %j exits %i', (severities, options, expected) => {
    expect(exitCode(result(...severities), options)).toBe(expected);
  });

  it('ignores suppressed findings, and exits 2 on an internal error', () => {
    const suppressed = result('error');
    suppressed.findings[0]!.suppression = { kind: 'inline', reason: 'ok' };
    expect(exitCode(suppressed)).toBe(0);
    const broken = result('warning');
    broken.findings[0]!.ruleId = 'internal-error';
    expect(exitCode(broken, { failOn: 'none' })).toBe(2);
  });
});
