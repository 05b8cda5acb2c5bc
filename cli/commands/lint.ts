import { writeFileSync } from 'node:fs';

import { fail } from '../../diagnostics/diagnostic.js';
import { useColor } from '../../diagnostics/format.js';
import { single, usage, type ParsedArgs } from '../args.js';
import type { LintOptions } from '../../lint/index.js';
import { lintSpec } from '../specs.js';

const formats = ['text', 'json', 'sarif', 'github', 'checkstyle'] as const;
const settings = ['off', 'error', 'warning', 'info'] as const;

export async function runLint(args: ParsedArgs): Promise<number> {
  if (args.flags.github) return runOnPullRequest(args);

  const format = single(args, 'format', 'text');
  if (!(formats as readonly string[]).includes(format)) {
    usage(lintSpec, `--format must be one of ${formats.join(', ')}, not "${format}"`);
  }
  const { exitCode, formatResult, lintPaths } = await import('../../lint/index.js');

  const result = await lintPaths(args.positionals, {
    cwd: process.cwd(),
    config: args.flags['no-config'] ? false : single(args, 'config'),
    rules: ruleSettings(args.values.rule ?? []),
    only: args.values.only,
    ignore: args.values.ignore ?? [],
    hiera: args.values.hiera ?? [],
    parseAll: args.flags['parse-all'] === true,
    failOn: failOn(single(args, 'fail-on', 'error')),
    maxWarnings: maxWarnings(single(args, 'max-warnings')),
    ...specOption(single(args, 'spec')),
  });

  const report = formatResult(result, format as (typeof formats)[number], {
    context: args.flags.context === true,
    showSuppressed: args.flags['show-suppressed'] === true,
    color: !args.flags['no-color'] && !single(args, 'output') && useColor(process.stdout),
  });
  writeReport(single(args, 'output'), report);
  return exitCode(result);
}

/** `--spec`: the berth file the drift rule compares generated files with. */
function specOption(spec: string | undefined): { spec?: string } {
  return spec === undefined ? {} : { spec };
}

function writeReport(output: string | undefined, report: string): void {
  if (output === undefined) {
    process.stdout.write(report);
    return;
  }
  try {
    writeFileSync(output, report);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    fail(
      'BERTH-WRITE-FAILED',
      { path: output, reason, writeHint: 'choose another --output' },
      { file: output },
    );
  }
}

function ruleSettings(values: string[]): Record<string, (typeof settings)[number]> {
  return Object.fromEntries(
    values.map((value) => {
      const [id, setting] = value.split('=');
      if (!id || !setting || !(settings as readonly string[]).includes(setting)) {
        usage(lintSpec, `--rule takes ID=${settings.join('|')}, not "${value}"`);
      }
      return [id, setting as (typeof settings)[number]];
    }),
  );
}

function failOn(value: string): 'error' | 'warning' | 'info' | 'none' {
  if (value === 'error' || value === 'warning' || value === 'info' || value === 'none') {
    return value;
  }
  return usage(lintSpec, `--fail-on must be error, warning, info or none, not "${value}"`);
}

function maxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) usage(lintSpec, `--max-warnings takes a number, not "${value}"`);
  return Number(value);
}

/**
 * `--github`: lints the files a pull request changes and reports on it. The reporter prints
 * its own diagnostics (with the token removed), so nothing is printed again here.
 */
async function runOnPullRequest(args: ParsedArgs): Promise<number> {
  const [{ runPullRequest }, { lintFiles }, { driftSources }] = await Promise.all([
    import('../../github/index.js'),
    import('../../lint/index.js'),
    import('../../lint/drift/index.js'),
  ]);
  // The exit code of a pull request's run counts the findings it reports, at --fail-on.
  if (single(args, 'max-warnings') !== undefined) {
    usage(lintSpec, '--max-warnings does not apply with --github; use --fail-on warning');
  }
  const settings: LintOptions = {
    cwd: process.cwd(),
    config: args.flags['no-config'] ? false : single(args, 'config'),
    rules: ruleSettings(args.values.rule ?? []),
    ignore: args.values.ignore ?? [],
    hiera: args.values.hiera ?? [],
    parseAll: args.flags['parse-all'] === true,
  };
  const only = args.values.only;
  const result = await runPullRequest(
    {
      report: single(args, 'github-report'),
      filterMode: single(args, 'filter-mode'),
      failOn: single(args, 'fail-on'),
      paths: args.positionals,
      token: single(args, 'token'),
      debug: args.flags.debug === true,
      checkName: single(args, 'check-name'),
      specPath: single(args, 'spec'),
    },
    {
      lint: (files) => lintFiles(files, { ...settings, only }),
      // The generated files and berth.yaml as they are at the head commit, compared by the
      // drift rule alone, unless --only leaves the drift rule out.
      checkDrift: async (request) => {
        if (only && !only.includes('drift')) return [];
        const { spec, files } = await driftSources(request);
        const result = await lintFiles(files, { ...settings, only: ['drift'], spec });
        return result.findings;
      },
    },
  );
  return result.exitCode;
}
