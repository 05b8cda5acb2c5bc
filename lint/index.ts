import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { BerthError, diagnostic } from '../diagnostics/diagnostic.js';
import { attempt } from '../model/read.js';
import { closest } from '../model/suggest.js';
import { atOrAbove, findConfig, type FailOn, type LintConfig, type RuleSetting } from './config.js';
import { LintEngine, type EngineOptions, type Source } from './engine.js';
import { definesSiteDockerClass } from './extract/site-docker.js';
import { classifier, findFiles, toPosix } from './files.js';
import type { SpecSource } from './drift/index.js';
import { ruleIds } from './registry.js';
import type { LintResult } from './types.js';

export type { FailOn, RuleSetting } from './config.js';
export type { Finding, InventoryEntry, LintResult, LintSeverity } from './types.js';
export { rules, ruleById } from './registry.js';
export { formatResult, type OutputFormat, type FormatOptions } from '../report/index.js';

/** Options of `berth lint`; each maps to one flag (docs/lint.md lists them). */
export interface LintOptions {
  /** The folder relative paths start from and `.berth-lint.yaml` is looked for in. */
  cwd?: string;
  /** `--config <file>`; `false` for `--no-config`. */
  config?: string | false;
  /** `--rule <id>=<off|error|warning|info>`: wins over the configuration file. */
  rules?: Record<string, RuleSetting>;
  /** `--only <id,...>`: run only these rules. */
  only?: string[];
  /** `--ignore <pattern>`: more paths to leave out. */
  ignore?: string[];
  /** `--hiera <pattern>`: more YAML files to read as Hiera data. */
  hiera?: string[];
  /** `--parse-all`: parse every file, to report syntax errors in files without docker. */
  parseAll?: boolean;
  /** `--fail-on`: the lowest severity that makes the run fail (exit 1). Default `error`. */
  failOn?: FailOn;
  /** `--max-warnings <n>`: fail when more warnings than this are left unsuppressed. */
  maxWarnings?: number;
  /**
   * `--spec <file>`: the berth file generated files are compared with (the drift rule),
   * relative to `cwd`; or the berth file as text. Without it, each generated file's header
   * names the berth file, looked for in the file's folder and above.
   */
  spec?: string | SpecSource;
}

/** A run's findings and inventory, with the settings that decide its exit code. */
export interface LintReport extends LintResult {
  failOn: FailOn;
  maxWarnings?: number;
  /** The configuration file read, if any. */
  configFile?: string;
  /** The text of a linted file, for showing source lines. */
  source(path: string): string | undefined;
}

/**
 * Lints the recipes (`*.rb`), manifests (`*.pp`) and Hiera data (`*.yaml` under `data/` or
 * `hieradata/`, or as configured) at and under `paths` (the working folder when empty).
 * Throws a BerthError for a bad configuration or a path that does not exist.
 */
export async function lintPaths(
  paths: readonly string[],
  options: LintOptions = {},
): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = settingsOf(findConfig(cwd, options.config), options);
  const classify = classifier(config.base, config.ignore, config.hiera);
  const found = findFiles(paths.length > 0 ? paths : ['.'], cwd, classify);
  const texts = new Map<string, string>();
  const siteDockerClass = definesSiteDockerClass(found);
  const engine = new LintEngine(config, {
    ...engineOptions(config, options, cwd),
    siteDockerClass,
  });
  engine.prepare(found.map((file) => file.kind));
  let sources: Source[];
  try {
    sources = found.map(({ path, absolute, kind }) => ({
      path,
      kind,
      bytes: attempt(() => readFileSync(absolute), path),
    }));
  } catch (error) {
    engine.close();
    throw error;
  }
  const result = await engine.lint(sources);
  return report(result, config, (path) => sourceText(texts, sources, path));
}

/**
 * Lints files given as text (the pull-request reporter reads them from GitHub). Files berth
 * does not read are left out; YAML files count as Hiera data only by their folder or the
 * configuration.
 */
export async function lintFiles(
  files: readonly { path: string; text: string }[],
  options: LintOptions = {},
): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = settingsOf(findConfig(cwd, options.config), options);
  const classify = classifier(config.base, config.ignore, config.hiera);
  const sources: Source[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const absolute = resolve(cwd, file.path);
    const kind = classify.kindOf(absolute, false);
    if (kind && !classify.ignored(absolute))
      sources.push({ path: toPosix(file.path), kind, text: file.text });
  }
  const result = await new LintEngine(config, engineOptions(config, options, cwd)).lint(sources);
  const texts = new Map(files.map((file) => [toPosix(file.path), file.text]));
  return report(result, config, (path) => texts.get(path));
}

/**
 * 0: nothing unsuppressed at or above the fail level, and warnings within `maxWarnings`;
 * 1: findings that fail the run; 2: berth could not check everything (an internal error).
 * A bad configuration or path never gets here: it throws, and the CLI exits with 2.
 */
export function exitCode(
  result: LintResult & { failOn?: FailOn; maxWarnings?: number },
  options: { failOn?: FailOn; maxWarnings?: number } = {},
): 0 | 1 | 2 {
  const open = result.findings.filter((finding) => !finding.suppression);
  if (open.some((finding) => finding.ruleId === 'internal-error')) return 2;
  const failOn = options.failOn ?? result.failOn ?? 'error';
  if (open.some((finding) => atOrAbove(finding.severity, failOn))) return 1;
  const maxWarnings = options.maxWarnings ?? result.maxWarnings;
  const warnings = open.filter((finding) => finding.severity === 'warning').length;
  return maxWarnings !== undefined && warnings > maxWarnings ? 1 : 0;
}

function engineOptions(config: LintConfig, options: LintOptions, cwd: string): EngineOptions {
  const engine: EngineOptions = { parseAll: config.parseAll ?? false, cwd };
  const spec = options.spec ?? config.spec;
  if (spec !== undefined) engine.spec = spec;
  return engine;
}

/** The configuration file's settings with the command line's on top. */
function settingsOf(config: LintConfig, options: LintOptions): LintConfig {
  for (const id of [...Object.keys(options.rules ?? {}), ...(options.only ?? [])]) checkRuleId(id);
  const rules: Record<string, RuleSetting> = { ...config.rules, ...options.rules };
  if (options.only) {
    for (const id of ruleIds) if (!options.only.includes(id)) rules[id] = 'off';
  }
  const merged: LintConfig = {
    ...config,
    rules,
    ignore: [...config.ignore, ...(options.ignore ?? [])],
    hiera: [...config.hiera, ...(options.hiera ?? [])],
  };
  const failOn = options.failOn ?? config.failOn;
  if (failOn) merged.failOn = failOn;
  const maxWarnings = options.maxWarnings ?? config.maxWarnings;
  if (maxWarnings !== undefined) merged.maxWarnings = maxWarnings;
  const parseAll = options.parseAll ?? config.parseAll;
  if (parseAll !== undefined) merged.parseAll = parseAll;
  return merged;
}

function checkRuleId(id: string): void {
  if (ruleIds.includes(id)) return;
  const suggestion = closest(id, ruleIds);
  const problem = `unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"` : ''}`;
  throw new BerthError(diagnostic('BERTH-USAGE-ARGUMENT', { problem, command: 'lint' }));
}

function report(
  result: LintResult,
  config: LintConfig,
  source: (path: string) => string | undefined,
): LintReport {
  const lintReport: LintReport = { ...result, failOn: config.failOn ?? 'error', source };
  if (config.maxWarnings !== undefined) lintReport.maxWarnings = config.maxWarnings;
  if (config.file) lintReport.configFile = config.file;
  return lintReport;
}

/** Decodes a file's bytes again only when a formatter asks for its lines. */
function sourceText(
  cache: Map<string, string>,
  sources: readonly Source[],
  path: string,
): string | undefined {
  if (!cache.has(path)) {
    const source = sources.find((candidate) => candidate.path === path);
    if (!source?.bytes) return undefined;
    cache.set(path, new TextDecoder('utf-8').decode(source.bytes));
  }
  return cache.get(path);
}
